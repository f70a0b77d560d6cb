import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';

export interface FitNowOptions {
  /** The nodes to fit; all of them when left out. */
  nodes?: readonly string[];
  padding?: number;
  minZoom?: number;
  maxZoom?: number;
  duration?: number;
}

/**
 * Fit nodes into view now, by their declared sizes. React Flow's own fitView waits until every
 * node is measured (or until the next measurement), and in a culled design the cards that were
 * never on screen are never measured: the fit button, framing a search hit or opening a design
 * would wait for the next pan.
 */
export function useFitNow(): (options?: FitNowOptions) => Promise<boolean> {
  const store = useStoreApi();
  const { getNodesBounds, getNodes, setViewport, fitView } = useReactFlow();
  return useCallback(
    (options: FitNowOptions = {}) => {
      const { width, height, minZoom, maxZoom } = store.getState();
      const nodes = options.nodes ? [...options.nodes] : getNodes();
      // Before the pane has a size (the first render), or while the design is empty, React Flow's
      // fit waits for the pane and the cards: a new design is fitted to its first node.
      if (width <= 0 || height <= 0 || nodes.length === 0)
        return fitView({ ...options, nodes: options.nodes?.map((id) => ({ id })), includeHiddenNodes: true });
      const bounds = getNodesBounds(nodes);
      const viewport = getViewportForBounds(
        bounds,
        width,
        height,
        options.minZoom ?? minZoom,
        options.maxZoom ?? maxZoom,
        options.padding ?? 0.1,
      );
      return setViewport(viewport, { duration: options.duration });
    },
    [store, getNodesBounds, getNodes, setViewport, fitView],
  );
}
