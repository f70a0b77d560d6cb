/**
 * Find anything in a design by name or id: nodes, links, channels and findings, best first.
 * Case-insensitive; every word of the query must appear. Linear in the design, capped output.
 */
import type { Design, Finding } from '../model/types';
import { getLinkId } from '../model/ids';

export type SearchHitKind = 'node' | 'link' | 'channel' | 'finding';

export interface SearchHit {
  kind: SearchHitKind;
  /** Stable key for the list: `node:order`, `link:a->b`, `channel:order.created`, `finding:3`. */
  key: string;
  label: string;
  detail: string;
  /** What to select and frame. */
  nodes: string[];
  links: string[];
}

const KIND_ORDER: Record<SearchHitKind, number> = { node: 0, channel: 1, link: 2, finding: 3 };

/** 0 exact, 1 prefix, 2 word prefix, 3 substring; -1 when some word is missing. */
function score(haystacks: readonly string[], words: readonly string[]): number {
  let worst = 0;
  for (const word of words) {
    let best = -1;
    for (const h of haystacks) {
      const text = h.toLowerCase();
      const at = text.indexOf(word);
      if (at < 0) continue;
      const s = text === word ? 0 : at === 0 ? 1 : /[\s._\-/>:]/.test(text[at - 1] ?? '') ? 2 : 3;
      if (best < 0 || s < best) best = s;
      if (best === 0) break;
    }
    if (best < 0) return -1;
    worst = Math.max(worst, best);
  }
  return worst;
}

export function searchDesign(design: Design, findings: readonly Finding[], query: string, limit = 50): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  const add = (hit: SearchHit, haystacks: readonly string[]) => {
    const s = score(haystacks, words);
    if (s >= 0) scored.push({ hit, score: s });
  };
  for (const [id, node] of Object.entries(design.nodes)) {
    add({ kind: 'node', key: `node:${id}`, label: node.name, detail: `${node.kind} · ${id}`, nodes: [id], links: [] }, [
      node.name,
      id,
      node.team ?? '',
      node.group ?? '',
      ...(node.tags ?? []),
    ]);
  }
  const channels = new Map<string, { nodes: Set<string>; links: string[] }>();
  for (const link of design.links) {
    const id = getLinkId(link);
    const from = design.nodes[link.from]?.name ?? link.from;
    const to = design.nodes[link.to]?.name ?? link.to;
    const what = link.kind === 'async' ? (link.channel ?? 'message') : (link.protocol ?? 'call');
    add({ kind: 'link', key: `link:${id}`, label: `${from} → ${to}`, detail: `${what} · ${id}`, nodes: [], links: [id] }, [
      id,
      `${from} ${to}`,
      link.message?.name ?? '',
      ...(link.operations ?? []),
    ]);
    if (link.channel) {
      let c = channels.get(link.channel);
      if (!c) channels.set(link.channel, (c = { nodes: new Set(), links: [] }));
      c.nodes.add(link.from).add(link.to);
      c.links.push(id);
    }
  }
  for (const [channel, c] of channels) {
    const count = c.links.length;
    add(
      {
        kind: 'channel',
        key: `channel:${channel}`,
        label: channel,
        detail: `channel · ${count} link${count === 1 ? '' : 's'}`,
        nodes: [...c.nodes],
        links: c.links,
      },
      [channel],
    );
  }
  findings.forEach((f, i) => {
    add(
      {
        kind: 'finding',
        key: `finding:${i}`,
        label: f.message,
        detail: `${f.severity} · ${f.rule}`,
        nodes: f.nodes,
        links: f.links,
      },
      [f.message, f.rule],
    );
  });
  scored.sort((a, b) => a.score - b.score || KIND_ORDER[a.hit.kind] - KIND_ORDER[b.hit.kind]);
  return scored.slice(0, limit).map((s) => s.hit);
}
