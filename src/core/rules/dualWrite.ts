import type { FindingDraft, Rule } from './types';
import { isPublication } from '../graph/messaging';
import { listNames, unique } from './text';

export const dualWrite: Rule = {
  id: 'dual-write',
  defaultSeverity: 'warning',
  title: 'Dual write without an outbox',
  description:
    'A service writes a database and publishes messages without `outbox: true`: a crash between the two leaves the data and the events disagreeing.',
  fix: 'Use a transactional outbox or change data capture.',
  check({ graph, nameOf }) {
    const out: FindingDraft[] = [];
    for (let v = 0; v < graph.nodeIds.length; v++) {
      const node = graph.nodes[v]!;
      if (node.kind !== 'service' || node.outbox === true) continue;
      // Any sync link into a database is data access (format.md); the format cannot tell reads from writes.
      const writes = graph.syncOut[v]!.filter((j) => graph.kinds[graph.linkTo[j]!] === 'database');
      if (writes.length === 0) continue;
      const publishes = graph.asyncOut[v]!.filter((j) => isPublication(graph, j));
      if (publishes.length === 0) continue;
      const databases = unique(writes.map((j) => graph.linkTo[j]!));
      const channels = unique(publishes.map((j) => graph.links[j]!.channel ?? `to ${nameOf(graph.linkTo[j]!)}`));
      out.push({
        message: `${nameOf(v)} writes ${listNames(databases.map(nameOf))} and publishes ${listNames(channels)} without a transactional outbox`,
        nodes: [graph.nodeIds[v]!, ...databases.map((w) => graph.nodeIds[w]!)],
        links: [...writes, ...publishes].sort((a, b) => a - b).map((j) => graph.linkIds[j]!),
      });
    }
    return out;
  },
};
