import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from '../export/asyncapi';
import { buildReportIndex } from '../export/report/reportIndex';
import { lintDesign } from '../rules/engine';
import { simulate } from '../simulate/simulate';
import type { Design, Link } from '../model/types';
import { buildGraphIndex } from './graphIndex';
import { buildMessaging, getUpstream } from './messaging';

/**
 * One definition of publisher, consumer and channel (messaging.ts), stated row by row, and the
 * rules, the simulator and the AsyncAPI export each checked against it.
 */
interface ExpectedChannel {
  /** `broker:channel`, or `~receiver:channel` for the implied broker of direct events. */
  channel: string;
  /** Who publishes on it directly. */
  publishers: string[];
  /** Who its consumers receive from: the publishers, plus those bridged in from another broker. */
  fedBy?: string[];
  consumers: string[];
  consumerGroups?: string[];
  deadLetters?: string[];
}

interface Row {
  name: string;
  nodes: Design['nodes'];
  links: Link[];
  flows?: Design['flows'];
  channels: ExpectedChannel[];
}

const svc = (name: string) => ({ kind: 'service' as const, name });
const kafka = (name: string) => ({ kind: 'broker' as const, name, tech: 'kafka' });
const a = (from: string, to: string, channel?: string, extra: Partial<Link> = {}): Link => ({
  from,
  to,
  kind: 'async',
  ...(channel ? { channel } : {}),
  ...extra,
});

const ROWS: Row[] = [
  {
    name: 'plain publish and consume through a broker',
    nodes: { order: svc('Order'), pay: svc('Payment'), bus: kafka('Kafka') },
    links: [a('order', 'bus', 'order.created'), a('bus', 'pay', 'order.created')],
    channels: [{ channel: 'bus:order.created', publishers: ['order'], consumers: ['pay'] }],
  },
  {
    name: 'two publishers on one channel',
    nodes: { order: svc('Order'), returns: svc('Returns'), audit: svc('Audit'), bus: kafka('Kafka') },
    links: [a('order', 'bus', 'order.changed'), a('returns', 'bus', 'order.changed'), a('bus', 'audit', 'order.changed')],
    channels: [{ channel: 'bus:order.changed', publishers: ['order', 'returns'], consumers: ['audit'] }],
  },
  {
    name: 'a consumer group of two consumers',
    nodes: { order: svc('Order'), pay: svc('Payment'), pay2: svc('Payment B'), bus: kafka('Kafka') },
    links: [
      a('order', 'bus', 'order.created'),
      a('bus', 'pay', 'order.created', { consumerGroup: 'payment' }),
      a('bus', 'pay2', 'order.created', { consumerGroup: 'payment' }),
    ],
    channels: [{ channel: 'bus:order.created', publishers: ['order'], consumers: ['pay', 'pay2'], consumerGroups: ['payment'] }],
  },
  {
    name: 'a bridge broker -> broker relays the channel: neither publisher nor consumer',
    nodes: { order: svc('Order'), billing: svc('Billing'), eu: kafka('Kafka EU'), us: kafka('Kafka US') },
    links: [a('order', 'eu', 'order.created'), a('eu', 'us', 'order.created'), a('us', 'billing', 'order.created')],
    channels: [
      { channel: 'eu:order.created', publishers: ['order'], consumers: [] },
      { channel: 'us:order.created', publishers: [], fedBy: ['order'], consumers: ['billing'] },
    ],
  },
  {
    name: 'a direct service -> service event goes through an implied broker',
    nodes: { order: svc('Order'), mail: svc('Mail') },
    links: [a('order', 'mail', 'order.mail')],
    channels: [{ channel: '~mail:order.mail', publishers: ['order'], consumers: ['mail'] }],
  },
  {
    name: 'a dead-letter channel belongs to its consumer',
    nodes: { order: svc('Order'), pay: svc('Payment'), bus: kafka('Kafka') },
    links: [a('order', 'bus', 'order.created'), a('bus', 'pay', 'order.created', { dlq: 'order.created.dlq' })],
    channels: [{ channel: 'bus:order.created', publishers: ['order'], consumers: ['pay'], deadLetters: ['order.created.dlq'] }],
  },
  {
    name: 'a command is a publication like any message',
    nodes: { order: svc('Order'), pay: svc('Payment'), bus: kafka('Kafka') },
    links: [
      a('order', 'bus', 'payment.charge', { pattern: 'command' }),
      a('bus', 'pay', 'payment.charge', { pattern: 'command' }),
    ],
    flows: [{ name: 'checkout', saga: 'orchestration', steps: [{ link: 'order->bus:payment.charge' }] }],
    channels: [{ channel: 'bus:payment.charge', publishers: ['order'], consumers: ['pay'] }],
  },
  {
    name: 'an async link to a third-party API is a direct event',
    nodes: { order: svc('Order'), crm: { kind: 'external', name: 'CRM' } },
    links: [a('order', 'crm', 'customer.updated')],
    channels: [{ channel: '~crm:customer.updated', publishers: ['order'], consumers: ['crm'] }],
  },
  {
    name: 'a sync call to a broker or a service is no messaging',
    nodes: { order: svc('Order'), pay: svc('Payment'), bus: kafka('Kafka') },
    links: [
      { from: 'order', to: 'bus', kind: 'sync' },
      { from: 'order', to: 'pay', kind: 'sync', timeoutMs: 100 },
    ],
    channels: [],
  },
];

const designOf = (row: Row): Design => ({
  signalbox: 1,
  name: row.name,
  nodes: row.nodes,
  links: row.links,
  ...(row.flows ? { flows: row.flows } : {}),
});

const sorted = (list: Iterable<string>) => [...new Set(list)].sort();
const allOf = (row: Row, key: 'publishers' | 'consumers') => sorted(row.channels.flatMap((c) => c[key]));

describe.each(ROWS)('messaging: $name', (row) => {
  const design = designOf(row);

  it('core/graph states the channels, publishers, consumers, groups and dead letters', () => {
    const graph = buildGraphIndex(design);
    const messaging = buildMessaging(graph);
    const id = (i: number) => graph.nodeIds[i]!;
    const channels = messaging.channels.map((c, k) => ({
      channel: `${c.broker >= 0 ? id(c.broker) : `~${id(c.receiver)}`}:${c.name ?? ''}`,
      publishers: c.publications.map((j) => id(graph.linkFrom[j]!)),
      fedBy: sorted(getUpstream(messaging, k).map((r) => id(graph.linkFrom[r.link]!))),
      consumers: c.consumptions.map((j) => id(graph.linkTo[j]!)),
      consumerGroups: c.consumerGroups,
      deadLetters: c.deadLetters,
    }));
    expect(channels).toEqual(
      row.channels.map((c) => ({
        consumerGroups: [],
        deadLetters: [],
        ...c,
        fedBy: sorted(c.fedBy ?? c.publishers),
      })),
    );
  });

  it('the rules see the same consumers and publishers', () => {
    // Strip what a consumer or a publication should carry, so each one is a finding naming it.
    const bare: Design = {
      ...design,
      links: design.links.map(({ dlq: _dlq, idempotent: _idempotent, message: _message, ...rest }) => rest),
    };
    const findings = lintDesign(bare);
    const firstNodes = (rule: string) => sorted(findings.filter((f) => f.rule === rule).map((f) => f.nodes[0]!));
    expect(firstNodes('missing-dlq')).toEqual(allOf(row, 'consumers'));
    expect(firstNodes('non-idempotent-consumer')).toEqual(allOf(row, 'consumers'));
    expect(firstNodes('unversioned-event')).toEqual(allOf(row, 'publishers'));
    // Every channel here has both sides (a bridge carries them across): nothing is orphaned.
    expect(findings.filter((f) => f.rule === 'orphan-channel')).toEqual([]);
    const original = lintDesign(design);
    if (row.flows)
      expect(original.filter((f) => f.rule === 'command-without-reply').map((f) => sorted(f.nodes))).toEqual([
        sorted([...allOf(row, 'publishers'), ...allOf(row, 'consumers')]),
      ]);
  });

  it('the simulator lags the consumers when what feeds them is down, and never the publishers', () => {
    for (const channel of row.channels) {
      const fedBy = channel.fedBy ?? channel.publishers;
      if (fedBy.length === 0 || channel.consumers.length === 0) continue;
      const { states } = simulate(design, fedBy);
      for (const consumer of channel.consumers)
        expect(states[consumer], `${consumer} when ${fedBy.join(', ')} down`).toBe('lagging');
    }
    for (const broker of Object.keys(design.nodes).filter((id) => design.nodes[id]!.kind === 'broker')) {
      const { states } = simulate(design, [broker]);
      const on = row.channels.filter((c) => c.channel.startsWith(`${broker}:`));
      // A publish into a down broker fails the request (no outbox).
      for (const p of on.flatMap((c) => c.publishers)) expect(states[p], `${p} when ${broker} down`).toBe('failed');
      // Its consumers lag, and so do the consumers of the brokers it is bridged to.
      const lagging = row.channels
        .filter((c) => (c.fedBy ?? c.publishers).some((p) => on.some((o) => o.publishers.includes(p))))
        .flatMap((c) => c.consumers);
      for (const c of lagging) expect(states[c], `${c} when ${broker} down`).toBe('lagging');
      // A broker is never a consumer: a bridged broker stays ok.
      for (const other of Object.keys(design.nodes).filter((id) => id !== broker && design.nodes[id]!.kind === 'broker'))
        expect(states[other]).toBe('ok');
    }
  });

  it('the AsyncAPI export sends for the publishers and receives for the consumers, on the brokers', () => {
    const { document } = asyncApiDocument(design);
    const channels = (document.channels ?? {}) as Record<
      string,
      { address: string; servers?: { $ref: string }[]; 'x-signalbox-dlq-of'?: string }
    >;
    const operations = Object.values((document.operations ?? {}) as Record<string, Record<string, unknown>>);
    const channelOf = (op: Record<string, unknown>) => channels[(op.channel as { $ref: string }).$ref.split('/').pop()!]!;
    const nodesOf = (action: string) =>
      sorted(
        operations
          .filter((op) => op.action === action && channelOf(op)['x-signalbox-dlq-of'] === undefined)
          .map((op) => op['x-signalbox-node'] as string),
      );
    expect(nodesOf('send')).toEqual(allOf(row, 'publishers'));
    expect(nodesOf('receive')).toEqual(allOf(row, 'consumers'));
    for (const expected of row.channels) {
      const [where, address] = expected.channel.split(':') as [string, string];
      const found = Object.values(channels).find((c) => c.address === address)!;
      expect(found, address).toBeDefined();
      const servers = (found.servers ?? []).map((s) => s.$ref.split('/').pop());
      if (!where.startsWith('~')) expect(servers).toContain(where);
      else expect(servers).toEqual([]);
      for (const dlq of expected.deadLetters ?? [])
        expect(Object.values(channels).find((c) => c.address === dlq)?.['x-signalbox-dlq-of']).toBe(address);
    }
    const groups = operations.flatMap((op) =>
      op['x-signalbox-consumer-group'] ? [op['x-signalbox-consumer-group'] as string] : [],
    );
    expect(sorted(groups)).toEqual(sorted(row.channels.flatMap((c) => c.consumerGroups ?? [])));
  });

  it('the report groups the same publishers and consumers per channel (a relay shows where it is consumed)', () => {
    const index = buildReportIndex(design);
    const { graph } = index;
    const groups = index.channels.map((g) => ({
      publishers: sorted([...g.publications, ...g.bridgedPublications].map((j) => graph.nodeIds[graph.linkFrom[j]!]!)),
      consumers: g.consumptions.map((j) => graph.nodeIds[graph.linkTo[j]!]!),
    }));
    // A channel that only relays to another broker is listed there, where it is consumed.
    const shown = row.channels.filter((c) => c.consumers.length > 0);
    expect(groups).toEqual(shown.map((c) => ({ publishers: sorted(c.fedBy ?? c.publishers), consumers: c.consumers })));
  });
});
