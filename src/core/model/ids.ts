import type { Design, Link } from './types';

/** A link's id: explicit `id`, else `from->to`, else `from->to:channel` (format.md). */
export function getLinkId(link: Pick<Link, 'from' | 'to' | 'channel' | 'id'>): string {
  if (typeof link.id === 'string' && link.id !== '') return link.id;
  const base = `${link.from}->${link.to}`;
  return link.channel ? `${base}:${link.channel}` : base;
}

const linkIdsOf = new WeakMap<readonly Link[], string[]>();

/**
 * Every link's id, in order, worked out once per list of links: validation, the rules' graph and
 * `signalbox lint` each need all 24,000 of a big design's. A design is a value, never changed in
 * place (withLinkDefaults leans on that too); a list that grew since is worked out again.
 * Read-only: the list is shared.
 */
export function getLinkIds(links: readonly Link[]): readonly string[] {
  const known = linkIdsOf.get(links);
  if (known && known.length === links.length) return known;
  const ids = new Array<string>(links.length);
  for (let j = 0; j < links.length; j++) ids[j] = getLinkId(links[j]!);
  linkIdsOf.set(links, ids);
  return ids;
}

const linkIndexOf = new WeakMap<readonly Link[], { ids: readonly string[]; index: ReadonlyMap<string, number> }>();

/**
 * Each link id's index in the list (the first, should two links share an id), worked out once
 * per list of links, with getLinkIds (a list that grew has new ids, and so a new index).
 */
export function getLinkIndex(links: readonly Link[]): ReadonlyMap<string, number> {
  const ids = getLinkIds(links);
  const known = linkIndexOf.get(links);
  if (known?.ids === ids) return known.index;
  const index = new Map<string, number>();
  for (let j = 0; j < ids.length; j++) if (!index.has(ids[j]!)) index.set(ids[j]!, j);
  linkIndexOf.set(links, { ids, index });
  return index;
}

/** Map of link id to the link, in design order. */
export function getLinksById(design: Design): Map<string, Link> {
  const byId = new Map<string, Link>();
  for (const link of design.links) byId.set(getLinkId(link), link);
  return byId;
}

const ID_SAFE = /[^a-z0-9_-]+/g;

/** A fresh node id from a display name, unique within the design: `Order Service` -> `order-service`. */
export function makeNodeId(name: string, taken: ReadonlySet<string> | Record<string, unknown>): string {
  const has = (id: string) => (taken instanceof Set ? taken.has(id) : Object.prototype.hasOwnProperty.call(taken, id));
  const base =
    name
      .toLowerCase()
      .replace(ID_SAFE, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'node';
  // `__proto__` as a key of a plain object is its prototype, not a node: never make that id.
  if (base === '__proto__') return makeNodeId('proto', taken);
  if (!has(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}-${i}`;
    if (!has(id)) return id;
  }
}
