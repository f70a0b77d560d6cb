import type { Compatibility, Design, DesignNode, Finding, Flow, Link, Message } from '../model/types';
import { COMPATIBILITIES } from '../model/types';
import { deepEqual } from '../model/equal';
import { getLinkId } from '../model/ids';
import { formatPath } from '../model/validate';
import { lintDesign } from '../rules/engine';
import { getChannelEnds } from './channels';
import { compareFindings } from './findingsDelta';
import { compareSchemas } from './schemaCompat';
import type { ChangeElement, DesignChange, DesignDiff, DiffSummary } from './types';

type Segment = string | number;

/** The mode schema registries default to when a subject states none. */
export const DEFAULT_COMPATIBILITY: Compatibility = 'backward';

/** Keys that say where a node is drawn, not what it is: a moved node is not a design change. */
const LAYOUT_KEYS = new Set(['at']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as the text output shows it: short, one line (a 5,000-character name is cut). */
export function showValue(value: unknown): string {
  // A list of objects (flow steps) reads better as its length than as cut-off JSON.
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function withoutLayout(node: DesignNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!LAYOUT_KEYS.has(key)) out[key] = value;
  return out;
}

interface Emit {
  element: ChangeElement;
  id: string;
  /** Prefix of the message: `node order`, `link gateway->order`. */
  subject: string;
}

/**
 * Every leaf that differs below `path`: objects are compared key by key (so key order and style
 * never count), lists as a whole (their order is meaningful: flow steps, operations).
 */
function diffValue(path: Segment[], before: unknown, after: unknown, emit: Emit, out: DesignChange[], skip?: Set<string>) {
  if (deepEqual(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (skip?.has(key)) continue;
      diffValue([...path, key], before[key], after[key], emit, out);
    }
    return;
  }
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const key = formatPath(path.slice(2).map(String)) || String(path[path.length - 1] ?? '');
  const what =
    change === 'added'
      ? `${key} set to ${showValue(after)}`
      : change === 'removed'
        ? `${key} removed (was ${showValue(before)})`
        : `${key} ${showValue(before)} -> ${showValue(after)}`;
  out.push({
    change,
    element: emit.element,
    id: emit.id,
    path: formatPath(path),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    breaking: false,
    message: `${emit.subject}: ${what}`,
  });
}

/** The compatibility each broker channel states on any of its links (HEAD first, then BASE). */
function getChannelModes(...designs: Design[]): Map<string, Compatibility> {
  const modes = new Map<string, Compatibility>();
  for (const design of designs) {
    for (const link of design.links) {
      const mode = link.message?.compatibility;
      if (!mode || !COMPATIBILITIES.includes(mode)) continue;
      const key = getChannelKey(design, link);
      if (key && !modes.has(key)) modes.set(key, mode);
    }
  }
  return modes;
}

function getChannelKey(design: Design, link: Link): string | undefined {
  if (!link.channel) return undefined;
  if (design.nodes[link.to]?.kind === 'broker') return `${link.to}:${link.channel}`;
  if (design.nodes[link.from]?.kind === 'broker') return `${link.from}:${link.channel}`;
  return `${link.from}->${link.to}:${link.channel}`;
}

function diffMessage(
  id: string,
  before: Message | undefined,
  after: Message | undefined,
  mode: Compatibility,
  out: DesignChange[],
) {
  const emit: Emit = { element: 'message', id, subject: `message on ${id}` };
  const path: Segment[] = ['links', id, 'message'];
  if (!before || !after) {
    diffValue(path, before, after, emit, out);
    return;
  }
  diffValue(path, before, after, emit, out, new Set(['schema']));
  const schemaChanges = compareSchemas(before.schema, after.schema, mode);
  const versionKept = deepEqual(before.version, after.version);
  for (const sc of schemaChanges) {
    const stays =
      sc.breaking && versionKept
        ? `; the message version ${before.version === undefined ? 'is not stated' : `stays ${showValue(before.version)}`}`
        : '';
    out.push({
      change: sc.change,
      element: 'message',
      id,
      path: formatPath([...path, 'schema', ...sc.path]),
      ...(sc.before !== undefined ? { before: sc.before } : {}),
      ...(sc.after !== undefined ? { after: sc.after } : {}),
      breaking: sc.breaking,
      message: `message on ${id}: ${sc.reason}${sc.breaking ? ` (not allowed under ${mode} compatibility)` : ''}${stays}`,
    });
  }
}

function nameOf(design: Design, id: string): string {
  const name = design.nodes[id]?.name;
  return name && name !== id ? `${id} (${name})` : id;
}

function flowKeys(flows: readonly Flow[] | undefined): Map<string, Flow> {
  const byKey = new Map<string, Flow>();
  for (const flow of flows ?? []) {
    let key = flow.name;
    for (let i = 2; byKey.has(key); i++) key = `${flow.name} #${i}`;
    byKey.set(key, flow);
  }
  return byKey;
}

/**
 * What HEAD changes against BASE: nodes, links, messages, flows, settings, each leaf with its
 * path, and whether an independently deployed party breaks (docs/cli.md). Semantic: the same
 * design written differently (key order, flow or block style, comments) has no changes; node
 * positions (`at`) are layout and are not compared.
 */
export function compareDesigns(base: Design, head: Design): DesignChange[] {
  const out: DesignChange[] = [];

  const topSkip = new Set(['nodes', 'links', 'flows', 'rules']);
  const topKeys = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const key of topKeys) {
    if (topSkip.has(key)) continue;
    diffValue([key], base[key], head[key], { element: 'design', id: key, subject: 'design' }, out);
  }

  for (const [id, after] of Object.entries(head.nodes)) {
    const before = base.nodes[id];
    if (!before) {
      out.push({
        change: 'added',
        element: 'node',
        id,
        path: formatPath(['nodes', id]),
        after: withoutLayout(after),
        breaking: false,
        message: `node ${nameOf(head, id)} added (${after.kind})`,
      });
    } else if (before !== after) {
      diffValue(['nodes', id], before, after, { element: 'node', id, subject: `node ${id}` }, out, LAYOUT_KEYS);
    }
  }
  for (const [id, before] of Object.entries(base.nodes)) {
    if (head.nodes[id]) continue;
    out.push({
      change: 'removed',
      element: 'node',
      id,
      path: formatPath(['nodes', id]),
      before: withoutLayout(before),
      breaking: false,
      message: `node ${nameOf(base, id)} removed (${before.kind})`,
    });
  }

  const baseLinks = new Map(base.links.map((l) => [getLinkId(l), l]));
  const headLinks = new Map(head.links.map((l) => [getLinkId(l), l]));
  const modes = getChannelModes(head, base);
  for (const [id, after] of headLinks) {
    const before = baseLinks.get(id);
    if (!before) {
      out.push({
        change: 'added',
        element: 'link',
        id,
        path: formatPath(['links', id]),
        after,
        breaking: false,
        message: `link ${id} added (${after.kind}${after.protocol ? ` ${after.protocol}` : ''})`,
      });
      continue;
    }
    if (before === after) continue;
    diffValue(['links', id], before, after, { element: 'link', id, subject: `link ${id}` }, out, new Set(['message']));
    const key = getChannelKey(head, after);
    const mode = after.message?.compatibility ?? (key ? modes.get(key) : undefined) ?? DEFAULT_COMPATIBILITY;
    diffMessage(id, before.message, after.message, mode, out);
  }
  for (const [id, before] of baseLinks) {
    if (headLinks.has(id)) continue;
    out.push({
      change: 'removed',
      element: 'link',
      id,
      path: formatPath(['links', id]),
      before,
      breaking: false,
      message: `link ${id} removed`,
    });
  }

  const baseFlows = flowKeys(base.flows);
  const headFlows = flowKeys(head.flows);
  for (const [name, after] of headFlows) {
    const before = baseFlows.get(name);
    const path: Segment[] = ['flows', name];
    if (!before) {
      out.push({
        change: 'added',
        element: 'flow',
        id: name,
        path: formatPath(path),
        after,
        breaking: false,
        message: `flow "${name}" added`,
      });
    } else diffValue(path, before, after, { element: 'flow', id: name, subject: `flow "${name}"` }, out);
  }
  for (const [name, before] of baseFlows) {
    if (headFlows.has(name)) continue;
    out.push({
      change: 'removed',
      element: 'flow',
      id: name,
      path: formatPath(['flows', name]),
      before,
      breaking: false,
      message: `flow "${name}" removed`,
    });
  }

  const baseRules = base.rules ?? {};
  const headRules = head.rules ?? {};
  for (const id of new Set([...Object.keys(baseRules), ...Object.keys(headRules)])) {
    diffValue(['rules', id], baseRules[id], headRules[id], { element: 'settings', id, subject: `rule ${id}` }, out);
  }

  markChannelBreaks(base, head, out);
  // Breaking first, each group in design order (Array.prototype.sort is stable).
  return out.sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

/**
 * A channel that loses its last producer while consumers remain (they wait forever), or its last
 * consumer while producers remain (messages pile up unread): the change that removed that end
 * is breaking.
 */
function markChannelBreaks(base: Design, head: Design, out: DesignChange[]): void {
  const before = getChannelEnds(base);
  const after = getChannelEnds(head);
  let headLinks: Map<string, Link> | undefined;
  // Only a breaking channel names its remaining ends, so the link map is built at most once.
  const ends = (ids: readonly string[], end: 'from' | 'to') => {
    headLinks ??= new Map(head.links.map((l) => [getLinkId(l), l]));
    return ids.map((id) => headLinks!.get(id)?.[end] ?? id).join(', ');
  };
  for (const [key, b] of before) {
    const h = after.get(key) ?? { key, producers: [], consumers: [] };
    const colon = key.indexOf(':');
    const channel = `${key.slice(colon + 1)} on ${key.slice(0, colon)}`;
    if (b.producers.length > 0 && h.producers.length === 0 && h.consumers.length > 0) {
      const verb = h.consumers.length === 1 ? 'consumes' : 'consume';
      markLinks(b.producers, `channel ${channel} loses its last producer while ${ends(h.consumers, 'to')} still ${verb} it`, out);
    }
    if (b.consumers.length > 0 && h.consumers.length === 0 && h.producers.length > 0) {
      const verb = h.producers.length === 1 ? 'publishes' : 'publish';
      markLinks(
        b.consumers,
        `channel ${channel} loses its last consumer while ${ends(h.producers, 'from')} still ${verb} to it`,
        out,
      );
    }
  }
}

function markLinks(linkIds: readonly string[], reason: string, out: DesignChange[]): void {
  for (const id of linkIds) {
    const change = out.find((c) => c.element === 'link' && c.id === id);
    if (change) {
      change.breaking = true;
      change.message = `${change.message}: ${reason}`;
    } else {
      // The link is still there but no longer a producer/consumer (its kind or an end's kind changed).
      out.push({
        change: 'changed',
        element: 'link',
        id,
        path: formatPath(['links', id]),
        breaking: true,
        message: `link ${id}: ${reason}`,
      });
    }
  }
}

export function summarizeDiff(
  changes: readonly DesignChange[],
  introduced: readonly Finding[],
  resolved: readonly Finding[],
): DiffSummary {
  const summary: DiffSummary = {
    changes: changes.length,
    breaking: 0,
    introduced: { error: 0, warning: 0, info: 0 },
    resolved: resolved.length,
  };
  for (const c of changes) if (c.breaking) summary.breaking++;
  for (const f of introduced) summary.introduced[f.severity]++;
  return summary;
}

/** The whole review of a change: what changed, what breaks, and the findings it introduces and resolves. */
export function diffDesigns(
  base: Design,
  head: Design,
  findings: { base?: readonly Finding[]; head?: readonly Finding[] } = {},
): DesignDiff {
  const changes = compareDesigns(base, head);
  const delta = compareFindings(findings.base ?? lintDesign(base), findings.head ?? lintDesign(head));
  return { changes, findings: delta, summary: summarizeDiff(changes, delta.introduced, delta.resolved) };
}
