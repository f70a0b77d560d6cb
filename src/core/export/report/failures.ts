import type { ReportIndex } from './reportIndex';
import { getDownstream } from '../../graph/messaging';
import { bullets, lines, listOf, names, table } from './text';

/** What one node's failure does to the rest (computed by src/core/simulate, passed in here). */
export interface BlastRadiusEntry {
  node: string;
  name: string;
  failed: number;
  degraded: number;
  lagging: number;
  /** The entry points it affects, with their state (the simulator's BlastRadiusRow has it). */
  entries?: Record<string, string>;
}

/** One hop of why, from the design: who calls it without a fallback, who falls back, who consumes it. */
function why(index: ReportIndex, node: number): string {
  const { graph } = index;
  const failing = new Set<string>();
  const falling = new Set<string>();
  const lagging = new Set<string>();
  for (const j of graph.syncIn[node]!) {
    const caller = index.nameOf(graph.linkFrom[j]!);
    if (graph.links[j]!.breaker?.fallback) falling.add(caller);
    else failing.add(caller);
  }
  // Its consumers (bridged brokers' consumers too: a bridge is no consumer), or a direct event's receivers.
  const { messaging } = index;
  for (const j of graph.asyncOut[node]!) {
    const role = messaging.roles[j];
    if (role === 'direct' || role === 'consume') lagging.add(index.nameOf(graph.linkTo[j]!));
    else if (role === 'bridge')
      for (const r of getDownstream(messaging, messaging.enters[j]!)) lagging.add(index.nameOf(graph.linkTo[r.link]!));
  }
  const parts = [
    failing.size > 0 ? `${listOf([...failing], 4)} call${failing.size === 1 ? 's' : ''} it with no fallback` : undefined,
    falling.size > 0 ? `${listOf([...falling], 4)} fall${falling.size === 1 ? 's' : ''} back` : undefined,
    lagging.size > 0 ? `${listOf([...lagging], 4)} stop${lagging.size === 1 ? 's' : ''} receiving its messages` : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'nothing depends on it directly';
}

/** 10. Each node down in turn: what fails, degrades or lags, and why. */
export function failureSection(index: ReportIndex, rows: readonly BlastRadiusEntry[] | undefined): string {
  if (!rows) return lines('## 10. Failure scenarios', 'Left out of this export (run `signalbox simulate --each`).');
  const sorted = [...rows].sort((a, b) => b.failed + b.degraded + b.lagging - (a.failed + a.degraded + a.lagging));
  const felt = sorted.filter((r) => r.failed + r.degraded + r.lagging > 0);
  const unfelt = sorted.filter((r) => r.failed + r.degraded + r.lagging === 0).map((r) => r.name);
  // Every entry point any outage reaches: a row that names them all says "all N" instead of repeating the list.
  const allEntries = new Set(rows.flatMap((r) => Object.keys(r.entries ?? {})));
  const entryNames = (row: BlastRadiusEntry, state: string) => {
    const ids = Object.entries(row.entries ?? {})
      .filter(([, s]) => s === state || (state === 'failed' && s === 'down'))
      .map(([id]) => id);
    if (ids.length > 1 && ids.length === allEntries.size) return `all ${ids.length} entry points`;
    return (
      listOf(
        ids.map((id) => index.design.nodes[id]?.name ?? id),
        3,
      ) || undefined
    );
  };
  return lines(
    '## 10. Failure scenarios',
    'Each node taken down in turn: a sync caller fails unless a breaker has a fallback (then it degrades), an async consumer lags.',
    felt.length === 0
      ? 'No outage reaches an entry point.'
      : table(
          ['Down', 'Fails', 'Degrades', 'Lags', 'Why'],
          felt.map((row) => {
            const node = index.graph.indexOf.get(row.node);
            return [
              row.name,
              row.entries ? entryNames(row, 'failed') : row.failed || undefined,
              row.entries ? entryNames(row, 'degraded') : row.degraded || undefined,
              row.entries ? entryNames(row, 'lagging') : row.lagging || undefined,
              node === undefined ? undefined : why(index, node),
            ];
          }),
        ),
    bullets([unfelt.length > 0 ? `- No entry point notices the loss of ${names(unfelt)}.` : undefined]),
  );
}
