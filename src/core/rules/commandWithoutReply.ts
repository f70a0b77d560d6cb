import type { FindingDraft, Rule } from './types';
import type { Messaging } from '../graph/messaging';
import { getDownstream, getUpstream } from '../graph/messaging';
import { listNames } from './text';

/**
 * Who sends a command link and who receives it: every publisher and consumer of its channel
 * (through bridges too); for a direct command, its two ends.
 */
function commandEnds(messaging: Messaging, j: number): { senders: number[]; receivers: number[] } {
  const { graph } = messaging;
  const c = messaging.roles[j] === 'consume' ? messaging.leaves[j]! : messaging.enters[j]!;
  if (c < 0) return { senders: [], receivers: [] };
  const senders = getUpstream(messaging, c).map((r) => graph.linkFrom[r.link]!);
  const receivers = getDownstream(messaging, c).map((r) => graph.linkTo[r.link]!);
  return { senders: [...new Set(senders)], receivers: [...new Set(receivers)] };
}

/** Does `receiver` publish anything `sender` consumes (a reply or status channel), or message it directly? */
function repliesTo(messaging: Messaging, receiver: number, sender: number): boolean {
  const { graph } = messaging;
  for (const j of graph.asyncOut[receiver]!) {
    const c = messaging.enters[j]!;
    if (messaging.roles[j] !== 'publish' && messaging.roles[j] !== 'direct') continue;
    if (getDownstream(messaging, c).some((r) => graph.linkTo[r.link] === sender)) return true;
  }
  return false;
}

export const commandWithoutReply: Rule = {
  id: 'command-without-reply',
  defaultSeverity: 'warning',
  title: 'Command without a reply channel',
  description:
    'A flow sends a command (`pattern: command`) and needs its outcome (the flow is a saga, or the sender acts again later in the flow), but the receiver publishes nothing the sender consumes: the sender never learns whether the command succeeded.',
  fix: 'Give the receiver a reply or status channel the sender consumes (`order.payment.succeeded` / `failed`), correlated by a command id.',
  check({ design, graph, nameOf, getMessaging }) {
    const out: FindingDraft[] = [];
    const flows = design.flows ?? [];
    if (flows.length === 0) return out;
    const linkIndex = new Map(graph.linkIds.map((id, j) => [id, j]));
    const reported = new Set<string>();
    for (const flow of flows) {
      const steps = flow.steps.map((s) => linkIndex.get(s.link));
      steps.forEach((j, position) => {
        if (j === undefined || graph.links[j]!.kind !== 'async' || graph.links[j]!.pattern !== 'command') return;
        const { senders, receivers } = commandEnds(getMessaging(), j);
        for (const sender of senders) {
          // The sender needs the answer when the flow is a saga or comes back to the sender later.
          const later = steps
            .slice(position + 1)
            .some((k) => k !== undefined && (graph.linkFrom[k] === sender || graph.linkTo[k] === sender));
          if (!flow.saga && !later) continue;
          const silent = receivers.filter(
            (r) => r !== sender && graph.kinds[r] === 'service' && !repliesTo(getMessaging(), r, sender),
          );
          // The publish and the consume link of one command are one finding.
          const key = `${sender}\u0000${graph.links[j]!.channel ?? ''}\u0000${silent.join(',')}`;
          if (silent.length === 0 || reported.has(key)) continue;
          reported.add(key);
          const what = graph.links[j]!.message?.name ?? graph.links[j]!.channel;
          out.push({
            message: `${nameOf(sender)} sends the command${what ? ` ${what}` : ''} in "${flow.name}" but ${listNames(silent.map(nameOf))} publish${silent.length === 1 ? 'es' : ''} no reply or status ${nameOf(sender)} consumes`,
            nodes: [graph.nodeIds[sender]!, ...silent.map((r) => graph.nodeIds[r]!)],
            links: [graph.linkIds[j]!],
          });
        }
      });
    }
    return out;
  },
};
