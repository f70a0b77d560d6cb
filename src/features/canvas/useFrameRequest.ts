import { useEffect } from 'react';
import { getLinkId } from '../../core/model/ids';
import { useSignalbox } from '../../editor/react';
import { useFitNow } from './useFitNow';

/** A finding click asks to frame nodes and links: fit them (and the links' ends), then clear it. */
export function useFrameRequest(): void {
  const fitNow = useFitNow();
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
      const nodes = [...ids].filter((id) => designStore.getState().design.nodes[id]);
      if (nodes.length === 0) return;
      // Wait for React Flow to have the new positions (a request right after auto-layout).
      requestAnimationFrame(() => requestAnimationFrame(() => void fitNow({ nodes, padding: 0.3, maxZoom: 1.1, duration: 300 })));
    };
    handle();
    return uiStore.subscribe((s, prev) => {
      if (s.frameRequest && s.frameRequest !== prev.frameRequest) handle();
    });
  }, [fitNow, editor]);
}
