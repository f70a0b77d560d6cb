import { describe, expect, it } from 'vitest';
import { isReplayable } from './messaging';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

describe('event-sourcing-not-replayable', () => {
  it('reports an event-sourced service that publishes only to a queue, or nowhere', () => {
    const design = makeDesign(
      {
        ledger: service({ eventSourced: true }),
        audit: service({ eventSourced: true }),
        mq: broker({ tech: 'RabbitMQ' }),
        stats: service(),
      },
      [async('ledger', 'mq', { channel: 'ledger.posted' }), async('mq', 'stats', { channel: 'ledger.posted' })],
    );
    const findings = findingsOf(design, 'event-sourcing-not-replayable');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['ledger', 'mq'], links: ['ledger->mq:ledger.posted'] },
      { severity: 'warning', nodes: ['audit'], links: [] },
    ]);
    expect(findings[0]!.message).toContain('publishes only to Mq, which deletes messages once delivered');
  });

  it('stays silent for a log, an unknown broker, a stated replayable broker, or a service that is not event-sourced', () => {
    const design = makeDesign(
      {
        ledger: service({ eventSourced: true }),
        orders: service({ eventSourced: true }),
        billing: service({ eventSourced: true }),
        plain: service(),
        kafka: broker({ tech: 'kafka' }),
        bus: broker(),
        mq: broker({ tech: 'rabbitmq streams', replayable: true }),
      },
      [
        async('ledger', 'kafka', { channel: 'ledger.posted' }),
        async('orders', 'bus', { channel: 'order.placed' }),
        async('billing', 'mq', { channel: 'bill.sent' }),
        async('plain', 'mq', { channel: 'plain.done' }),
      ],
    );
    expect(findingsOf(design, 'event-sourcing-not-replayable')).toEqual([]);
  });

  it('judges a broker from replayable, then from tech', () => {
    expect(isReplayable({ kind: 'broker', name: 'K', tech: 'Apache Kafka' })).toBe(true);
    expect(isReplayable({ kind: 'broker', name: 'J', tech: 'NATS JetStream' })).toBe(true);
    expect(isReplayable({ kind: 'broker', name: 'N', tech: 'nats' })).toBe(false);
    expect(isReplayable({ kind: 'broker', name: 'S', tech: 'sqs', replayable: true })).toBe(true);
    expect(isReplayable({ kind: 'broker', name: 'X', tech: 'homegrown' })).toBeUndefined();
    expect(isReplayable({ kind: 'service', name: 'S', tech: 'kafka' })).toBeUndefined();
  });
});
