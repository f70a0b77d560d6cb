import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { getLinkId } from '../../core/model/ids';
import { useSignalbox } from '../../editor/react';

/** A finding click asks to frame nodes and links: fit them (and the links' ends), then clear it. */
export function useFrameRequest(): void {
  const { fitView } = useReactFlow();
  const editor = useSignalbox();
  useEffect(() => {
    const { design: designStore, ui: uiStore } = editor;
    const handle = () => {
      const request = uiStore.getState().frameRequest;
      if (!request) return;
      uiStore.setState({ frameRequest: null });
      const ids = new Set(request.nodes);
      const wanted = new Set(request.links);
      if (wanted.size > 0) {
        for (const link of designStore.getState().design.links) {
          if (wanted.has(getLinkId(link))) {
            ids.add(link.from);
            ids.add(link.to);
          }
        }
      }
      const nodes = [...ids].filter((id) => designStore.getState().design.nodes[id]).map((id) => ({ id }));
      if (nodes.length === 0) return;
      // Wait for React Flow to have the new positions (a request right after auto-layout). Hidden
      // nodes included: a node never on screen in a culled design has only its declared size.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => void fitView({ nodes, padding: 0.3, maxZoom: 1.1, duration: 300, includeHiddenNodes: true })),
      );
    };
    handle();
    return uiStore.subscribe((s, prev) => {
      if (s.frameRequest && s.frameRequest !== prev.frameRequest) handle();
    });
  }, [fitView, editor]);
}
