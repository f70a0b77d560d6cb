import { useEffect } from 'react';
import { useReactFlow, useStoreApi, type FitViewOptions } from '@xyflow/react';
import { getLinkId } from '../../core/model/ids';
import { useSignalbox } from '../../editor/react';

/** The Compare panel's width over the canvas's right edge (versions.css: clamp(260px, 45%, 340px) + margins). */
function getComparePanelRoom(canvasWidth: number): number {
  return Math.min(Math.max(260, canvasWidth * 0.45), 340) + 24;
}

/**
 * A finding click asks to frame nodes and links: fit them (and the links' ends), then clear it.
 * Under comparison the removed (ghost) nodes and links can be framed too, and the view keeps
 * clear of the Compare panel, which would otherwise cover what it lists.
 */
export function useFrameRequest(): void {
  const { fitView, getNode, getEdge } = useReactFlow();
  const store = useStoreApi();
  const editor = useSignalbox();
  useEffect(() => {
    const { design: designStore, ui: uiStore, diff: diffStore } = editor;
    const handle = () => {
      const request = uiStore.getState().frameRequest;
      if (!request) return;
      uiStore.setState({ frameRequest: null });
      const comparing = diffStore.getState().version !== null;
      const padding: FitViewOptions['padding'] = comparing
        ? { top: '64px', bottom: '40px', left: '40px', right: `${getComparePanelRoom(store.getState().width)}px` }
        : 0.3;
      // Wait for React Flow to have the new positions (a request right after auto-layout) and the
      // ghosts (a request as Compare starts): only then are they nodes and edges it knows. Hidden
      // nodes count: far out in a large design the cards are pictures (FarEdgeLayer).
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const { nodes: designNodes, links } = designStore.getState().design;
          const ids = new Set(request.nodes);
          const wanted = new Set(request.links);
          if (wanted.size > 0)
            for (const link of links) {
              if (!wanted.has(getLinkId(link))) continue;
              wanted.delete(getLinkId(link));
              ids.add(link.from).add(link.to);
            }
          // What is left is drawn but not in the design: a removed link under comparison.
          for (const id of wanted) {
            const edge = getEdge(id);
            if (edge) ids.add(edge.source).add(edge.target);
          }
          const nodes = [...ids].filter((id) => designNodes[id] || getNode(id)).map((id) => ({ id }));
          if (nodes.length > 0) void fitView({ nodes, padding, maxZoom: 1.1, duration: 300, includeHiddenNodes: true });
        }),
      );
    };
    handle();
    return uiStore.subscribe((s, prev) => {
      if (s.frameRequest && s.frameRequest !== prev.frameRequest) handle();
    });
  }, [fitView, getNode, getEdge, store, editor]);
}
