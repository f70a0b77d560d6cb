// @vitest-environment jsdom
// Each section filled from a design that states everything, and its "Not stated" line when the
// design is silent; every template and fixture's document parses with mermaid (needs a DOM).
// eslint-disable-next-line no-restricted-imports -- tests check our output with the official parser
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../fixtures/index';
import { readDesign } from '../../format/read';
import type { Design } from '../../model/types';
import { TEMPLATES } from '../../templates/index';
import { exportDesign } from '../index';
import { markdownReport } from '../markdownReport';
import { listAlertRules } from '../alerts';
import { marked } from 'marked';
import { monitoringPlan } from './monitoring';
import { lines } from './text';

const STATED: Design = {
  signalbox: 1,
  name: 'Shop',
  platform: 'kubernetes',
  tracePropagation: 'w3c',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    gw: {
      kind: 'gateway',
      name: 'Edge',
      auth: 'jwt',
      rateLimitRps: 500,
      transformations: ['strip /api prefix'],
      loadBalancing: 'round-robin',
    },
    order: {
      kind: 'service',
      name: 'Order',
      discovery: 'mesh',
      loadBalancing: 'least-connections',
      healthCheck: true,
      tracing: true,
      eventSourced: true,
      replicas: 3,
    },
    pay: {
      kind: 'service',
      name: 'Pay',
      discovery: 'dns',
      loadBalancing: 'round-robin',
      healthCheck: true,
      tracing: true,
      availability: 99.9,
      replicas: 2,
    },
    bus: { kind: 'broker', name: 'Kafka', tech: 'kafka' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
    {
      from: 'gw',
      to: 'order',
      kind: 'sync',
      protocol: 'rest',
      version: 'v2',
      operations: ['POST /orders'],
      auth: 'jwt',
      timeoutMs: 900,
      breaker: { fallback: 'queue it' },
    },
    {
      from: 'order',
      to: 'pay',
      kind: 'sync',
      protocol: 'grpc',
      version: 'v1',
      operations: ['Pay/Authorize'],
      auth: 'mtls',
      timeoutMs: 500,
      retry: { max: 2, backoff: 'exponential', jitter: true },
      breaker: { failureRatePct: 50 },
      bulkhead: { maxConcurrent: 20 },
      notes: 'the order cannot be confirmed without the money',
    },
    {
      from: 'order',
      to: 'bus',
      kind: 'async',
      channel: 'order.placed',
      pattern: 'event',
      traceContext: true,
      message: {
        name: 'OrderPlaced',
        version: 2,
        compatibility: 'backward',
        schema: { type: 'object', properties: { orderId: { type: 'string' } } },
      },
    },
    {
      from: 'bus',
      to: 'pay',
      kind: 'async',
      channel: 'order.placed',
      pattern: 'event',
      traceContext: true,
      delivery: 'at-least-once',
      idempotent: true,
      dlq: 'order.placed.dlq',
      dlqReplay: 'ops console re-publish',
      consumerGroup: 'pay',
    },
  ],
  flows: [
    {
      name: 'Checkout',
      saga: 'orchestration',
      consistency: 'eventual',
      steps: [
        { link: 'gw->order', compensation: 'cancel the order' },
        { link: 'order->pay', pivot: true },
        { link: 'order->bus:order.placed' },
      ],
    },
  ],
};

const SILENT: Design = {
  signalbox: 1,
  name: 'Bare',
  nodes: {
    gw: { kind: 'gateway', name: 'Edge' },
    order: { kind: 'service', name: 'Order' },
    pay: { kind: 'service', name: 'Pay' },
    bus: { kind: 'broker', name: 'Bus' },
  },
  links: [
    { from: 'gw', to: 'order', kind: 'sync' },
    { from: 'order', to: 'pay', kind: 'sync' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.placed' },
    { from: 'bus', to: 'pay', kind: 'async', channel: 'order.placed' },
  ],
};

const stated = markdownReport(STATED, {
  findings: [],
  blastRadius: [{ node: 'pay', name: 'Pay', failed: 1, degraded: 0, lagging: 0, entries: { web: 'failed' } }],
});
const silent = markdownReport(SILENT, { findings: [] });

function section(report: string, n: number): string {
  const start = report.indexOf(`\n## ${n}. `);
  const end = report.indexOf('\n## ', start + 1);
  return report.slice(start, end);
}

describe('the architecture document, section by section', () => {
  it('1 interactions: the pattern and why, from notes or implied', () => {
    expect(section(stated, 1)).toContain(
      '| Order | Pay | sync grpc, request-reply | the order cannot be confirmed without the money |',
    );
    expect(section(stated, 1)).toContain(
      '| Order | Pay | async event on order.placed | a step of the orchestration saga "Checkout" |',
    );
    expect(section(silent, 1)).toContain(
      '- Not stated: whether it is an event, a command or a request-reply: messages on order.placed (`pattern`)',
    );
  });

  it('2 sync contracts: operations, versions, caller authentication, the contract file', () => {
    expect(section(stated, 2)).toContain('| Pay | Pay/Authorize | v1 | Order | mtls | pay.proto |');
    expect(section(stated, 2)).toContain('| Order | POST /orders | v2 | Edge | jwt | order.openapi.yaml |');
    // The file names are the ones the exporters write, both when a service is called both ways.
    const both: Design = {
      ...SILENT,
      nodes: { ...SILENT.nodes, 'pay/v1': { kind: 'service', name: 'Pay v1' } },
      links: [
        ...SILENT.links,
        { from: 'order', to: 'pay/v1', kind: 'sync', protocol: 'rest' },
        { from: 'gw', to: 'pay/v1', kind: 'sync', protocol: 'grpc' },
      ],
    };
    const files = [...exportDesign(both, 'openapi'), ...exportDesign(both, 'proto')].map((f) => f.fileName);
    expect(files).toContain('pay-v1.openapi.yaml');
    expect(files).toContain('pay-v1.proto');
    expect(section(markdownReport(both, { findings: [] }), 2)).toContain('| pay-v1.openapi.yaml, pay-v1.proto |');
    expect(section(silent, 2)).toContain('- Not stated: how callers authenticate to Order and Pay (`auth`)');
    expect(section(silent, 2)).toContain('- Not stated: the API version of Order and Pay (`version`)');
  });

  it('3 messaging: structure, schema, delivery, DLQ and replay, naming', () => {
    const s = section(stated, 3);
    expect(s).toContain('- Kafka (kafka): 1 channel, a log: consumers can replay');
    expect(s).toContain('| order.placed | OrderPlaced v2 | orderId: string | Kafka | Order |');
    expect(s).toContain('| order.placed | Pay | pay | at-least-once | yes | order.placed.dlq | ops console re-publish |');
    expect(section(silent, 3)).toContain('| order.placed | Pay | – | – | – | – | – |');
    expect(section(markdownReport({ ...SILENT, links: SILENT.links.slice(0, 3) }, { findings: [] }), 3)).toContain(
      'Nothing consumes these channels.',
    );
    expect(s).not.toContain('Not stated');
    expect(s).toContain('Envelope: every message travels as a CloudEvents 1.0 event');
    expect(s).toContain(
      'Naming. Channels: 1 name, too few to show a convention. Messages: 1 name, too few to show a convention.',
    );
    expect(section(silent, 3)).toContain('- Not stated: a dead-letter channel for Pay on order.placed (`dlq`)');
    expect(section(silent, 3)).toContain('- Not stated: the delivery guarantee of Pay on order.placed (`delivery`)');
  });

  it('4 sagas and consistency: steps, compensations, pivot, consistency, event sourcing', () => {
    const s = section(stated, 4);
    expect(s).toContain('### Saga: Checkout (orchestration)');
    expect(s).toContain('| 1 | Edge → Order | cancel the order | compensatable |');
    expect(s).toContain('| 2 | Order → Pay | – | pivot \\(go/no-go\\) |');
    expect(s).toContain('| Checkout | eventual | orchestration |');
    expect(s).toContain('- Order: its events are its state and audit trail; published to order.placed on Kafka \\(replayable\\)');
    expect(section(silent, 4)).toContain('- Not stated: the critical flows and their consistency (`flows:`)');
  });

  it('5 schema evolution: the mode and what a change may do', () => {
    expect(section(stated, 5)).toContain(
      '| OrderPlaced | order.placed | 2 | backward | add optional fields, remove fields; upgrade consumers first |',
    );
    expect(section(silent, 5)).toContain('- Not stated: the compatibility mode of order.placed (`message.compatibility`)');
  });

  it('6 discovery, load balancing, health checks', () => {
    expect(section(stated, 6)).toContain('Platform: kubernetes.');
    expect(section(stated, 6)).toContain('| Order | mesh | least-connections | yes | 3 |');
    expect(section(stated, 6)).not.toContain('Not stated');
    expect(section(silent, 6)).toContain('- Not stated: where the system runs (`platform`)');
    expect(section(silent, 6)).toContain('- Not stated: how callers find Order and Pay (`discovery`)');
  });

  it('7 reliability: one table of every sync call', () => {
    expect(section(stated, 7)).toContain('| Order | Pay | 500 ms | 2×, exponential, jitter | 50% failures | 20 concurrent |');
    expect(section(silent, 7)).toContain('- Not stated: a timeout on Edge → Order and Order → Pay (`timeoutMs`)');
  });

  it("7 and 3: the design's link defaults count as stated", () => {
    const defaulted = markdownReport(
      {
        ...SILENT,
        defaults: { timeoutMs: 1500, retry: { max: 2, backoff: 'exponential' }, delivery: 'at-least-once', dlq: '{channel}.dlq' },
      },
      { findings: [] },
    );
    expect(section(defaulted, 7)).toContain('| Order | Pay | 1500 ms | 2×, exponential | – | – |');
    expect(section(defaulted, 7)).not.toContain('Not stated: a timeout');
    expect(section(defaulted, 3)).toContain('| order.placed | Pay | – | at-least-once | – | order.placed.dlq | – |');
    expect(section(defaulted, 3)).not.toContain('Not stated: a dead-letter channel');
    expect(section(defaulted, 11)).toContain('DeadLetterMessages');
  });

  it('8 tracing: format, async crossings, stops', () => {
    expect(section(stated, 8)).toContain('Propagation format: w3c.');
    expect(section(stated, 8)).toContain(
      '- Async hops that carry the context in message headers: Order → Kafka \\(order.placed\\), Kafka → Pay \\(order.placed\\)',
    );
    expect(section(silent, 8)).toContain('- Not stated: the trace propagation format (`tracePropagation`)');
    expect(section(silent, 8)).toContain('- Not stated: whether these services trace: Order and Pay (`tracing`)');
    expect(section(silent, 8)).toContain('Nothing is stated about tracing.');
    const stops = markdownReport(
      {
        ...STATED,
        nodes: { ...STATED.nodes, pay: { ...STATED.nodes.pay!, tracing: false } },
        links: STATED.links.map((l) => (l.to === 'pay' && l.kind === 'async' ? { ...l, traceContext: false } : l)),
      },
      { findings: [] },
    );
    expect(section(stops, 8)).toContain('- Where the trace stops: Kafka → Pay \\(order.placed\\), Order → Pay \\(sync\\)');
    expect(section(stops, 8)).toContain('- Services that do not: Pay');
  });

  it('9 gateway: auth, rate limit, transformations, routes', () => {
    expect(section(stated, 9)).toContain('- Request transformations: strip /api prefix');
    expect(section(stated, 9)).toContain('| Order | POST /orders | rest | v2 |');
    expect(section(silent, 9)).toContain('- Not stated: the request transformations of Edge (`transformations`)');
    expect(section(silent, 9)).toContain('- Not stated: how clients authenticate at Edge (`auth`)');
  });

  it('10 failure scenarios: who fails and why', () => {
    expect(section(stated, 10)).toContain('| Pay | Web | – | – | Order calls it with no fallback |');
  });

  it("11 monitoring: metrics per service, and the alerts export's own rules as its alert conditions", () => {
    const plan = monitoringPlan(STATED);
    const pay = plan.find((s) => s.node === 'pay')!;
    expect(pay.metrics).toEqual(['request rate', 'error rate', 'latency p99', 'availability', 'consumer lag', 'dead letters']);
    expect(pay.alerts.map((a) => a.alert)).toEqual([
      'DeadLetterMessages',
      'ConsumerLag',
      'ErrorBudgetBurnFast',
      'ErrorBudgetBurnSlow',
    ]);
    // The breaker alert belongs to the caller.
    expect(plan.find((s) => s.node === 'order')!.alerts.map((a) => a.alert)).toEqual(['BreakerOpen']);
    const s = section(stated, 11);
    expect(s).toContain('| Pay | request rate, error rate, latency p99, availability, consumer lag, dead letters |');
    expect(s).toContain(
      '| Pay | DeadLetterMessages | critical | at once | Pay could not process messages from order.placed; they are parked on order.placed.dlq. |',
    );
    expect(s).toContain('| Pay | ErrorBudgetBurnFast | critical | 2 min | Pay promises 99.9% availability;');
    expect(s).toContain('| Order | BreakerOpen | warning | 1 min | Calls from Order to Pay are refused by the circuit breaker.');
    // Every rule the alerts export writes is in the document, once.
    const rows = s.split('\n').filter((l) => /^\| [^|]+ \| [A-Z][A-Za-z]+ \| (critical|warning) \|/.test(l));
    expect(rows).toHaveLength(listAlertRules(STATED).length);
    expect(s.match(/ErrorBudgetBurnFast/g)).toHaveLength(1);
    expect(s).toContain('- Not stated: the availability target, so no error-budget alert, of Edge and Order (`availability`)');
    expect(s).toContain('- Not stated: the p99 latency budget, so no latency alert, of Edge and Order (`latencyMs`)');
    const latency = markdownReport(
      { ...STATED, nodes: { ...STATED.nodes, order: { ...STATED.nodes.order!, latencyMs: 300 } } },
      { findings: [] },
    );
    expect(section(latency, 11)).toContain(
      '| Order | LatencyOverBudget | warning | 10 min | The p99 latency of requests reaching Order has been over 300 ms for 10 minutes. |',
    );
    expect(section(latency, 11)).toContain('- Not stated: the p99 latency budget, so no latency alert, of Edge (`latencyMs`)');
  });

  it('11 monitoring: section 11 lists exactly the rules of the alerts export, for every template and fixture', () => {
    for (const t of [...TEMPLATES, ...FIXTURES]) {
      const design = readDesign(t.yaml).design!;
      const rules = listAlertRules(design);
      const listed = monitoringPlan(design).flatMap((s) => s.alerts);
      expect(listed).toHaveLength(rules.length);
      expect(new Set(listed)).toEqual(new Set(rules));
    }
  });

  it('12 sequences: the flows, or a Not stated line', () => {
    expect(section(stated, 12)).toContain('### Checkout');
    expect(section(silent, 12)).toContain('- Not stated: the critical flows (`flows:`)');
  });
});

describe('lists in a row', () => {
  it('stay two lists for a GitHub-flavoured Markdown reader (facts, then the Not stated checklist)', () => {
    const lists = (text: string) => marked.lexer(text, { gfm: true }).filter((token) => token.type === 'list');
    expect(lists(lines('- Services that trace: Order', '- Not stated: the format (`tracePropagation`)'))).toHaveLength(2);
    expect(lists(['- a', '- b'].join('\n\n'))).toHaveLength(1); // what a plain blank line gives
    expect(lines('Intro.', '- a')).toBe('Intro.\n\n- a');
    const tracing = section(
      markdownReport(
        { ...SILENT, nodes: { ...SILENT.nodes, order: { ...SILENT.nodes.order!, tracing: true } } },
        { findings: [] },
      ),
      8,
    );
    expect(lists(tracing).map((list) => (list as { items: unknown[] }).items.length)).toEqual([1, 3]);
  });
});

describe('the document of every template and fixture', () => {
  const designs = [...TEMPLATES, ...FIXTURES].map((t) => [t.id, readDesign(t.yaml).design!] as const);
  it.each(designs)(
    '%s: twelve sections, and every diagram parses',
    async (_id, design) => {
      const text = exportDesign(design, 'markdown')[0]!.text;
      const headings = text.split('\n').filter((l) => l.startsWith('## '));
      expect(headings.slice(0, 12).map((h) => h.split(' ')[1])).toEqual(Array.from({ length: 12 }, (_, n) => `${n + 1}.`));
      expect(headings[12]).toBe('## Findings');
      // Nothing said twice: no heading, gap line or sentence repeats.
      const said = text.split('\n').filter((l) => l.startsWith('#') || l.startsWith('- ') || /^[A-Z][^|]*\.$/.test(l));
      expect(said.filter((l, i) => said.indexOf(l) !== i)).toEqual([]);
      const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
      expect(blocks.length).toBeGreaterThan(1);
      for (const block of blocks) await mermaid.parse(block);
    },
    60_000,
  );
});
