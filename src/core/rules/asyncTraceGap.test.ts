import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, service, shapeOf } from './testUtils';

describe('async-trace-gap', () => {
  it('reports a hop without trace context between two tracing services, on either side of the broker', () => {
    const design = makeDesign({ order: service({ tracing: true }), payment: service({ tracing: true }), bus: broker() }, [
      async('order', 'bus', { channel: 'order.placed', traceContext: false }),
      async('bus', 'payment', { channel: 'order.placed', traceContext: false }),
    ]);
    const findings = findingsOf(design, 'async-trace-gap');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'payment'], links: ['order->bus:order.placed'] },
      { severity: 'warning', nodes: ['payment', 'order'], links: ['bus->payment:order.placed'] },
    ]);
    expect(findings[0]!.message).toBe(
      'The trace stops at channel order.placed: Order and Payment both trace, but Order → Bus carries no trace context',
    );
  });

  it('stays silent when the hop carries context, when it is not stated, or when the other side does not trace', () => {
    const design = makeDesign(
      { order: service({ tracing: true }), payment: service({ tracing: true }), legacy: service(), bus: broker() },
      [
        async('order', 'bus', { channel: 'order.placed', traceContext: true }),
        async('bus', 'payment', { channel: 'order.placed' }),
        async('order', 'bus', { channel: 'order.audit', traceContext: false }),
        async('bus', 'legacy', { channel: 'order.audit' }),
      ],
    );
    expect(findingsOf(design, 'async-trace-gap')).toEqual([]);
  });

  it('reports a direct service-to-service event', () => {
    const design = makeDesign({ order: service({ tracing: true }), mail: service({ tracing: true }) }, [
      async('order', 'mail', { channel: 'order.placed', traceContext: false, dlq: 'x', idempotent: true }),
    ]);
    expect(findingsOf(design, 'async-trace-gap').map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['order', 'mail'], links: ['order->mail:order.placed'] },
    ]);
  });
});
