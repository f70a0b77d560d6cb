import type { Rule } from './types';
import { getLongestSyncPathLinks } from '../graph/paths';
import { formatChain } from './chainText';

/** Hops past `max` before a long chain becomes an error: 4 warns, 6 errs by default (rules.md). */
const ERROR_MARGIN = 2;

export const syncChainDepth: Rule = {
  id: 'sync-chain-depth',
  defaultSeverity: 'warning',
  title: 'Deep synchronous chain',
  description:
    'The longest sync path from an entry point has `max` hops or more (warning; default 4) or `max` + 2 or more (error; default 6). Every hop adds latency and multiplies the chance of failure.',
  fix: 'Go async, keep a local read model, or compose at the gateway.',
  thresholds: { max: 4 },
  check({ graph, thresholds, getEntryPoints, getLongestSyncPaths, nameOf }) {
    const max = thresholds.max ?? 4;
    const paths = getLongestSyncPaths();
    return getEntryPoints()
      .filter((entry) => paths.hops[entry]! >= max)
      .map((entry) => {
        const hops = paths.hops[entry]!;
        const links = getLongestSyncPathLinks(graph, paths, entry);
        const nodes = [entry, ...links.map((j) => graph.linkTo[j]!)];
        return {
          severity: hops >= max + ERROR_MARGIN ? 'error' : 'warning',
          message: `${nameOf(entry)} starts a synchronous chain of ${hops} hops: ${formatChain(nodes.map(nameOf))}`,
          nodes: nodes.map((v) => graph.nodeIds[v]!),
          links: links.map((j) => graph.linkIds[j]!),
        };
      });
  },
};
