import { useFindingsStore, useSignalbox, useViewStore } from '../../editor/react';
import { useMemo } from 'react';
import type { DesignNode, Link } from '../../core/model/types';
import { isEmptyView, projectView, type ViewProjection } from '../../core/views/view';

export interface CanvasView {
  projection: ViewProjection;
  /** The drawn design nodes, same objects as the design's (so flowElements reuses what it can). */
  nodes: Record<string, DesignNode>;
  links: Link[];
  /** Changes when a different set is drawn: the canvas fits the view to it. */
  key: string;
}

/** Aggregates (`group:x`) and folded links (`rollup:...`) are the view's, not the design's. */
export function isViewElementId(id: string | null | undefined): boolean {
  return !!id && (id.startsWith('group:') || id.startsWith('team:') || id.startsWith('rollup:'));
}

/** The current view applied to the design; null when no view is on (the canvas draws everything). */
export function useViewProjection(designNodes: Record<string, DesignNode>, links: readonly Link[]): CanvasView | null {
  const editor = useSignalbox();
  const spec = useViewStore((s) => s.spec);
  // Findings matter only to a severity filter and the aggregates' badges.
  const worstByNode = useFindingsStore((s) => s.worstByNode);
  const worstByLink = useFindingsStore((s) => s.worstByLink);
  return useMemo(() => {
    if (isEmptyView(spec) && !spec?.collapsed?.length) return null;
    const design = { ...editor.design.getState().design, nodes: designNodes, links: links as Link[] };
    const projection = projectView(design, spec!, { worstByNode, worstByLink });
    const nodes: Record<string, DesignNode> = {};
    for (const id of projection.nodes) nodes[id] = designNodes[id]!;
    return {
      projection,
      nodes,
      links: projection.links,
      key: JSON.stringify(spec),
    };
  }, [spec, designNodes, links, worstByNode, worstByLink, editor]);
}
