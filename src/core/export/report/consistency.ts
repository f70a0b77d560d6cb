import { getLinksById } from '../../model/ids';
import type { Compatibility } from '../../model/types';
import { isPublication } from '../../graph/messaging';
import { isReplayable } from '../../rules/messaging';
import type { ReportIndex } from './reportIndex';
import { channelLabel } from './reportIndex';
import { bullets, escapeMarkdown, lines, names, notStated, table } from './text';

/** 4. Sagas, their compensations and pivots; which flows are strong and which eventual; event sourcing. */
export function consistencySection(index: ReportIndex): string {
  const { design, graph } = index;
  const flows = design.flows ?? [];
  const linksById = getLinksById(design);
  const stepName = (id: string) => {
    const link = linksById.get(id);
    if (!link) return id;
    const from = index.nameOf(graph.indexOf.get(link.from) ?? -1);
    const to = index.nameOf(graph.indexOf.get(link.to) ?? -1);
    return `${from} → ${to}${link.channel ? ` (${link.channel})` : ''}`;
  };
  const sagas = flows
    .filter((flow) => flow.saga)
    .map((flow) => {
      const marked = flow.steps.findIndex((s) => s.pivot === true);
      const pivot = marked >= 0 ? marked : flow.steps.length - 1;
      return lines(
        `### Saga: ${escapeMarkdown(flow.name)} (${flow.saga!})`,
        table(
          ['#', 'Step', 'Compensation', 'Role'],
          flow.steps.map((step, i) => [
            i + 1,
            stepName(step.link),
            step.compensation ?? (step.readOnly ? 'none needed (read-only)' : undefined),
            i === pivot ? 'pivot (go/no-go)' : i < pivot ? 'compensatable' : 'retriable',
          ]),
        ),
      );
    });
  const consistency = flows.map((flow) => [flow.name, flow.consistency, flow.saga ?? 'plain flow']);
  const uncompensated = flows.flatMap((flow) => {
    if (!flow.saga) return [];
    const marked = flow.steps.findIndex((s) => s.pivot === true);
    const pivot = marked >= 0 ? marked : flow.steps.length - 1;
    return flow.steps
      .slice(0, Math.max(pivot, 0))
      .flatMap((s) => (s.readOnly || s.compensation ? [] : [`${stepName(s.link)} in ${flow.name}`]));
  });
  const eventSourced = graph.nodes.flatMap((node, i) => {
    if (node.kind !== 'service' || node.eventSourced !== true) return [];
    const targets = graph.asyncOut[i]!.filter((j) => isPublication(graph, j));
    const where = targets.map((j) => {
      const to = graph.linkTo[j]!;
      const replay = isReplayable(graph.nodes[to]);
      return `${graph.links[j]!.channel ?? index.nameOf(to)} on ${index.nameOf(to)}${replay === true ? ' (replayable)' : replay === false ? ' (not replayable)' : ''}`;
    });
    return [
      `- ${escapeMarkdown(node.name)}: its events are its state and audit trail; published to ${
        where.length > 0 ? names(where) : 'no channel'
      }`,
    ];
  });
  return lines(
    '## 4. Sagas and data consistency',
    sagas.length > 0 ? sagas.join('\n\n') : 'The design has no saga (`saga:` on a flow).',
    consistency.length > 0
      ? `What each flow promises when it answers:\n\n${table(['Flow', 'Consistency', 'Kind'], consistency)}`
      : undefined,
    eventSourced.length > 0
      ? `Event-sourced services:\n\n${eventSourced.join('\n')}`
      : 'No service is event-sourced (`eventSourced: true`).',
    bullets([
      flows.length === 0 ? '- Not stated: the critical flows and their consistency (`flows:`)' : undefined,
      notStated('how to undo', uncompensated, 'compensation'),
      notStated(
        'whether these flows are strongly or eventually consistent:',
        flows.filter((f) => !f.consistency).map((f) => f.name),
        'consistency',
      ),
    ]),
  );
}

/** What a schema change may do under each compatibility mode (the Confluent registry's meanings). */
const EVOLUTION: Record<Compatibility, string> = {
  backward: 'add optional fields, remove fields; upgrade consumers first',
  forward: 'add fields, remove optional fields; upgrade producers first',
  full: 'add or remove optional fields only; upgrade in any order',
  none: 'any change may break consumers; release producer and consumers together',
};

/** 5. Compatibility per message and what a change may do under it. */
export function schemaEvolutionSection(index: ReportIndex): string {
  const rows: (string | undefined)[][] = [];
  const unstated: string[] = [];
  for (const group of index.channels) {
    const message = index.messageOf(group);
    const label = channelLabel(index, group);
    const name = message?.name ?? label;
    if (!message?.compatibility) unstated.push(name);
    rows.push([
      name,
      label,
      message?.version === undefined ? undefined : String(message.version),
      message?.compatibility,
      message?.compatibility ? EVOLUTION[message.compatibility] : undefined,
    ]);
  }
  if (rows.length === 0) return lines('## 5. Schema evolution', 'No message schema to evolve.');
  return lines(
    '## 5. Schema evolution',
    table(['Message', 'Channel', 'Version', 'Compatibility', 'A change may'], rows),
    bullets([notStated('the compatibility mode of', unstated, 'message.compatibility')]),
  );
}
