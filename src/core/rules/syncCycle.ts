import type { Rule } from './types';
import { listNames } from './text';

export const syncCycle: Rule = {
  id: 'sync-cycle',
  defaultSeverity: 'error',
  title: 'Synchronous call loop',
  description:
    'Services call each other synchronously in a loop (a strongly connected component of sync links with 2+ nodes, or a self-loop): one slow member stalls them all, and a retry can circle forever.',
  fix: 'Break the loop with an event, or merge or extract the shared capability.',
  check({ graph, getSyncComponents, nameOf }) {
    const { componentOf, components } = getSyncComponents();
    const loops: { first: number; members: number[] }[] = [];
    for (const members of components) {
      const v = members[0]!;
      const selfLoop = members.length === 1 && graph.syncSuccessors[v]!.includes(v);
      if (members.length > 1 || selfLoop) loops.push({ first: v, members });
    }
    // Design order: the loop whose first member comes first in the design.
    loops.sort((a, b) => a.first - b.first);
    return loops.map(({ members }) => {
      const component = componentOf[members[0]!];
      const linkIndices: number[] = [];
      for (const v of members) {
        for (const j of graph.syncOut[v]!) if (componentOf[graph.linkTo[j]!] === component) linkIndices.push(j);
      }
      linkIndices.sort((a, b) => a - b);
      const names = members.map(nameOf);
      return {
        message:
          members.length === 1
            ? `${names[0]!} calls itself synchronously`
            : `${listNames(names)} call each other synchronously in a loop`,
        nodes: members.map((v) => graph.nodeIds[v]!),
        links: linkIndices.map((j) => graph.linkIds[j]!),
      };
    });
  },
};
