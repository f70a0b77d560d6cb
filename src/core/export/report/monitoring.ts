import type { ReportIndex } from './reportIndex';
import { buildReportIndex, isOwned } from './reportIndex';
import type { Design } from '../../model/types';
import type { AlertRule } from '../alerts';
import { listAlertRules } from '../alerts';

export interface MonitoredService {
  node: string;
  name: string;
  metrics: string[];
  /**
   * The rules of the alerts export (`listAlertRules`, `signalbox export --to alerts`) that watch
   * this service: the document and the rule file state the same conditions, from one source.
   */
  alerts: AlertRule[];
}

/**
 * The one row an alert is listed in: the first node it watches (the caller for a breaker, the
 * first consumer for a shared dead-letter channel, whose description names them all).
 */
function ownerOf(rule: AlertRule): string | undefined {
  return rule.nodes[0];
}

/**
 * The monitoring plan as data, from the design alone: RED metrics for what serves calls, lag and
 * dead letters for what consumes, breaker state for what calls with a breaker, and per service
 * the alerts export's rules on it.
 */
export function monitoringPlan(design: Design, index: ReportIndex = buildReportIndex(design)): MonitoredService[] {
  const { graph } = index;
  const alertsOf = new Map<string, AlertRule[]>();
  for (const rule of listAlertRules(index.design)) {
    const id = ownerOf(rule);
    if (id !== undefined) (alertsOf.get(id) ?? alertsOf.set(id, []).get(id)!).push(rule);
  }
  const consumes = new Set<number>();
  const dlqs = new Set<number>();
  for (const group of index.channels)
    for (const j of group.consumptions) {
      consumes.add(graph.linkTo[j]!);
      if (graph.links[j]!.dlq) dlqs.add(graph.linkTo[j]!);
    }
  const plan: MonitoredService[] = [];
  for (let i = 0; i < graph.nodes.length; i++) {
    const id = graph.nodeIds[i]!;
    // Services and gateways, and a third party with an error budget to watch.
    if (!isOwned(index, i) && !alertsOf.has(id)) continue;
    const node = graph.nodes[i]!;
    const metrics: string[] = [];
    if (graph.syncIn[i]!.length > 0) metrics.push('request rate', 'error rate', 'latency p99');
    if (node.availability !== undefined) metrics.push('availability');
    if (consumes.has(i)) metrics.push('consumer lag');
    if (dlqs.has(i)) metrics.push('dead letters');
    if (graph.syncOut[i]!.some((j) => graph.links[j]!.breaker)) metrics.push('breaker state');
    if (graph.asyncOut[i]!.length > 0) metrics.push('publish failures');
    const alerts = alertsOf.get(id) ?? [];
    if (metrics.length > 0 || alerts.length > 0) plan.push({ node: id, name: node.name, metrics, alerts });
  }
  return plan;
}
