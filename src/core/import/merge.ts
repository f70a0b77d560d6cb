/**
 * `--into`: an imported design merged into an existing one. What the design already says wins
 * (positions, names, comments, settings); only nodes, links and keys it lacks are added, so
 * importing the same files twice changes nothing.
 */
import { getLinkId } from '../model/ids';
import type { Design } from '../model/types';

function fillMissing<T extends Record<string, unknown>>(existing: T, incoming: T): T {
  let out = existing;
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || key in existing) continue;
    if (out === existing) out = { ...existing };
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

export interface MergeSummary {
  design: Design;
  addedNodes: string[];
  addedLinks: string[];
  /** Existing elements that gained keys: `order.replicas`, `gateway->order.timeoutMs`. */
  addedKeys: string[];
}

export function mergeInto(base: Design, imported: Design): MergeSummary {
  const addedNodes: string[] = [];
  const addedLinks: string[] = [];
  const addedKeys: string[] = [];
  const nodes = { ...base.nodes };
  for (const [id, node] of Object.entries(imported.nodes)) {
    const existing = nodes[id];
    if (!existing) {
      nodes[id] = node;
      addedNodes.push(id);
      continue;
    }
    const merged = fillMissing(existing, node);
    if (merged !== existing) {
      for (const k of Object.keys(merged)) if (!(k in existing)) addedKeys.push(`${id}.${k}`);
      nodes[id] = merged;
    }
  }
  const links = [...base.links];
  const index = new Map(links.map((l, i) => [getLinkId(l), i]));
  for (const link of imported.links) {
    const id = getLinkId(link);
    const at = index.get(id);
    if (at === undefined) {
      index.set(id, links.length);
      links.push(link);
      addedLinks.push(id);
      continue;
    }
    const existing = links[at]!;
    const merged = fillMissing(existing, link);
    if (merged !== existing) {
      for (const k of Object.keys(merged)) if (!(k in existing)) addedKeys.push(`${id}.${k}`);
      links[at] = merged;
    }
  }
  const changed = addedNodes.length + addedLinks.length + addedKeys.length > 0;
  return { design: changed ? { ...base, nodes, links } : base, addedNodes, addedLinks, addedKeys };
}
