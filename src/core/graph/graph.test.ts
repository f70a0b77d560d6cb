import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design, Link } from '../model/types';
import { buildGraphIndex } from './graphIndex';
import { stronglyConnectedComponents } from './scc';
import { getEntryPoints } from './entryPoints';
import { getReachable } from './reachability';
import { getLongestSyncPathLinks, getLongestSyncPaths } from './paths';
import { getAttempts, getBackoffMs, getWorstCaseMs } from './worstCase';

function design(nodes: Record<string, Design['nodes'][string]['kind']>, links: [string, string, Partial<Link>?][]): Design {
  return {
    signalbox: 1,
    name: 'graph test',
    nodes: Object.fromEntries(Object.entries(nodes).map(([id, kind]) => [id, { kind, name: id }])),
    links: links.map(([from, to, extra]) => ({ from, to, kind: 'sync', ...extra })),
  };
}

/** A sync chain s0 -> s1 -> ... -> s(n-1), optionally closed into one big loop. */
function chain(n: number, closed: boolean): Design {
  const nodes: Design['nodes'] = {};
  const links: Link[] = [];
  for (let i = 0; i < n; i++) nodes[`s${i}`] = { kind: 'service', name: `S${i}` };
  for (let i = 0; i + 1 < n; i++) links.push({ from: `s${i}`, to: `s${i + 1}`, kind: 'sync' });
  if (closed) links.push({ from: `s${n - 1}`, to: 's0', kind: 'sync' });
  return { signalbox: 1, name: 'chain', nodes, links };
}

describe('buildGraphIndex', () => {
  it('splits links into sync and async adjacency, in design order, with link ids', () => {
    const graph = buildGraphIndex(
      design({ a: 'service', b: 'service', bus: 'broker' }, [
        ['a', 'b'],
        ['a', 'bus', { kind: 'async', channel: 'x' }],
        ['bus', 'b', { kind: 'async', channel: 'x' }],
      ]),
    );
    expect(graph.nodeIds).toEqual(['a', 'b', 'bus']);
    expect(graph.linkIds).toEqual(['a->b', 'a->bus:x', 'bus->b:x']);
    expect(graph.syncOut[0]).toEqual([0]);
    expect(graph.asyncOut[0]).toEqual([1]);
    expect(graph.asyncIn[1]).toEqual([2]);
    expect(graph.syncSuccessors).toEqual([[1], [], []]);
  });

  it('holds, for every node, exactly its links of each kind in design order, whatever the links (property)', () => {
    // Ends drawn from the nodes and one unknown id, as in an unvalidated design.
    const ids = ['a', 'b', 'c', 'd', 'nowhere'];
    const link = fc.record({
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      kind: fc.constantFrom('sync', 'async'),
    });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 30 }), (links) => {
        const graph = buildGraphIndex(
          design(
            { a: 'service', b: 'service', c: 'database', d: 'broker' },
            links.map((l) => [l.from, l.to, { kind: l.kind as Link['kind'] }]),
          ),
        );
        const known = (l: (typeof links)[number]) => l.from !== 'nowhere' && l.to !== 'nowhere';
        const where = (test: (l: (typeof links)[number]) => boolean) => links.flatMap((l, j) => (known(l) && test(l) ? [j] : []));
        graph.nodeIds.forEach((id, v) => {
          expect(graph.syncOut[v]).toEqual(where((l) => l.kind === 'sync' && l.from === id));
          expect(graph.syncIn[v]).toEqual(where((l) => l.kind === 'sync' && l.to === id));
          expect(graph.asyncOut[v]).toEqual(where((l) => l.kind === 'async' && l.from === id));
          expect(graph.asyncIn[v]).toEqual(where((l) => l.kind === 'async' && l.to === id));
          expect(graph.syncSuccessors[v]).toEqual(graph.syncOut[v]!.map((j) => graph.indexOf.get(links[j]!.to)));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('stronglyConnectedComponents', () => {
  it('finds loops, self-loops and singletons, sinks first', () => {
    // 0 <-> 1 -> 2 -> 3 -> 2, 4 -> 4, 5 alone
    const { componentOf, components } = stronglyConnectedComponents([[1], [0, 2], [3], [2], [4], []]);
    const sorted = components.map((c) => c.join(',')).sort();
    expect(sorted).toEqual(['0,1', '2,3', '4', '5']);
    expect(componentOf[0]).toBe(componentOf[1]);
    expect(componentOf[2]).toBe(componentOf[3]);
    // Reverse topological: the loop {2,3} is reached from {0,1}, so it is numbered first.
    expect(componentOf[2]!).toBeLessThan(componentOf[0]!);
  });

  it('handles a 20,000-node chain and a 20,000-node loop without overflowing the stack', () => {
    const n = 20000;
    const open = stronglyConnectedComponents(Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [])));
    expect(open.components).toHaveLength(n);
    expect(open.components[0]).toEqual([n - 1]);
    const closed = stronglyConnectedComponents(Array.from({ length: n }, (_, i) => [(i + 1) % n]));
    expect(closed.components).toHaveLength(1);
    expect(closed.components[0]).toHaveLength(n);
    expect(closed.components[0]!.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('puts two nodes together exactly when each reaches the other, members ascending, sinks first (property)', () => {
    const graphs = fc
      .integer({ min: 1, max: 12 })
      .chain((n) => fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(graphs, (successors) => {
        const n = successors.length;
        // Reachability by depth-first search from every node: the definition, not Tarjan.
        const reaches = successors.map((_, start) => {
          const seen = new Set([start]);
          const todo = [start];
          while (todo.length > 0) for (const w of successors[todo.pop()!]!) if (!seen.has(w) && seen.add(w)) todo.push(w);
          return seen;
        });
        const { componentOf, components } = stronglyConnectedComponents(successors);
        for (let v = 0; v < n; v++)
          for (let w = 0; w < n; w++) {
            expect(componentOf[v] === componentOf[w]).toBe(reaches[v]!.has(w) && reaches[w]!.has(v));
            // An edge leaving a component goes to one numbered below it.
            if (successors[v]!.includes(w) && componentOf[v] !== componentOf[w])
              expect(componentOf[w]!).toBeLessThan(componentOf[v]!);
          }
        expect(components.flat().sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
        components.forEach((members, c) => {
          expect(members).toEqual([...members].sort((a, b) => a - b));
          for (const v of members) expect(componentOf[v]).toBe(c);
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('getEntryPoints', () => {
  it('takes clients and gateways', () => {
    const graph = buildGraphIndex(design({ web: 'client', a: 'service', gw: 'gateway' }, [['web', 'gw']]));
    expect(getEntryPoints(graph)).toEqual([0, 2]);
  });

  it('falls back to services no one calls synchronously', () => {
    const graph = buildGraphIndex(
      design({ a: 'service', b: 'service', c: 'service', db: 'database' }, [
        ['a', 'b'],
        ['c', 'db'],
      ]),
    );
    expect(getEntryPoints(graph).map((i) => graph.nodeIds[i])).toEqual(['a', 'c']);
  });
});

describe('getReachable', () => {
  it('follows sync links only, or all links', () => {
    const graph = buildGraphIndex(
      design({ a: 'service', b: 'service', bus: 'broker', c: 'service', d: 'service' }, [
        ['a', 'b'],
        ['b', 'bus', { kind: 'async', channel: 'x' }],
        ['bus', 'c', { kind: 'async', channel: 'x' }],
      ]),
    );
    expect([...getReachable(graph, [0], 'sync')]).toEqual([1, 1, 0, 0, 0]);
    expect([...getReachable(graph, [0], 'all')]).toEqual([1, 1, 1, 1, 0]);
  });
});

describe('getLongestSyncPaths', () => {
  it('finds the longest branch and its links', () => {
    const graph = buildGraphIndex(
      design({ a: 'service', b: 'service', c: 'service', d: 'service' }, [
        ['a', 'b'],
        ['a', 'c'],
        ['c', 'd'],
      ]),
    );
    const paths = getLongestSyncPaths(graph, stronglyConnectedComponents(graph.syncSuccessors));
    expect(paths.hops[0]).toBe(2);
    expect(getLongestSyncPathLinks(graph, paths, 0).map((j) => graph.linkIds[j])).toEqual(['a->c', 'c->d']);
  });

  it('does not loop around a cycle and stays linear on 20,000 nodes', () => {
    const open = buildGraphIndex(chain(20000, false));
    const openPaths = getLongestSyncPaths(open, stronglyConnectedComponents(open.syncSuccessors));
    expect(openPaths.hops[0]).toBe(19999);
    expect(getLongestSyncPathLinks(open, openPaths, 0)).toHaveLength(19999);
    const closed = buildGraphIndex(chain(20000, true));
    const closedPaths = getLongestSyncPaths(closed, stronglyConnectedComponents(closed.syncSuccessors));
    expect(closedPaths.hops[0]).toBe(0);
  });
});

describe('getWorstCaseMs', () => {
  it('adds own latency, attempts x timeout and backoff, bottom-up', () => {
    const d = design({ a: 'service', b: 'service', c: 'external' }, [
      ['a', 'b'],
      ['b', 'c', { timeoutMs: 100, retry: { max: 2, backoff: 'fixed', baseMs: 10 } }],
    ]);
    d.nodes.a!.latencyMs = 5;
    d.nodes.b!.latencyMs = 20;
    d.nodes.c!.latencyMs = 500;
    const graph = buildGraphIndex(d);
    const worst = getWorstCaseMs(graph, stronglyConnectedComponents(graph.syncSuccessors));
    // b: 20 + 3 x 100 + 2 x 10; a: 5 + W(b) because a->b states no timeout.
    expect([...worst]).toEqual([345, 340, 500]);
  });

  it('attempts and backoff', () => {
    expect(getAttempts({ from: 'a', to: 'b', kind: 'sync' })).toBe(1);
    expect(getAttempts({ from: 'a', to: 'b', kind: 'sync', retry: { max: 3 } })).toBe(4);
    expect(getBackoffMs({ max: 3, backoff: 'exponential', baseMs: 100 })).toBe(700);
    expect(getBackoffMs({ max: 3, backoff: 'none', baseMs: 100 })).toBe(0);
  });

  it('terminates on a loop', () => {
    const graph = buildGraphIndex(chain(20000, true));
    const worst = getWorstCaseMs(graph, stronglyConnectedComponents(graph.syncSuccessors));
    expect(worst.every((w) => w === 0)).toBe(true);
  });
});
