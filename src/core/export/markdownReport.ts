import type { Design, Finding } from '../model/types';
import { SEVERITY_RANK } from '../model/types';
import { mermaidSequences } from './mermaidSequence';
import { interactionsSection, messagingSection, syncContractsSection } from './report/communication';
import { consistencySection, schemaEvolutionSection } from './report/consistency';
import type { BlastRadiusEntry } from './report/failures';
import { failureSection } from './report/failures';
import type { AlertRule } from './alerts';
import { getLatencyEntryPoints } from './alerts';
import { monitoringPlan } from './report/monitoring';
import { discoverySection, gatewaySection, reliabilitySection, tracingSection } from './report/operations';
import { buildReportIndex } from './report/reportIndex';
import type { ReportIndex } from './report/reportIndex';
import { bullets, escapeMarkdown, fence, lines, notStated, table } from './report/text';

export type { BlastRadiusEntry } from './report/failures';
export { escapeMarkdown } from './report/text';

export interface MarkdownReportInput {
  /** From the rules engine; the report does not judge the design itself. */
  findings: Finding[];
  blastRadius?: BlastRadiusEntry[];
}

/** Past this many entry points, per-entry sequence diagrams are left to `export --to sequence`. */
const MAX_ENTRY_SEQUENCES = 5;

/** How long an alert's condition must hold, in words. */
function holdText(rule: AlertRule): string {
  return rule.for === '0m' ? 'at once' : rule.for.replace(/m$/, ' min');
}

/**
 * 11. Key metrics per service and the alert conditions: the alerts export's own rules
 * (report/monitoring.ts reads `listAlertRules`), so the document and the rule file never disagree.
 */
function monitoringSection(index: ReportIndex): string {
  const plan = monitoringPlan(index.design, index);
  if (plan.length === 0) return lines('## 11. Monitoring and alerting', 'The design has no services to monitor.');
  const { design, graph } = index;
  const alerts = plan.flatMap((s) => s.alerts.map((rule) => ({ service: s.name, rule })));
  const noAvailability = plan.flatMap((s) =>
    s.metrics.includes('request rate') && design.nodes[s.node]?.availability === undefined ? [s.name] : [],
  );
  const noLatency = getLatencyEntryPoints(design).flatMap((id) => {
    const i = graph.indexOf.get(id)!;
    const served = graph.syncIn[i]!.length > 0 || graph.kinds[i] === 'gateway';
    return served && design.nodes[id]!.latencyMs === undefined ? [design.nodes[id]!.name] : [];
  });
  return lines(
    '## 11. Monitoring and alerting',
    'Key metrics follow from what each service does: it serves calls (rate, errors, latency), consumes (lag, dead letters), calls with a breaker (breaker state), publishes (publish failures). The alerts are the rules `signalbox export --to alerts` writes as a Prometheus rule file, with the metric names of Istio, kafka-exporter and the RabbitMQ plugin and a runbook line each.',
    `Key metrics per service:\n\n${table(
      ['Service', 'Key metrics'],
      plan.flatMap((s) => (s.metrics.length > 0 ? [[s.name, s.metrics.join(', ')]] : [])),
    )}`,
    alerts.length === 0
      ? 'The alerts export has no rule for this design.'
      : `Alert conditions, one per rule of the alerts export:\n\n${table(
          ['Service', 'Alert', 'Severity', 'For', 'Fires when'],
          alerts.map(({ service, rule }) => [service, rule.alert, rule.severity, holdText(rule), rule.description]),
        )}`,
    bullets([
      notStated('the availability target, so no error-budget alert, of', noAvailability, 'availability'),
      notStated('the p99 latency budget, so no latency alert, of', noLatency, 'latencyMs'),
    ]),
  );
}

/** 12. Sequence diagrams of the critical flows (the design's `flows:`). */
function sequencesSection(index: ReportIndex): string {
  const { design, graph } = index;
  const hasFlows = (design.flows ?? []).length > 0;
  const clients = graph.kinds.filter((k) => k === 'client').length;
  const entries = clients > 0 ? clients : graph.kinds.filter((k) => k === 'gateway').length;
  const sequences = hasFlows || entries <= MAX_ENTRY_SEQUENCES ? mermaidSequences(design) : [];
  return lines(
    '## 12. Sequence diagrams of the critical flows',
    hasFlows
      ? undefined
      : "- Not stated: the critical flows (`flows:`); the diagrams below follow each entry point's sync calls.",
    sequences.length === 0 && !hasFlows
      ? `The design has ${entries} entry points: \`signalbox export --to sequence\` writes one diagram each.`
      : undefined,
    ...sequences.map((s) => `### ${escapeMarkdown(s.name)}\n\n${fence(s.text)}`),
  );
}

function findingsSection(input: MarkdownReportInput): string {
  const findings = [...input.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (findings.length === 0) return '## Findings\n\nNo findings.';
  const counts = (['error', 'warning', 'info'] as const).map((severity) => {
    const count = findings.filter((f) => f.severity === severity).length;
    return `${count} ${severity}${count === 1 || severity === 'info' ? '' : 's'}`;
  });
  return `## Findings\n\n${counts.join(', ')}\n\n${table(
    ['Severity', 'Rule', 'Message', 'Fix'],
    findings.map((f) => [f.severity, f.rule, f.message, f.fix]),
  )}`;
}

/**
 * The communication architecture document: the twelve sections an architect hands the teams, in
 * the brief's order, each filled from the design or saying in a "Not stated" line what it misses
 * (so the document is also the checklist of open decisions), then the findings. Linear in the
 * design: every section reads one shared index (report/reportIndex.ts).
 */
export function markdownReport(design: Design, input: MarkdownReportInput): string {
  const index = buildReportIndex(design);
  const sections = [
    `# ${escapeMarkdown(design.name)}`,
    design.description ? escapeMarkdown(design.description) : undefined,
    interactionsSection(index),
    syncContractsSection(index),
    messagingSection(index),
    consistencySection(index),
    schemaEvolutionSection(index),
    discoverySection(index),
    reliabilitySection(index),
    tracingSection(index),
    gatewaySection(index),
    failureSection(index, input.blastRadius),
    monitoringSection(index),
    sequencesSection(index),
    findingsSection(input),
  ];
  return `${lines(...sections)}\n`;
}
