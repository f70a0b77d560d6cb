/**
 * The design adapted to React Flow's nodes and edges. Derived, never owned: each sync reuses the
 * previous object for every element whose design object and selection did not change, so React
 * Flow re-renders only what changed (a 1,000-node design edits one node, not a thousand).
 */
import type { Edge, Node } from '@xyflow/react';
import type { DesignNode, Link } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';

export type DesignFlowNode = Node<{ node: DesignNode }, 'design'>;
export type LinkFlowEdge = Edge<{ link: Link; dense: boolean }, 'link'>;

/** Above this many links, async links are drawn solid (dashes cost frames at scale, RECIPES.md). */
export const DENSE_LINKS = 1200;

export function syncFlowNodes(
  previous: readonly DesignFlowNode[],
  designNodes: Record<string, DesignNode>,
  selected: ReadonlySet<string>,
): DesignFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  const next: DesignFlowNode[] = [];
  let changed = previous.length !== Object.keys(designNodes).length;
  let i = 0;
  for (const [id, node] of Object.entries(designNodes)) {
    const prev = byId.get(id);
    const isSelected = selected.has(id);
    const x = node.at?.[0] ?? 0;
    const y = node.at?.[1] ?? 0;
    if (prev && prev.data.node === node && !!prev.selected === isSelected && prev.position.x === x && prev.position.y === y) {
      next.push(prev);
      if (previous[i] !== prev) changed = true;
    } else {
      next.push({
        ...prev,
        id,
        type: 'design',
        position: { x, y },
        data: { node },
        selected: isSelected,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
      });
      changed = true;
    }
    i++;
  }
  return changed ? next : (previous as DesignFlowNode[]);
}

export function syncFlowEdges(
  previous: ReadonlyMap<string, LinkFlowEdge>,
  links: readonly Link[],
  selected: ReadonlySet<string>,
): LinkFlowEdge[] {
  const dense = links.length > DENSE_LINKS;
  return links.map((link) => {
    const id = getLinkId(link);
    const prev = previous.get(id);
    const isSelected = selected.has(id);
    if (prev && prev.data?.link === link && !!prev.selected === isSelected && prev.data.dense === dense) return prev;
    return {
      id,
      type: 'link',
      source: link.from,
      target: link.to,
      sourceHandle: 'out',
      targetHandle: 'in',
      selected: isSelected,
      data: { link, dense },
    };
  });
}

/** The label a link shows: `gRPC v2` for a call, the channel for a message. */
export function getLinkLabel(link: Link): string {
  if (link.kind === 'async') return link.channel ?? 'event';
  const protocol = link.protocol ? (PROTOCOL_LABELS[link.protocol] ?? link.protocol) : 'call';
  return link.version !== undefined && link.version !== '' ? `${protocol} ${link.version}` : protocol;
}

const PROTOCOL_LABELS: Record<string, string> = {
  rest: 'REST',
  grpc: 'gRPC',
  graphql: 'GraphQL',
  websocket: 'WebSocket',
  thrift: 'Thrift',
  soap: 'SOAP',
  sql: 'SQL',
};
