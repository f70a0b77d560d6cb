import type { FindingDraft, Rule } from './types';
import { getAttempts } from '../graph/worstCase';
import { formatChain } from './chainText';

/**
 * Per node, the largest product of attempts along a sync path from it: with any number of
 * retrying layers (all), with 1+ (one) and with 2+ (two); 0 = no such path. With the first link
 * of each, so the path can be rebuilt. One pass over the SCC condensation, sinks first; links
 * inside a cycle are not followed (sync-cycle reports those).
 */
interface Products {
  all: Float64Array;
  one: Float64Array;
  two: Float64Array;
  allLink: Int32Array;
  oneLink: Int32Array;
  twoLink: Int32Array;
}

type Layers = 'all' | 'one' | 'two';

export const retryAmplification: Rule = {
  id: 'retry-amplification',
  defaultSeverity: 'warning',
  title: 'Retries at more than one layer',
  description:
    'Along a sync path more than one layer retries, so one failure at the bottom becomes the product of every layer’s attempts (1 + retries). Warning; error when the product is past `max` (default 10).',
  fix: 'Retry at one layer only, with a retry budget.',
  thresholds: { max: 10 },
  check({ graph, thresholds, getSyncComponents, getEntryPoints, nameOf }) {
    const max = thresholds.max ?? 10;
    const { componentOf, components } = getSyncComponents();
    const n = graph.nodeIds.length;
    const attempts = new Float64Array(graph.links.length);
    for (let j = 0; j < attempts.length; j++) attempts[j] = getAttempts(graph.links[j]!);
    const p: Products = {
      all: new Float64Array(n).fill(1),
      one: new Float64Array(n),
      two: new Float64Array(n),
      allLink: new Int32Array(n).fill(-1),
      oneLink: new Int32Array(n).fill(-1),
      twoLink: new Int32Array(n).fill(-1),
    };
    // Indexed loops: this runs once per lint over every node, on cold code, where `for...of` costs most.
    for (let c = 0; c < components.length; c++) {
      const members = components[c]!;
      for (let k = 0; k < members.length; k++) {
        const v = members[k]!;
        const calls = graph.syncOut[v]!;
        for (let i = 0; i < calls.length; i++) {
          const j = calls[i]!;
          const w = graph.linkTo[j]!;
          if (componentOf[w] === componentOf[v]) continue;
          const a = attempts[j]!;
          const retries = a > 1;
          const all = a * p.all[w]!;
          const one = retries ? all : p.one[w]!;
          const two = retries ? a * p.one[w]! : p.two[w]!;
          if (all > p.all[v]!) {
            p.all[v] = all;
            p.allLink[v] = j;
          }
          if (one > p.one[v]!) {
            p.one[v] = one;
            p.oneLink[v] = j;
          }
          if (two > p.two[v]!) {
            p.two[v] = two;
            p.twoLink[v] = j;
          }
        }
      }
    }

    const rebuild = (start: number): number[] => {
      const links: number[] = [];
      let v = start;
      let layers: Layers = 'two';
      for (;;) {
        const j = layers === 'two' ? p.twoLink[v]! : layers === 'one' ? p.oneLink[v]! : p.allLink[v]!;
        if (j < 0) break;
        links.push(j);
        if (attempts[j]! > 1) layers = layers === 'two' ? 'one' : 'all';
        v = graph.linkTo[j]!;
      }
      // Keep the stretch from the first retrying layer to the last: the rest multiplies by 1.
      const first = links.findIndex((j) => attempts[j]! > 1);
      let last = links.length - 1;
      while (last >= 0 && attempts[links[last]!]! <= 1) last--;
      return links.slice(first, last + 1);
    };

    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const entry of getEntryPoints()) {
      const product = p.two[entry]!;
      if (product <= 0) continue;
      const links = rebuild(entry);
      const key = links.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const nodes = [graph.linkFrom[links[0]!]!, ...links.map((j) => graph.linkTo[j]!)];
      const factors = links.filter((j) => attempts[j]! > 1).map((j) => attempts[j]!);
      out.push({
        severity: product > max ? 'error' : 'warning',
        message: `Retries multiply along ${formatChain(nodes.map(nameOf))}: ${factors.join(' × ')} = ${product} attempts per request`,
        nodes: nodes.map((v) => graph.nodeIds[v]!),
        links: links.map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
