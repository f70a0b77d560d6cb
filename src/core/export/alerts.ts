import { withLinkDefaults } from '../model/defaults';
import type { Design, Link } from '../model/types';
import { getDnsNames, wellFormed } from './deployNames';
import { headerName, isMeshCall } from './istio';
import { writeYaml } from './yamlWriter';

/**
 * One Prometheus alerting rule as data: the rule file is written from these, and the Markdown
 * report can list them. `nodes` and `links` are the design ids it watches.
 */
export interface AlertRule {
  group: 'dead-letters' | 'consumer-lag' | 'breakers' | 'error-budget' | 'latency';
  alert: string;
  expr: string;
  for: string;
  severity: 'critical' | 'warning';
  summary: string;
  description: string;
  runbook: string;
  /** Which exporter's metrics the expression reads (docs/alerts.md). */
  source: 'kafka-exporter' | 'rabbitmq-prometheus' | 'yace-sqs' | 'istio';
  labels: Record<string, string>;
  nodes: string[];
  links: string[];
}

/** Messages waiting in a consumer group before it counts as behind. */
export const CONSUMER_LAG_THRESHOLD = 1000;

type BrokerMetrics = 'kafka-exporter' | 'rabbitmq-prometheus' | 'yace-sqs';

/** Which exporter watches a broker, from its `tech`; Kafka's exporter when the design does not say. */
export function brokerMetrics(tech: string | undefined): BrokerMetrics {
  const text = (tech ?? '').toLowerCase();
  if (/rabbit|amqp/.test(text)) return 'rabbitmq-prometheus';
  if (/sqs/.test(text)) return 'yace-sqs';
  return 'kafka-exporter';
}

/**
 * A PromQL string literal: Go escapes, so quotes, backslashes and line breaks stay inside it. A
 * lone surrogate becomes U+FFFD, which PromQL's lexer reads as an invalid UTF-8 rune when written
 * raw ("parse error: invalid UTF-8 rune"), so it is written as the escape `\uFFFD`.
 */
export function promString(text: string): string {
  return JSON.stringify(wellFormed(text)).replace(/\uFFFD/g, '\\uFFFD');
}

/**
 * Alert labels and annotations are Go templates: `{{` in a name would open an action, so it is
 * written as the template that prints `{{`.
 */
export function templateText(text: string): string {
  return wellFormed(text).replace(/\{\{/g, '{{ "{{" }}');
}

function nameOf(design: Design, id: string): string {
  return design.nodes[id]?.name ?? id;
}

function queueDepth(metrics: BrokerMetrics, queue: string): string {
  switch (metrics) {
    case 'kafka-exporter':
      return `sum(increase(kafka_topic_partition_current_offset{topic=${promString(queue)}}[5m]))`;
    case 'rabbitmq-prometheus':
      return `sum(rabbitmq_detailed_queue_messages_ready{queue=${promString(queue)}})`;
    case 'yace-sqs':
      return `sum(aws_sqs_approximate_number_of_messages_visible_maximum{dimension_QueueName=${promString(queue)}})`;
  }
}

/** `A, B, C`; a dead-letter channel shared through `defaults.dlq` by hundreds of consumers ends `and 412 more`. */
function shortList(names: string[], limit = 8): string {
  return names.length > limit ? `${names.slice(0, limit).join(', ')} and ${names.length - limit} more` : names.join(', ');
}

function deadLetterRules(design: Design): AlertRule[] {
  const byDlq = new Map<string, Link[]>();
  for (const link of design.links) {
    if (link.kind !== 'async' || link.dlq === undefined || link.dlq.trim() === '') continue;
    (byDlq.get(link.dlq) ?? byDlq.set(link.dlq, []).get(link.dlq)!).push(link);
  }
  return [...byDlq].map(([dlq, links]) => {
    const broker = links.map((link) => link.from).find((id) => design.nodes[id]?.kind === 'broker');
    const source = brokerMetrics(broker ? design.nodes[broker]?.tech : undefined);
    const consumers = shortList([...new Set(links.map((link) => nameOf(design, link.to)))]);
    const channels = shortList([...new Set(links.map((link) => link.channel ?? link.to))]);
    return {
      group: 'dead-letters',
      alert: 'DeadLetterMessages',
      expr: `${queueDepth(source, dlq)} > 0`,
      for: '0m',
      severity: 'critical',
      summary: `Messages on the dead-letter channel ${dlq}`,
      description: `${consumers} could not process messages from ${channels}; they are parked on ${dlq}.`,
      runbook: `Read the parked messages on ${dlq}, fix why ${consumers} rejected them, then replay them onto ${channels}.`,
      source,
      labels: { channel: dlq },
      nodes: [...new Set(links.map((link) => link.to))],
      links: links.map(linkIdOf),
    };
  });
}

function linkIdOf(link: Link): string {
  return link.id ?? `${link.from}->${link.to}${link.channel !== undefined ? `:${link.channel}` : ''}`;
}

function consumerLagRules(design: Design): AlertRule[] {
  const seen = new Set<string>();
  const rules: AlertRule[] = [];
  for (const link of design.links) {
    const broker = design.nodes[link.from];
    if (link.kind !== 'async' || broker?.kind !== 'broker' || link.channel === undefined) continue;
    const group = link.consumerGroup ?? link.to;
    const key = JSON.stringify([link.from, group, link.channel]);
    if (seen.has(key)) continue;
    seen.add(key);
    const source = brokerMetrics(broker.tech);
    const consumer = nameOf(design, link.to);
    const expr =
      source === 'kafka-exporter'
        ? `sum(kafka_consumergroup_lag{consumergroup=${promString(group)}, topic=${promString(link.channel)}})`
        : queueDepth(source, source === 'rabbitmq-prometheus' ? group : link.channel);
    rules.push({
      group: 'consumer-lag',
      alert: 'ConsumerLag',
      expr: `${expr} > ${CONSUMER_LAG_THRESHOLD}`,
      for: '10m',
      severity: 'warning',
      summary: `${consumer} is behind on ${link.channel}`,
      description: `Consumer group ${group} of ${consumer} has more than ${CONSUMER_LAG_THRESHOLD} messages of ${link.channel} waiting for 10 minutes.`,
      runbook: `Check that ${consumer} is running and not failing on one message; scale ${consumer} out if it is only slow.`,
      source,
      labels: { consumer_group: group, channel: link.channel },
      nodes: [link.to],
      links: [linkIdOf(link)],
    });
  }
  return rules;
}

/**
 * Istio's standard metrics mark a request the sidecar refused with a response flag: `UO` when a
 * circuit-breaker limit (the bulkhead) overflowed, `UH` when outlier detection ejected every host.
 */
function breakerRules(design: Design, names: Map<string, string>): AlertRule[] {
  return design.links
    .filter((link) => link.breaker !== undefined && isMeshCall(design, link))
    .map((link) => {
      const caller = nameOf(design, link.from);
      const callee = nameOf(design, link.to);
      const fallback = link.breaker?.fallback;
      return {
        group: 'breakers',
        alert: 'BreakerOpen',
        expr: `sum(rate(istio_requests_total{reporter="source", source_workload=${promString(names.get(link.from)!)}, destination_service_name=${promString(names.get(link.to)!)}, response_flags=~"UH|UO"}[5m])) > 0`,
        for: '1m',
        severity: 'warning',
        summary: `${caller} has ejected ${callee}`,
        description: `Calls from ${caller} to ${callee} are refused by the circuit breaker${fallback ? `; ${caller} falls back to: ${fallback}` : ''}.`,
        runbook: `Look at ${callee}'s errors and latency; the breaker reopens by itself after ${link.breaker?.openMs ?? 30_000} ms once ${callee} answers.`,
        source: 'istio',
        labels: { caller: link.from, callee: link.to },
        nodes: [link.from, link.to],
        links: [linkIdOf(link)],
      };
    });
}

/** Google SRE workbook multi-window burn rates: 2% of a 30-day budget in 1 h, 5% in 6 h. */
const BURN_WINDOWS = [
  { alert: 'ErrorBudgetBurnFast', long: '1h', short: '5m', rate: 14.4, severity: 'critical' },
  { alert: 'ErrorBudgetBurnSlow', long: '6h', short: '30m', rate: 6, severity: 'warning' },
] as const;

function errorRatio(selector: string, window: string): string {
  return `(sum(rate(istio_requests_total{${selector}, response_code=~"5.."}[${window}])) / sum(rate(istio_requests_total{${selector}}[${window}])))`;
}

/** Where a node's requests are measured: at its own sidecar, or at its callers' for a third party. */
function selectorOf(design: Design, id: string, names: Map<string, string>): string {
  return design.nodes[id]!.kind === 'external'
    ? `reporter="source", destination_service_name=${promString(names.get(id)!)}`
    : `reporter="destination", destination_workload=${promString(names.get(id)!)}`;
}

function errorBudgetRules(design: Design, names: Map<string, string>): AlertRule[] {
  const rules: AlertRule[] = [];
  for (const [id, node] of Object.entries(design.nodes)) {
    if (node.availability === undefined || node.availability >= 100 || node.kind === 'client') continue;
    const budget = Number((1 - node.availability / 100).toPrecision(6));
    const selector = selectorOf(design, id, names);
    for (const window of BURN_WINDOWS) {
      const threshold = Number((window.rate * budget).toPrecision(6));
      rules.push({
        group: 'error-budget',
        alert: window.alert,
        expr: `${errorRatio(selector, window.long)} > ${threshold} and ${errorRatio(selector, window.short)} > ${threshold}`,
        for: '2m',
        severity: window.severity,
        summary: `${node.name} is burning its error budget ${window.rate}x too fast`,
        description: `${node.name} promises ${node.availability}% availability; over the last ${window.long} and ${window.short} more than ${Number((threshold * 100).toPrecision(4))}% of its requests failed.`,
        runbook: `Find what changed in ${node.name} or its dependencies in the last ${window.long}; roll back or shed load before the month's budget is gone.`,
        source: 'istio',
        labels: { node: id, slo: String(node.availability) },
        nodes: [id],
        links: [],
      });
    }
  }
  return rules;
}

/**
 * Entry points for latency: gateways and services requests reach first (called by a client or a
 * gateway, or called by nobody), each measured against its own `latencyMs` (a p99). Design order.
 */
export function getLatencyEntryPoints(design: Design): string[] {
  const called = new Set<string>();
  const first = new Set<string>();
  for (const link of design.links) {
    if (link.kind !== 'sync') continue;
    called.add(link.to);
    const from = design.nodes[link.from]?.kind;
    if (from === 'client' || from === 'gateway') first.add(link.to);
  }
  return Object.entries(design.nodes).flatMap(([id, node]) =>
    (node.kind === 'gateway' || node.kind === 'service') && (first.has(id) || node.kind === 'gateway' || !called.has(id))
      ? [id]
      : [],
  );
}

function latencyRules(design: Design, names: Map<string, string>): AlertRule[] {
  const rules: AlertRule[] = [];
  for (const id of getLatencyEntryPoints(design)) {
    const node = design.nodes[id]!;
    if (node.latencyMs === undefined) continue;
    rules.push({
      group: 'latency',
      alert: 'LatencyOverBudget',
      expr: `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination", destination_workload=${promString(names.get(id)!)}}[5m]))) > ${node.latencyMs}`,
      for: '10m',
      severity: 'warning',
      summary: `${node.name} answers slower than its ${node.latencyMs} ms budget`,
      description: `The p99 latency of requests reaching ${node.name} has been over ${node.latencyMs} ms for 10 minutes.`,
      runbook: `Compare ${node.name}'s own time with the calls it makes (traces); the slowest dependency is where the budget went.`,
      source: 'istio',
      labels: { node: id, budget_ms: String(node.latencyMs) },
      nodes: [id],
      links: [],
    });
  }
  return rules;
}

/**
 * Every alert the design implies, grouped as the rule file groups them. Pure data. Links read
 * with the design's `defaults:`, so a dead-letter channel named by `defaults.dlq` has its alert.
 */
export function listAlertRules(stated: Design): AlertRule[] {
  const design = withLinkDefaults(stated);
  const names = getDnsNames(design);
  return [
    ...deadLetterRules(design),
    ...consumerLagRules(design),
    ...breakerRules(design, names),
    ...errorBudgetRules(design, names),
    ...latencyRules(design, names),
  ];
}

/** A Prometheus rule file (`promtool check rules`), one group per kind of alert; empty when there is none. */
export function alertRuleFile(design: Design): string {
  const rules = listAlertRules(design);
  if (rules.length === 0) return '';
  const groups = new Map<string, AlertRule[]>();
  for (const rule of rules) (groups.get(rule.group) ?? groups.set(rule.group, []).get(rule.group)!).push(rule);
  const file = {
    groups: [...groups].map(([group, members]) => ({
      name: `signalbox-${group}`,
      rules: members.map((rule) => ({
        alert: rule.alert,
        expr: rule.expr,
        for: rule.for,
        labels: Object.fromEntries([
          ['severity', rule.severity],
          ...Object.entries(rule.labels).map(([k, v]) => [k, templateText(v)]),
        ]),
        annotations: {
          summary: templateText(rule.summary),
          description: templateText(rule.description),
          runbook: templateText(rule.runbook),
        },
      })),
    })),
  };
  const header = `# Prometheus alerting rules generated by Signalbox from the design: ${headerName(design.name)}\n`;
  return header + writeYaml(file);
}
