import { getLinksById } from '../model/ids';
import type { Design, Flow, Link } from '../model/types';
import { escapeMermaidText } from './mermaidText';
import { createUniqueNamer, slugify } from './slug';

export interface SequenceDiagram {
  /** The flow's name, or the client entry point's name. */
  name: string;
  /** `<slug>.mmd`, unique among the diagrams of one design. */
  fileName: string;
  text: string;
}

export interface SequenceOptions {
  /** How deep the walk from a client follows sync calls when the design has no flows. */
  maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 8;

/** One diagram being written: participants in order of first appearance, ids generated. */
function createSequenceWriter(design: Design, title: string) {
  const participants = new Map<string, string>();
  const body: string[] = [];
  const idOf = (node: string) => {
    let id = participants.get(node);
    if (!id) participants.set(node, (id = `p${participants.size}`));
    return id;
  };
  const text = (value: string) => escapeMermaidText(value) || ' ';
  const over = (link: Link) => (link.from === link.to ? idOf(link.from) : `${idOf(link.from)},${idOf(link.to)}`);

  return {
    request(link: Link) {
      const label = link.operations?.length ? link.operations.join(', ') : (link.protocol ?? 'call');
      body.push(`  ${idOf(link.from)}->>${idOf(link.to)}: ${text(label)}`);
    },
    reply(link: Link) {
      body.push(`  ${idOf(link.to)}-->>${idOf(link.from)}: ${design.nodes[link.to]?.kind === 'database' ? 'rows' : 'response'}`);
    },
    publish(link: Link) {
      const message = link.message?.name
        ? ` (${link.message.name}${link.message.version === undefined ? '' : ` v${String(link.message.version)}`})`
        : '';
      body.push(`  ${idOf(link.from)}-)${idOf(link.to)}: ${text(`${link.channel ?? 'event'}${message}`)}`);
    },
    note(link: Link, value: string) {
      body.push(`  Note over ${over(link)}: ${text(value)}`);
    },
    render(): string {
      const lines = ['sequenceDiagram', `  title ${text(title)}`];
      for (const [node, id] of participants) {
        const entry = design.nodes[node];
        // Clients are people or apps outside the system: drawn as actors.
        lines.push(`  ${entry?.kind === 'client' ? 'actor' : 'participant'} ${id} as ${text(entry?.name ?? node)}`);
      }
      return `${[...lines, ...body].join('\n')}\n`;
    },
  };
}

/**
 * A flow in step order. Sync calls stay open until a step no longer continues from the callee,
 * so nested calls reply inside out; async messages do not wait.
 */
function writeFlow(design: Design, flow: Flow, linksById: Map<string, Link>): string {
  const title = flow.saga ? `${flow.name} (${flow.saga} saga)` : flow.name;
  const writer = createSequenceWriter(design, title);
  const open: Link[] = [];
  const closeUntil = (node: string) => {
    while (open.length > 0 && open[open.length - 1]!.to !== node) writer.reply(open.pop()!);
  };
  const hasPivot = flow.steps.some((step) => step.pivot);
  flow.steps.forEach((step, index) => {
    const link = linksById.get(step.link);
    if (!link) return; // validation reports unknown link ids
    closeUntil(link.from);
    if (link.kind === 'sync') {
      writer.request(link);
      open.push(link);
    } else writer.publish(link);
    if (step.readOnly) writer.note(link, 'read-only');
    if (step.compensation) writer.note(link, `compensation: ${step.compensation}`);
    // format.md: in a saga with no pivot marked, the last step is the pivot.
    if (step.pivot || (flow.saga && !hasPivot && index === flow.steps.length - 1)) writer.note(link, 'pivot (go/no-go)');
  });
  closeUntil('');
  return writer.render();
}

/** Depth-first along sync calls from an entry point: each node's calls are expanded once, so cycles and diamonds stay bounded. */
function writeEntryPoint(design: Design, entry: string, maxDepth: number, callsFrom: Map<string, Link[]>): string {
  const writer = createSequenceWriter(design, design.nodes[entry]?.name ?? entry);
  const expanded = new Set<string>();
  const visit = (node: string, depth: number) => {
    expanded.add(node);
    for (const link of callsFrom.get(node) ?? []) {
      writer.request(link);
      if (depth < maxDepth && !expanded.has(link.to)) visit(link.to, depth + 1);
      writer.reply(link);
    }
  };
  visit(entry, 1);
  return writer.render();
}

/**
 * One Mermaid sequence diagram per flow; with no flows, one per client entry point (gateways
 * stand in when the design has no clients).
 */
export function mermaidSequences(design: Design, options: SequenceOptions = {}): SequenceDiagram[] {
  const unique = createUniqueNamer();
  const diagram = (name: string, text: string): SequenceDiagram => ({
    name,
    fileName: `${unique(slugify(name, 'sequence'))}.mmd`,
    text,
  });
  const flows = design.flows ?? [];
  if (flows.length > 0) {
    const linksById = getLinksById(design);
    return flows.map((flow) => diagram(flow.name, writeFlow(design, flow, linksById)));
  }
  const nodes = Object.entries(design.nodes);
  const clients = nodes.filter(([, node]) => node.kind === 'client');
  const entries = clients.length > 0 ? clients : nodes.filter(([, node]) => node.kind === 'gateway');
  // Built once for every entry point, pushed in place: rebuilding it per entry (with a copy per
  // link) made 8,000 services take 15 s.
  const callsFrom = new Map<string, Link[]>();
  for (const link of design.links) {
    if (link.kind !== 'sync') continue;
    const calls = callsFrom.get(link.from);
    if (calls) calls.push(link);
    else callsFrom.set(link.from, [link]);
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  return entries.map(([id, node]) => diagram(node.name, writeEntryPoint(design, id, maxDepth, callsFrom)));
}
