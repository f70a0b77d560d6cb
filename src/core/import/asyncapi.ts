/**
 * AsyncAPI 2.6 and 3.0: servers become brokers (or the broker node already there), channels
 * become channel links with their message and schema; 3.0 `send`/`receive` and 2.x
 * `subscribe`/`publish` become publish and consume links of the application the document describes.
 */
import { getLinkId, makeNodeId } from '../model/ids';
import type { Link, Message } from '../model/types';
import type { SourceDoc } from './source';
import { isRecord } from './source';
import type { SpecContext } from './specs';
import { deref, findOrCreateNode, hostOf } from './specs';
import type { Inference } from './types';

const PROTOCOL_TECH: Record<string, string> = {
  kafka: 'kafka',
  'kafka-secure': 'kafka',
  amqp: 'rabbitmq',
  amqps: 'rabbitmq',
  nats: 'nats',
  mqtt: 'mqtt',
  'secure-mqtt': 'mqtt',
  pulsar: 'pulsar',
  sqs: 'sqs',
  sns: 'sns',
  googlepubsub: 'pubsub',
  jms: 'jms',
  redis: 'redis',
  solace: 'solace',
};

interface Operation {
  action: 'send' | 'receive';
  address: string;
  messages: Message[];
  path: (string | number)[];
  label: string;
}

function message(root: unknown, raw: unknown, key?: string): Message {
  const m = deref(root, raw) as Record<string, unknown>;
  const out: Message = {};
  const name = typeof m.name === 'string' ? m.name : typeof m.messageId === 'string' ? m.messageId : key;
  if (name) out.name = name;
  const payload = deref(root, m.payload);
  if (isRecord(payload)) out.schema = payload;
  return out;
}

function messagesOf(root: unknown, raw: unknown): Message[] {
  const m = deref(root, raw);
  if (isRecord(m) && Array.isArray(m.oneOf)) return m.oneOf.map((x) => message(root, x));
  return isRecord(m) ? [message(root, m)] : [];
}

function operationsOf(doc: Record<string, unknown>): Operation[] {
  const ops: Operation[] = [];
  const channels = isRecord(doc.channels) ? doc.channels : {};
  if (String(doc.asyncapi).startsWith('2')) {
    for (const [address, raw] of Object.entries(channels)) {
      if (!isRecord(raw)) continue;
      // 2.x is written from the application's side as others see it: `subscribe` means others
      // subscribe to what this application sends; `publish` means others publish to it.
      for (const [verb, action] of [
        ['subscribe', 'send'],
        ['publish', 'receive'],
      ] as const)
        if (isRecord(raw[verb]))
          ops.push({
            action,
            address,
            messages: messagesOf(doc, raw[verb].message),
            path: ['channels', address, verb],
            label: `${verb} on ${address}`,
          });
    }
    return ops;
  }
  const operations = isRecord(doc.operations) ? doc.operations : {};
  for (const [opId, raw] of Object.entries(operations)) {
    if (!isRecord(raw) || (raw.action !== 'send' && raw.action !== 'receive')) continue;
    const channel = deref(doc, raw.channel);
    const channelKey =
      isRecord(raw.channel) && typeof raw.channel.$ref === 'string' ? raw.channel.$ref.split('/').pop() : undefined;
    const address = isRecord(channel) && typeof channel.address === 'string' ? channel.address : channelKey;
    if (!address) continue;
    const chosen =
      Array.isArray(raw.messages) && raw.messages.length > 0
        ? raw.messages
        : isRecord(channel) && isRecord(channel.messages)
          ? Object.values(channel.messages)
          : [];
    const messages = chosen.map((m) => {
      const key = isRecord(m) && typeof m.$ref === 'string' ? m.$ref.split('/').pop() : undefined;
      return message(doc, m, key);
    });
    ops.push({ action: raw.action, address, messages, path: ['operations', opId], label: `operation ${opId} (${raw.action})` });
  }
  return ops;
}

export function readAsyncApi(doc: SourceDoc, ctx: SpecContext, inferences: Inference[]): void {
  const data = doc.data as Record<string, unknown>;
  const note = (element: string, what: string, reason: string, path: (string | number)[]) => {
    const line = doc.lineOf(path);
    inferences.push({ element, what, reason, file: doc.file, ...(line !== undefined ? { line } : {}) });
  };
  const info = isRecord(data.info) ? data.info : {};
  const title = typeof info.title === 'string' ? info.title : doc.file;
  const app = findOrCreateNode(ctx, title, 'service');
  note(app.id, app.created ? 'service' : 'described by this document', app.reason, ['info']);
  // One broker per server host: the node already there (a compose or Kubernetes workload), else a new one.
  let broker: string | undefined;
  const servers = isRecord(data.servers) ? data.servers : {};
  for (const [key, raw] of Object.entries(servers)) {
    if (!isRecord(raw)) continue;
    const url = typeof raw.host === 'string' ? raw.host : typeof raw.url === 'string' ? raw.url : '';
    const host = hostOf(url);
    const tech = PROTOCOL_TECH[String(raw.protocol ?? '').toLowerCase()];
    const existing = host ? ctx.nodeForHost(host) : undefined;
    if (existing && ctx.design.nodes[existing]?.kind === 'broker') {
      broker ??= existing;
      note(existing, 'broker of the channels', `server ${key} (${url}) is ${existing}`, ['servers', key]);
      continue;
    }
    if (broker) continue;
    const id = makeNodeId(host ?? key, ctx.design.nodes);
    ctx.design.nodes[id] = { kind: 'broker', name: host ?? key, ...(tech ? { tech } : {}) };
    broker = id;
    note(id, `broker${tech ? ` (${tech})` : ''}`, `server ${key} (${url}, protocol ${String(raw.protocol ?? 'not stated')})`, [
      'servers',
      key,
    ]);
  }
  const ops = operationsOf(data);
  if (!broker) {
    if (ops.length > 0)
      note(app.id, 'channels not placed', 'the document names no server, so no broker carries its channels', ['channels']);
    return;
  }
  const byId = new Map(ctx.design.links.map((l) => [getLinkId(l), l]));
  for (const op of ops) {
    const [from, to] = op.action === 'send' ? [app.id, broker] : [broker, app.id];
    const link: Link = { from, to, kind: 'async', channel: op.address };
    const first = op.messages[0];
    if (first && (first.name || first.schema)) link.message = first;
    const id = getLinkId(link);
    const existing = byId.get(id);
    if (existing) {
      if (!existing.message && link.message) existing.message = link.message;
      continue;
    }
    ctx.design.links.push(link);
    byId.set(id, link);
    note(id, op.action === 'send' ? 'publish' : 'consume', `${op.label}${first?.name ? `, message ${first.name}` : ''}`, op.path);
  }
  // A channel-less link between the two (from an environment value) is now said better.
  const before = ctx.design.links.length;
  ctx.design.links = ctx.design.links.filter(
    (l) =>
      !(l.kind === 'async' && !l.channel && ((l.from === app.id && l.to === broker) || (l.from === broker && l.to === app.id))),
  );
  if (ctx.design.links.length < before)
    note(`${app.id}->${broker}`, 'replaced', 'the channel links of this document say more', ['info']);
}
