/**
 * Design-level link defaults (`defaults:` in format.md). The rules, the exporters and the
 * simulator read links through here, so "no timeoutMs, but the design's default covers it" means
 * the same thing everywhere: one definition, applied before any of them looks at a link.
 */
import type { Design, Link } from './types';
import { getAsyncRole } from '../graph/messaging';

/** `link` with every default it inherits filled in; its own values always win. */
export function getEffectiveLink(design: Design, link: Link): Link {
  const defaults = design.defaults;
  if (!defaults) return link;
  let next: Link | undefined;
  const set = <K extends keyof Link>(key: K, value: Link[K]) => {
    next ??= { ...link };
    next[key] = value;
  };
  if (link.kind === 'sync') {
    if (link.timeoutMs === undefined && defaults.timeoutMs !== undefined) set('timeoutMs', defaults.timeoutMs);
    if (link.retry === undefined && defaults.retry !== undefined) set('retry', defaults.retry);
  } else {
    if (link.delivery === undefined && defaults.delivery !== undefined) set('delivery', defaults.delivery);
    // A consumption in core/graph's sense (messaging.ts): out of a broker, or a direct event; not a bridge.
    const role = getAsyncRole(link.kind, design.nodes[link.from]?.kind, design.nodes[link.to]?.kind);
    const consumes = role === 'consume' || role === 'direct';
    if (consumes && link.dlq === undefined && defaults.dlq !== undefined && link.channel)
      set('dlq', defaults.dlq.replaceAll('{channel}', link.channel));
  }
  return next ?? link;
}

const effectiveDesigns = new WeakMap<Design, Design>();

/**
 * The design with every link as `getEffectiveLink` sees it (the same object when there are no
 * defaults). Cached per design object: the lint worker and the what-if view ask again and again.
 */
export function withLinkDefaults(design: Design): Design {
  if (!design.defaults) return design;
  const cached = effectiveDesigns.get(design);
  if (cached) return cached;
  const links = design.links.map((link) => getEffectiveLink(design, link));
  const effective = links.every((l, i) => l === design.links[i]) ? design : { ...design, links };
  effectiveDesigns.set(design, effective);
  return effective;
}
