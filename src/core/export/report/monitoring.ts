import type { ReportIndex } from './reportIndex';
import { buildReportIndex, channelLabel, isOwned } from './reportIndex';
import type { Design } from '../../model/types';

/** One alert condition, stated the way a Prometheus rule states it, without the query language. */
export interface AlertCondition {
  /** `OrderHighErrorRate`-like name, unique per service. */
  name: string;
  /** The metric it watches (see MonitoredService.metrics). */
  metric: string;
  /** `> 5%`, `> 0`, `> 800 ms`. */
  condition: string;
  /** How long it must hold before it fires. */
  forMinutes: number;
  severity: 'page' | 'ticket';
  /** Where the threshold comes from, in the design's words. */
  why: string;
}

export interface MonitoredService {
  node: string;
  name: string;
  metrics: string[];
  alerts: AlertCondition[];
}

/**
 * The monitoring plan as data, from the design alone: RED metrics for what serves calls, lag and
 * dead letters for what consumes, breaker state for what calls with a breaker. Kept apart from the
 * Markdown so an alerts exporter can share this one source.
 */
export function monitoringPlan(design: Design, index: ReportIndex = buildReportIndex(design)): MonitoredService[] {
  const { graph } = index;
  const plan: MonitoredService[] = [];
  const consumed = new Map<number, string[]>();
  const dlqs = new Map<number, string[]>();
  for (const group of index.channels)
    for (const j of group.consumptions) {
      const to = graph.linkTo[j]!;
      (consumed.get(to) ?? consumed.set(to, []).get(to)!).push(channelLabel(index, group));
      const dlq = graph.links[j]!.dlq;
      if (dlq) (dlqs.get(to) ?? dlqs.set(to, []).get(to)!).push(dlq);
    }
  for (let i = 0; i < graph.nodes.length; i++) {
    if (!isOwned(index, i)) continue;
    const node = graph.nodes[i]!;
    const id = graph.nodeIds[i]!;
    const key = node.name.replace(/[^A-Za-z0-9]+/g, ' ').replace(/(?:^|\s)(\w)/g, (_, c: string) => c.toUpperCase()) || id;
    const metrics: string[] = [];
    const alerts: AlertCondition[] = [];
    const callers = graph.syncIn[i]!;
    if (callers.length > 0) {
      metrics.push('request rate', 'error rate', 'latency p99');
      alerts.push({
        name: `${key}HighErrorRate`,
        metric: 'error rate',
        condition: '> 5%',
        forMinutes: 5,
        severity: 'page',
        why: `${callers.length} caller${callers.length === 1 ? ' depends' : 's depend'} on its answers`,
      });
      // The tightest caller timeout is the latency at which callers start to fail.
      const timeouts = callers.map((j) => graph.links[j]!.timeoutMs).filter((t): t is number => t !== undefined);
      if (timeouts.length > 0) {
        const tightest = Math.min(...timeouts);
        alerts.push({
          name: `${key}SlowResponses`,
          metric: 'latency p99',
          condition: `> ${Math.round(tightest * 0.8)} ms`,
          forMinutes: 10,
          severity: 'ticket',
          why: `80% of the tightest caller timeout (${tightest} ms)`,
        });
      }
    }
    if (node.availability !== undefined) {
      metrics.push('availability');
      alerts.push({
        name: `${key}SloBurn`,
        metric: 'availability',
        condition: `< ${node.availability}%`,
        forMinutes: 60,
        severity: 'page',
        why: `its stated availability target`,
      });
    }
    const channels = consumed.get(i);
    if (channels) {
      metrics.push('consumer lag');
      alerts.push({
        name: `${key}ConsumerLag`,
        metric: 'consumer lag',
        condition: '> 1000 messages',
        forMinutes: 10,
        severity: 'ticket',
        why: `it consumes ${[...new Set(channels)].slice(0, 3).join(', ')}${channels.length > 3 ? '…' : ''}`,
      });
    }
    const deadLetters = dlqs.get(i);
    if (deadLetters) {
      metrics.push('dead letters');
      alerts.push({
        name: `${key}DeadLetters`,
        metric: 'dead letters',
        condition: '> 0',
        forMinutes: 1,
        severity: 'page',
        why: `a message landed in ${[...new Set(deadLetters)].slice(0, 3).join(', ')}`,
      });
    }
    if (graph.syncOut[i]!.some((j) => graph.links[j]!.breaker)) {
      metrics.push('breaker state');
      alerts.push({
        name: `${key}BreakerOpen`,
        metric: 'breaker state',
        condition: 'open',
        forMinutes: 5,
        severity: 'ticket',
        why: 'a dependency is failing and its fallback is serving',
      });
    }
    if (graph.asyncOut[i]!.length > 0) metrics.push('publish failures');
    if (metrics.length > 0) plan.push({ node: id, name: node.name, metrics, alerts });
  }
  return plan;
}
