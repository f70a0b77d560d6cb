/**
 * Drift: a design against what the files show now. Nodes and links in one and not the other,
 * and timeouts, retries, breakers, bulkheads and replicas that differ. Clients and external APIs
 * are not compared: deployment files do not describe them. A key the files do not state is not
 * compared either (nothing is invented, so its absence says nothing).
 */
import { deepEqual } from '../model/equal';
import { getLinkId } from '../model/ids';
import type { Design, Link } from '../model/types';

export const DRIFT_CHANGES = ['only-in-design', 'only-in-files', 'differs'] as const;
export type DriftChange = (typeof DRIFT_CHANGES)[number];

export interface DriftItem {
  change: DriftChange;
  element: 'node' | 'link';
  id: string;
  /** The key that differs (`replicas`, `timeoutMs`, `retry`, `breaker`, `bulkhead`). */
  key?: string;
  design?: unknown;
  files?: unknown;
  message: string;
}

const LINK_KEYS = ['timeoutMs', 'retry', 'breaker', 'bulkhead'] as const;
const OUTSIDE = new Set(['client', 'external']);

function show(v: unknown): string {
  return v === undefined ? 'not stated' : JSON.stringify(v);
}

function compared(design: Design, link: Link): boolean {
  const from = design.nodes[link.from];
  const to = design.nodes[link.to];
  return !!from && !!to && !OUTSIDE.has(from.kind) && !OUTSIDE.has(to.kind);
}

export function driftDesign(design: Design, files: Design): DriftItem[] {
  const items: DriftItem[] = [];
  for (const [id, node] of Object.entries(design.nodes)) {
    if (OUTSIDE.has(node.kind)) continue;
    const seen = files.nodes[id];
    if (!seen) {
      items.push({ change: 'only-in-design', element: 'node', id, message: `${id} is in the design but not in the files` });
      continue;
    }
    if (seen.replicas !== undefined && seen.replicas !== node.replicas)
      items.push({
        change: 'differs',
        element: 'node',
        id,
        key: 'replicas',
        design: node.replicas,
        files: seen.replicas,
        message: `${id} replicas: design ${show(node.replicas)}, files ${seen.replicas}`,
      });
  }
  for (const [id, node] of Object.entries(files.nodes))
    if (!OUTSIDE.has(node.kind) && !design.nodes[id])
      items.push({ change: 'only-in-files', element: 'node', id, message: `${id} (${node.kind}) runs but is not in the design` });
  // Presence is compared per caller and callee: deployment files show that order talks to the
  // broker, rarely on which channel, so `order->bus` matches `order->bus:order.created`.
  const pair = (l: Link) => `${l.from}->${l.to}`;
  const designLinks = design.links.filter((l) => compared(design, l));
  const fileLinks = files.links.filter((l) => compared(files, l));
  const designPairs = new Set(designLinks.map(pair));
  const filePairs = new Set(fileLinks.map(pair));
  const designById = new Map<string, Link>();
  const designByPair = new Map<string, Link>();
  for (const l of designLinks) {
    designById.set(getLinkId(l), l);
    if (!designByPair.has(pair(l))) designByPair.set(pair(l), l);
  }
  const reported = new Set<string>();
  for (const link of designLinks) {
    const p = pair(link);
    if (filePairs.has(p) || reported.has(p)) continue;
    reported.add(p);
    items.push({
      change: 'only-in-design',
      element: 'link',
      id: getLinkId(link),
      message: `${getLinkId(link)} is in the design but the files show no such call`,
    });
  }
  for (const seen of fileLinks) {
    const id = getLinkId(seen);
    const p = pair(seen);
    if (!designPairs.has(p)) {
      if (!reported.has(p))
        items.push({
          change: 'only-in-files',
          element: 'link',
          id,
          message: `${id} is called in the files but not in the design`,
        });
      reported.add(p);
      continue;
    }
    const link = designById.get(id) ?? designByPair.get(p)!;
    for (const key of LINK_KEYS) {
      const theirs = seen[key];
      if (theirs === undefined) continue;
      const ours = link[key];
      // The files state only what they know: a retry's `max`, a breaker's `openMs`.
      const same =
        typeof theirs === 'object' &&
        typeof ours === 'object' &&
        Object.entries(theirs).every(([k, v]) => deepEqual((ours as Record<string, unknown>)[k], v));
      if (!same && !deepEqual(ours, theirs)) {
        const lid = getLinkId(link);
        items.push({
          change: 'differs',
          element: 'link',
          id: lid,
          key,
          design: ours,
          files: theirs,
          message: `${lid} ${key}: design ${show(ours)}, files ${show(theirs)}`,
        });
      }
    }
  }
  return items;
}
