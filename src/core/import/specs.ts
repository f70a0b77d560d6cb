/** Shared by the AsyncAPI and OpenAPI importers: finding the node a spec describes. */
import { makeNodeId } from '../model/ids';
import type { Design, NodeKind } from '../model/types';
import { isRecord } from './source';

export interface SpecContext {
  design: Design;
  /** A host name from a server URL -> the node it is, if any. */
  nodeForHost: (host: string) => string | undefined;
  /** `--service`: the node every spec describes. */
  service?: string;
}

export function slugCandidates(title: string): string[] {
  const base = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const trimmed = base.replace(/-(service|api|svc|app|events?)$/g, '').replace(/-(service|api)$/g, '');
  return [...new Set([base, trimmed, `${trimmed}-service`, `${trimmed}service`])].filter(Boolean);
}

/** The node a spec describes: `--service`, else its title matching a node id, else a new node. */
export function findOrCreateNode(
  ctx: SpecContext,
  title: string,
  kind: NodeKind,
): { id: string; created: boolean; reason: string } {
  if (ctx.service) {
    if (!ctx.design.nodes[ctx.service]) {
      ctx.design.nodes[ctx.service] = { kind, name: ctx.service };
      return { id: ctx.service, created: true, reason: '--service names it' };
    }
    return { id: ctx.service, created: false, reason: '--service names it' };
  }
  for (const id of slugCandidates(title))
    if (ctx.design.nodes[id]) return { id, created: false, reason: `title "${title}" names node ${id}` };
  const id = makeNodeId(title, ctx.design.nodes);
  ctx.design.nodes[id] = { kind, name: title };
  return { id, created: true, reason: `title "${title}"; no node of that name in the other files` };
}

/** Resolve a local `$ref` (`#/components/schemas/X`), a few levels deep, so schemas travel whole. */
export function deref(root: unknown, value: unknown, depth = 0): unknown {
  if (depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => deref(root, v, depth + 1));
  if (!isRecord(value)) return value;
  if (typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
    let target: unknown = root;
    for (const seg of value.$ref.slice(2).split('/'))
      target = isRecord(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return target === undefined ? value : deref(root, target, depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = deref(root, v, depth + 1);
  return out;
}

/** `kafka://broker:9092`, `broker:9092`, `amqp://user@rabbit/vhost` -> the host. */
export function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/]*@)?([^/:?#{}]+)/i.exec(url.trim());
  return m?.[1]?.toLowerCase();
}
