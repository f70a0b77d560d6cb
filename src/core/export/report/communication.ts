import type { Link } from '../../model/types';
import { getNamingStyle, describeNamingStyle, voteNamingStyle } from '../../rules/namingConvention';
import { isReplayable } from '../../rules/messaging';
import { mermaidFlowchart } from '../mermaidFlowchart';
import { isRestCall } from '../openapi';
import { isGrpcCall } from '../proto';
import { createNodeFileNamer } from '../slug';
import type { ReportIndex } from './reportIndex';
import { channelLabel, isOwned, uniqueNames } from './reportIndex';
import { bullets, escapeMarkdown, fence, lines, listOf, names, notStated, table } from './text';

/** Why this link is sync or async: the link's notes, else what the design implies. */
function justify(index: ReportIndex, j: number): string {
  const link = index.graph.links[j]!;
  if (link.notes) return link.notes;
  const saga = index.flowsOf.get(j)?.find((f) => f.saga);
  if (saga) return `a step of the ${saga.saga} saga "${saga.name}"`;
  const to = index.graph.kinds[index.graph.linkTo[j]!];
  if (link.kind === 'sync') {
    if (to === 'database') return 'data access';
    if (to === 'external') return 'a third-party API answers only by request';
    return 'the caller needs the answer to go on';
  }
  if (link.pattern === 'command') return 'asks one receiver to act without waiting for it';
  if (link.pattern === 'request-reply') return 'an answer that may come later, on a reply channel';
  return 'the publisher needs no immediate answer; each consumer reacts on its own time';
}

function syncPattern(link: Link): string {
  return link.protocol ? `sync ${link.protocol}, request-reply` : 'sync, request-reply';
}

/** 1. Who talks to whom, and why that way. */
export function interactionsSection(index: ReportIndex): string {
  const { graph } = index;
  const rows = index.syncLinks.map((j) => [
    index.nameOf(graph.linkFrom[j]!),
    index.nameOf(graph.linkTo[j]!),
    syncPattern(graph.links[j]!),
    justify(index, j),
  ]);
  const unstatedPattern: string[] = [];
  for (const group of index.channels) {
    const all = [...group.publications, ...group.consumptions];
    const explained = all.find((j) => graph.links[j]!.notes) ?? all[0]!;
    const pattern = [...group.publications, ...group.consumptions].map((j) => graph.links[j]!.pattern).find(Boolean);
    if (!pattern) unstatedPattern.push(channelLabel(index, group));
    rows.push([
      listOf(
        uniqueNames(
          index,
          [...group.publications, ...group.bridgedPublications].map((j) => graph.linkFrom[j]!),
        ),
      ) || '(no producer)',
      listOf(
        uniqueNames(
          index,
          group.consumptions.map((j) => graph.linkTo[j]!),
        ),
      ) || '(no consumer)',
      `async ${pattern ?? 'message'} on ${channelLabel(index, group)}`,
      justify(index, explained),
    ]);
  }
  return lines(
    '## 1. Service interactions',
    fence(mermaidFlowchart(index.design)),
    rows.length === 0 ? 'The design has no links.' : table(['From', 'To', 'Pattern', 'Why'], rows),
    bullets([notStated('whether it is an event, a command or a request-reply: messages on', unstatedPattern, 'pattern')]),
  );
}

/**
 * The files `export --to openapi` and `--to proto` write for each node, named as they name them:
 * the same callees in the same order through the same namer.
 */
function contractFiles(index: ReportIndex): Map<number, string[]> {
  const { graph } = index;
  const rest = new Set<number>();
  const grpc = new Set<number>();
  for (const j of index.syncLinks) {
    const to = graph.linkTo[j]!;
    const kind = graph.kinds[to];
    if ((kind === 'service' || kind === 'gateway') && isRestCall(graph.links[j]!)) rest.add(to);
    if (kind === 'service' && isGrpcCall(graph.links[j]!)) grpc.add(to);
  }
  const openapi = createNodeFileNamer();
  const proto = createNodeFileNamer();
  const files = new Map<number, string[]>();
  for (let i = 0; i < graph.nodes.length; i++) {
    const list: string[] = [];
    if (rest.has(i)) list.push(`${openapi(graph.nodeIds[i]!)}.openapi.yaml`);
    if (grpc.has(i)) list.push(`${proto(graph.nodeIds[i]!)}.proto`);
    if (list.length > 0) files.set(i, list);
  }
  return files;
}

/** 2. What each service offers synchronously, and who may call it. */
export function syncContractsSection(index: ReportIndex): string {
  const { graph } = index;
  const contracts = contractFiles(index);
  const byCallee = new Map<number, number[]>();
  for (const j of index.syncLinks) {
    const to = graph.linkTo[j]!;
    if (!isOwned(index, to)) continue;
    const list = byCallee.get(to) ?? [];
    list.push(j);
    byCallee.set(to, list);
  }
  const noVersion: string[] = [];
  const noAuth: string[] = [];
  const noOperations: string[] = [];
  const rows = [...byCallee].map(([callee, links]) => {
    const ls = links.map((j) => graph.links[j]!);
    const operations = [...new Set(ls.flatMap((l) => l.operations ?? []))];
    const versions = [...new Set(ls.map((l) => l.version).filter((v) => v !== undefined))].map(String);
    const gatewayAuth = graph.nodes[callee]!.kind === 'gateway' ? graph.nodes[callee]!.auth : undefined;
    const auths = [...new Set([gatewayAuth, ...ls.map((l) => l.auth)].filter(Boolean))] as string[];
    const mesh = graph.nodes[callee]!.discovery === 'mesh';
    const label = graph.nodes[callee]!.name;
    if (versions.length === 0) noVersion.push(label);
    if (auths.length === 0 && !mesh) noAuth.push(label);
    if (operations.length === 0) noOperations.push(label);
    return [
      label,
      operations.length > 0 ? operations.join(', ') : undefined,
      versions.join(', ') || undefined,
      [...new Set(ls.map((l) => index.nameOf(graph.indexOf.get(l.from) ?? -1)))].join(', '),
      auths.length > 0 ? auths.join(', ') : mesh ? 'mesh (mTLS)' : undefined,
      contracts.get(callee)?.join(', '),
    ];
  });
  return lines(
    '## 2. Synchronous contracts',
    rows.length === 0
      ? 'No service is called synchronously.'
      : table(['Service', 'Operations', 'Versions', 'Callers', 'Caller authentication', 'Contract (export)'], rows),
    rows.length === 0
      ? undefined
      : 'Contracts: `signalbox export --to openapi` writes the OpenAPI file of each service called over REST, `--to proto` the proto3 file of each service called over gRPC. Timeouts, retries with backoff, breakers and bulkheads of every call are in section 7.',
    bullets([
      notStated('the operations offered by', noOperations, 'operations'),
      notStated('the API version of', noVersion, 'version'),
      notStated('how callers authenticate to', noAuth, 'auth'),
    ]),
  );
}

function schemaFields(schema: Record<string, unknown> | undefined): string | undefined {
  const properties = schema?.properties;
  if (!properties || typeof properties !== 'object') return schema ? 'stated' : undefined;
  return Object.entries(properties as Record<string, { type?: unknown }>)
    .map(([key, value]) => (typeof value?.type === 'string' ? `${key}: ${value.type}` : key))
    .join(', ');
}

function conventionLine(index: ReportIndex, what: string, nameOf: (j: number) => string | undefined): string {
  const vote = voteNamingStyle(index.graph, nameOf);
  if (vote.names.size === 0) return `${what}: none named.`;
  const count = vote.names.size;
  // The naming-convention rule needs at least 3 names to see a convention (rules.md).
  if (count < 3) return `${what}: ${count} name${count === 1 ? '' : 's'}, too few to show a convention.`;
  if (!vote.style) return `${what}: no convention most of the ${count} names follow.`;
  const breaking = [...vote.names].filter(([, e]) => e.style && e.style !== vote.style).map(([n]) => n);
  const following = [...vote.names.keys()].filter((n) => getNamingStyle(n) === vote.style).length;
  return `${what}: ${describeNamingStyle(vote.style)} (${following} of ${vote.names.size})${
    breaking.length > 0 ? `; breaking it: ${names(breaking)}` : '; every name follows it'
  }.`;
}

/** 3. Channels, messages, delivery, idempotency and dead letters. */
export function messagingSection(index: ReportIndex): string {
  const { graph } = index;
  if (index.channels.length === 0) return lines('## 3. Asynchronous messaging', 'The design sends no messages.');
  const noDelivery: string[] = [];
  const noIdempotency: string[] = [];
  const noDlq: string[] = [];
  const noReplay = new Set<string>();
  const noMessage: string[] = [];
  // Two tables: what travels on each channel, then each consumer's guarantees (one row each, so
  // a channel with many consumers stays readable).
  const consumerRows: (string | undefined)[][] = [];
  const rows = index.channels.map((group) => {
    const label = channelLabel(index, group);
    const message = index.messageOf(group);
    if (!message?.name) noMessage.push(label);
    for (const j of group.consumptions) {
      const link = graph.links[j]!;
      const consumer = index.nameOf(graph.linkTo[j]!);
      const who = `${consumer} on ${label}`;
      if (!link.delivery) noDelivery.push(who);
      if (link.idempotent === undefined) noIdempotency.push(who);
      if (!link.dlq) noDlq.push(who);
      else if (!link.dlqReplay) noReplay.add(link.dlq);
      consumerRows.push([
        label,
        consumer,
        link.consumerGroup,
        link.delivery,
        link.idempotent === undefined ? undefined : link.idempotent ? 'yes' : 'no',
        link.dlq,
        link.dlqReplay,
      ]);
    }
    return [
      label,
      message?.name ? `${message.name}${message.version === undefined ? '' : ` v${String(message.version)}`}` : undefined,
      schemaFields(message?.schema),
      group.broker < 0 ? 'direct' : index.nameOf(group.broker),
      [...new Set([...group.publications, ...group.bridgedPublications].map((j) => index.nameOf(graph.linkFrom[j]!)))].join(', '),
    ];
  });
  const perBroker = new Map<number, number>();
  for (const g of index.channels) perBroker.set(g.broker, (perBroker.get(g.broker) ?? 0) + 1);
  const brokers = graph.nodes.flatMap((node, i) => {
    if (node.kind !== 'broker') return [];
    const count = perBroker.get(i) ?? 0;
    const replay = isReplayable(node);
    return [
      `- ${escapeMarkdown(node.name)}${node.tech ? ` (${escapeMarkdown(node.tech)})` : ''}: ${count} channel${count === 1 ? '' : 's'}, ${
        replay === undefined
          ? 'replay not stated'
          : replay
            ? 'a log: consumers can replay'
            : 'a queue: messages are gone once delivered'
      }`,
    ];
  });
  return lines(
    '## 3. Asynchronous messaging',
    brokers.length > 0
      ? `Topic and queue structure:\n\n${brokers.join('\n')}`
      : 'Every message goes straight from service to service.',
    `What travels on each channel:\n\n${table(['Channel', 'Message', 'Schema', 'Broker', 'Producers'], rows)}`,
    consumerRows.length === 0
      ? 'Nothing consumes these channels.'
      : `Each consumer's delivery guarantee, de-duplication and dead letters:\n\n${table(
          ['Channel', 'Consumer', 'Group', 'Delivery', 'Idempotent', 'DLQ', 'DLQ replay'],
          consumerRows,
        )}`,
    `Naming. ${conventionLine(index, 'Channels', (j) => graph.links[j]!.channel)} ${conventionLine(
      index,
      'Messages',
      (j) => graph.links[j]!.message?.name,
    )}`,
    'Envelope: every message travels as a CloudEvents 1.0 event (`specversion`, `id`, `source`, `type`, `time`, `datacontenttype`, a `correlationid` extension) whose `data` is the message schema above; `signalbox export --to schemas` writes one JSON Schema (2020-12) per message.',
    'Dead letters are monitored by the dead-letter alerts of section 11.',
    bullets([
      notStated('the message name on', noMessage, 'message.name'),
      notStated('the delivery guarantee of', noDelivery, 'delivery'),
      notStated('whether it de-duplicates:', noIdempotency, 'idempotent'),
      notStated('a dead-letter channel for', noDlq, 'dlq'),
      notStated('how dead letters are replayed from', [...noReplay], 'dlqReplay'),
    ]),
  );
}
