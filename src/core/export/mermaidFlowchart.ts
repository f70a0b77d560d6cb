import type { Design, DesignNode, Link, NodeKind } from '../model/types';
import { createIdMap, quoteMermaidText } from './mermaidText';

/**
 * The shape of each node kind. Labels are always quoted, so a name with brackets or `end`
 * stays text. Brokers use the horizontal cylinder (a queue) of Mermaid's shape syntax.
 */
const SHAPES: Record<NodeKind, (id: string, label: string) => string> = {
  client: (id, label) => `${id}([${label}])`,
  gateway: (id, label) => `${id}{{${label}}}`,
  service: (id, label) => `${id}[${label}]`,
  broker: (id, label) => `${id}@{ shape: h-cyl, label: ${label} }`,
  database: (id, label) => `${id}[(${label})]`,
  external: (id, label) => `${id}[/${label}/]`,
};

const CLASS_DEFS: Record<NodeKind, string> = {
  client: 'fill:#eef2ff,stroke:#6366f1,color:#1e1b4b',
  gateway: 'fill:#fef3c7,stroke:#d97706,color:#451a03',
  service: 'fill:#ecfdf5,stroke:#059669,color:#022c22',
  broker: 'fill:#fdf2f8,stroke:#db2777,color:#500724',
  database: 'fill:#eff6ff,stroke:#2563eb,color:#172554',
  external: 'fill:#f5f5f5,stroke:#737373,color:#171717,stroke-dasharray:4 3',
};

// Mermaid 12 lays flowcharts out with ELK by default (~290 ms per render); dagre is ~5x faster (RECIPES.md).
const FRONTMATTER = '---\nconfig:\n  layout: dagre\n---';

/** `rest v1`, `grpc`, `order.created`: what a link carries, as its edge label. */
export function getLinkLabel(link: Link): string {
  if (link.kind === 'async') return link.channel ?? link.message?.name ?? 'event';
  const version = link.version === undefined ? '' : ` ${String(link.version)}`;
  return `${link.protocol ?? 'sync'}${version}`;
}

function nodeLine(id: string, node: DesignNode): string {
  return SHAPES[node.kind](id, quoteMermaidText(node.name));
}

/** A Mermaid flowchart of the whole design: shapes by kind, sync solid, async dotted, groups as subgraphs. */
export function mermaidFlowchart(design: Design): string {
  const nodeIds = createIdMap(Object.keys(design.nodes), 'n');
  const groupIds = createIdMap(
    Object.values(design.nodes).flatMap((node) => (node.group ? [node.group] : [])),
    'g',
  );
  const lines = [FRONTMATTER, 'flowchart LR'];

  const ungrouped: string[] = [];
  const byGroup = new Map<string, string[]>();
  for (const [key, node] of Object.entries(design.nodes)) {
    const line = nodeLine(nodeIds.get(key)!, node);
    if (node.group) (byGroup.get(node.group) ?? byGroup.set(node.group, []).get(node.group)!).push(line);
    else ungrouped.push(line);
  }
  for (const line of ungrouped) lines.push(`  ${line}`);
  for (const [group, members] of byGroup) {
    lines.push(`  subgraph ${groupIds.get(group)!}[${quoteMermaidText(group)}]`);
    for (const line of members) lines.push(`    ${line}`);
    lines.push('  end');
  }

  for (const link of design.links) {
    const from = nodeIds.get(link.from);
    const to = nodeIds.get(link.to);
    if (!from || !to) continue; // validation reports unknown nodes; the diagram skips them
    const arrow = link.kind === 'async' ? '-.->' : '-->';
    lines.push(`  ${from} ${arrow}|${quoteMermaidText(getLinkLabel(link))}| ${to}`);
  }

  const kinds = new Set(Object.values(design.nodes).map((node) => node.kind));
  for (const kind of kinds) lines.push(`  classDef ${kind} ${CLASS_DEFS[kind]}`);
  for (const kind of kinds) {
    const members = Object.entries(design.nodes)
      .filter(([, node]) => node.kind === kind)
      .map(([key]) => nodeIds.get(key)!);
    lines.push(`  class ${members.join(',')} ${kind}`);
  }
  return `${lines.join('\n')}\n`;
}
