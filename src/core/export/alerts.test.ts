import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withLinkDefaults } from '../model/defaults';
import type { Design } from '../model/types';
import { alertRuleFile, brokerMetrics, listAlertRules, templateText } from './alerts';
import { nastyDeployDesign, promtoolErrors } from './deployTools';
import { getTestDesigns } from './testDesigns';

const DESIGN: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    gw: { kind: 'gateway', name: 'Gateway' },
    order: { kind: 'service', name: 'Order', availability: 99.9, latencyMs: 250 },
    billing: { kind: 'service', name: 'Billing', latencyMs: 80 },
    kafka: { kind: 'broker', name: 'Kafka', tech: 'kafka' },
    rabbit: { kind: 'broker', name: 'Rabbit', tech: 'rabbitmq' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync' },
    { from: 'gw', to: 'order', kind: 'sync', timeoutMs: 1000 },
    { from: 'order', to: 'billing', kind: 'sync', breaker: { openMs: 10000, fallback: 'queue the invoice' } },
    { from: 'order', to: 'kafka', kind: 'async', channel: 'order.placed' },
    {
      from: 'kafka',
      to: 'billing',
      kind: 'async',
      channel: 'order.placed',
      consumerGroup: 'billing-v2',
      dlq: 'order.placed.dlq',
    },
    { from: 'order', to: 'rabbit', kind: 'async', channel: 'invoice' },
    { from: 'rabbit', to: 'billing', kind: 'async', channel: 'invoice', dlq: 'invoice.dlq' },
  ],
};

type FileRule = { rules: { alert: string; labels: Record<string, string>; annotations: Record<string, string> }[] };

/** Every dead-letter channel of the design, its links read with the design's defaults. */
function deadLetterChannels(design: Design): Set<string> {
  return new Set(withLinkDefaults(design).links.flatMap((link) => (link.kind === 'async' && link.dlq ? [link.dlq] : [])));
}

function deadLetterLabels(file: { groups: FileRule[] }): string[] {
  return file.groups.flatMap((g) => g.rules.filter((r) => r.alert === 'DeadLetterMessages').map((r) => r.labels.channel!));
}

describe('listAlertRules', () => {
  it('alerts on each dead-letter channel, consumer group, breaker, error budget and entry latency', () => {
    const rules = listAlertRules(DESIGN);
    expect(rules.map((rule) => `${rule.alert} ${Object.values(rule.labels).join(' ')}`)).toEqual([
      'DeadLetterMessages order.placed.dlq',
      'DeadLetterMessages invoice.dlq',
      'ConsumerLag billing-v2 order.placed',
      'ConsumerLag billing invoice',
      'BreakerOpen order billing',
      'ErrorBudgetBurnFast order 99.9',
      'ErrorBudgetBurnSlow order 99.9',
      'LatencyOverBudget order 250',
    ]);
    expect(rules[0]!.expr).toBe('sum(increase(kafka_topic_partition_current_offset{topic="order.placed.dlq"}[5m])) > 0');
    expect(rules[1]!.expr).toBe('sum(rabbitmq_detailed_queue_messages_ready{queue="invoice.dlq"}) > 0');
    expect(rules[2]!.expr).toBe('sum(kafka_consumergroup_lag{consumergroup="billing-v2", topic="order.placed"}) > 1000');
    expect(rules[4]!.expr).toContain('source_workload="order", destination_service_name="billing", response_flags=~"UH|UO"');
    expect(rules[4]!.description).toContain('falls back to: queue the invoice');
    // 14.4 x a 0.1% budget, over 1 h and 5 min.
    expect(rules[5]!.expr).toContain('[1h]))) > 0.0144 and');
    expect(rules[5]!.expr).toContain('[5m]))) > 0.0144');
    expect(rules[7]!.expr).toContain('destination_workload="order"}[5m]))) > 250');
    for (const rule of rules) expect(rule.runbook.length).toBeGreaterThan(20);
    expect(promtoolErrors(alertRuleFile(DESIGN))).toBe('');
  });

  it('a consumer group or channel with a lone surrogate or U+FFFD is still a PromQL string promtool reads', () => {
    const odd = structuredClone(DESIGN);
    const consumption = odd.links.find((link) => link.consumerGroup === 'billing-v2')!;
    consumption.consumerGroup = 'billing-\uD800-v2';
    consumption.channel = 'order.\uFFFD.placed';
    const lag = listAlertRules(odd).find((rule) => rule.alert === 'ConsumerLag')!;
    expect(lag.expr).toContain('consumergroup="billing-\\uFFFD-v2", topic="order.\\uFFFD.placed"');
    expect(promtoolErrors(alertRuleFile(odd))).toBe('');
  });

  it('a breaker fallback named with a noncharacter (U+FFFE) reaches promtool escaped', () => {
    // The shrunk counterexample of a CI run of the hostile-design property below.
    const odd = structuredClone(DESIGN);
    const guarded = odd.links.find((link) => link.breaker !== undefined)!;
    guarded.breaker = { ...guarded.breaker, fallback: 'queue\uFFFE' };
    const text = alertRuleFile(odd);
    expect(text).toContain('falls back to: queue\\ufffe.');
    expect(promtoolErrors(text)).toBe('');
  });

  it('the validator is real: promtool refuses a broken expression', () => {
    expect(promtoolErrors(alertRuleFile(DESIGN).replace('> 1000', '> > 1000'))).toMatch(/parse error/);
  });

  it("alerts on a dead-letter channel the design's defaults name, and keeps a link's own", () => {
    const links = DESIGN.links.map((link) => (link.dlq === 'invoice.dlq' ? { ...link, dlq: undefined } : link));
    const design: Design = {
      ...DESIGN,
      links: JSON.parse(JSON.stringify(links)) as Design['links'],
      defaults: { dlq: '{channel}.parked' },
    };
    const dead = listAlertRules(design).filter((rule) => rule.alert === 'DeadLetterMessages');
    expect(dead.map((rule) => rule.labels.channel)).toEqual(['order.placed.dlq', 'invoice.parked']);
    expect(dead[1]!.expr).toBe('sum(rabbitmq_detailed_queue_messages_ready{queue="invoice.parked"}) > 0');
    expect(promtoolErrors(alertRuleFile(design))).toBe('');
    // One channel shared by many consumers: one alert, its text naming the first eight.
    const many: Design = {
      signalbox: 1,
      name: 'Many',
      defaults: { dlq: 'parked' },
      nodes: Object.fromEntries([
        ['kafka', { kind: 'broker', name: 'Kafka' }],
        ...Array.from({ length: 12 }, (_, i) => [`c${i}`, { kind: 'service', name: `C${i}` }]),
      ]) as Design['nodes'],
      links: Array.from({ length: 12 }, (_, i) => ({ from: 'kafka', to: `c${i}`, kind: 'async' as const, channel: `t${i}` })),
    };
    const shared = listAlertRules(many).filter((rule) => rule.alert === 'DeadLetterMessages');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.description).toBe(
      'C0, C1, C2, C3, C4, C5, C6, C7 and 4 more could not process messages from t0, t1, t2, t3, t4, t5, t6, t7 and 4 more; they are parked on parked.',
    );
    // Without the default, the same design has no alert for the invoice channel.
    expect(listAlertRules({ ...design, defaults: undefined }).filter((rule) => rule.alert === 'DeadLetterMessages')).toHaveLength(
      1,
    );
  });

  it('writes nothing when there is nothing to alert on', () => {
    expect(alertRuleFile({ signalbox: 1, name: 'x', nodes: { a: { kind: 'service', name: 'A' } }, links: [] })).toBe('');
  });

  it('reads broker metrics from the exporter of its tech', () => {
    expect([brokerMetrics('RabbitMQ'), brokerMetrics('Amazon SQS'), brokerMetrics('kafka'), brokerMetrics(undefined)]).toEqual([
      'rabbitmq-prometheus',
      'yace-sqs',
      'kafka-exporter',
      'kafka-exporter',
    ]);
    expect(templateText('a {{ .Value }} b')).toBe('a {{ "{{" }} .Value }} b');
  });

  it.each(getTestDesigns())('$id: promtool accepts the rule file and every dead-letter channel has its alert', ({ design }) => {
    const text = alertRuleFile(design);
    const dlqs = deadLetterChannels(design);
    if (text === '') return expect(dlqs.size).toBe(0);
    expect(promtoolErrors(text)).toBe('');
    // In the file promtool checked: one DeadLetterMessages rule per dead-letter channel.
    const file = parse(text) as { groups: FileRule[] };
    expect(new Set(deadLetterLabels(file))).toEqual(new Set([...dlqs].map(templateText)));
    expect(deadLetterLabels(file)).toHaveLength(dlqs.size);
    for (const rule of file.groups.flatMap((group) => group.rules))
      expect(Object.keys(rule.annotations)).toEqual(['summary', 'description', 'runbook']);
  });

  it('promtool accepts the rules of any hostile design; names stay text, even `{{`', () => {
    fc.assert(
      fc.property(nastyDeployDesign, (design) => {
        const text = alertRuleFile(design);
        expect(promtoolErrors(text)).toBe('');
        const dlqs = [...deadLetterChannels(design)].filter((dlq) => dlq.trim() !== '');
        const labels = deadLetterLabels(parse(text) as { groups: FileRule[] });
        expect(labels.sort()).toEqual(dlqs.map(templateText).sort());
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
