import type { DesignNode, Link } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { getLinkName, type DesignFlowNode, type LinkFlowEdge } from './flowElements';

/**
 * What a compared version had and the design no longer has, drawn where the version had it:
 * not selectable, draggable or connectable (it is not part of the design, nothing can edit it).
 */
export function getGhostElements(
  ghostNodes: Record<string, DesignNode>,
  ghostLinks: readonly Link[],
  designNodes: Record<string, DesignNode> = {},
): { nodes: DesignFlowNode[]; edges: LinkFlowEdge[] } {
  // A removed link is named as the design's links are, by the cards at its ends (which may be ghosts).
  const names = { ...designNodes, ...ghostNodes };
  const nodes = Object.entries(ghostNodes).map(([id, node]): DesignFlowNode => ({
    id,
    type: 'design',
    position: { x: node.at?.[0] ?? 0, y: node.at?.[1] ?? 0 },
    data: { node },
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    // Not focusable, so React Flow would give it no role: a group like the design's own cards,
    // named so that a screen reader says what it is (it cannot be tabbed to).
    ariaRole: 'group',
    ariaLabel: `${node.name} (removed)`,
  }));
  const edges = ghostLinks.map((link): LinkFlowEdge => ({
    id: getLinkId(link),
    type: 'link',
    source: link.from,
    target: link.to,
    sourceHandle: 'out',
    targetHandle: 'in',
    selectable: false,
    focusable: false,
    ariaLabel: `${getLinkName(link, names)} (removed)`,
    data: { link, dense: false, lane: 0 },
  }));
  return { nodes, edges };
}
