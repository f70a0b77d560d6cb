import { useEffect, useRef } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { Link } from '../../core/model/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';

const SYNC_STROKE = 'rgba(71, 85, 105, 0.45)';
const ASYNC_STROKE = 'rgba(217, 119, 6, 0.5)';

type Lookup = ReactFlowState['nodeLookup'];

function fitCanvas(canvas: HTMLCanvasElement, state: ReactFlowState, ratio: number): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.round(state.width * ratio));
  const h = Math.max(1, Math.round(state.height * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const [tx, ty, zoom] = state.transform;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
  ctx.lineWidth = 1.2 / zoom;
  return ctx;
}

/** Two paths (sync, async), one stroke each: a stroke per link would be a draw call per link. */
function drawLinks(ctx: CanvasRenderingContext2D, links: readonly Link[], lookup: Lookup, keep: (link: Link) => boolean): void {
  for (const kind of ['sync', 'async'] as const) {
    ctx.beginPath();
    for (const link of links) {
      if (link.kind !== kind || !keep(link)) continue;
      const from = lookup.get(link.from)?.internals.positionAbsolute;
      const to = lookup.get(link.to)?.internals.positionAbsolute;
      if (!from || !to) continue;
      const sx = from.x + NODE_WIDTH;
      const sy = from.y + NODE_HEIGHT / 2;
      const ex = to.x;
      const ey = to.y + NODE_HEIGHT / 2;
      const bend = Math.max(Math.abs(ex - sx) / 2, 40);
      ctx.moveTo(sx, sy);
      ctx.bezierCurveTo(sx + bend, sy, ex - bend, ey, ex, ey);
    }
    ctx.strokeStyle = kind === 'sync' ? SYNC_STROKE : ASYNC_STROKE;
    ctx.stroke();
  }
}

/** The ids of the nodes being dragged, as one comparable string ('' when none). */
function getDragging(state: ReactFlowState): string {
  let ids = '';
  for (const node of state.nodes) if (node.dragging) ids += `${node.id}\n`;
  return ids;
}

/**
 * Far out in a large design every link is drawn on canvases under the nodes instead of as an SVG
 * element each: at fit zoom the generated 2,000-node design keeps ~1,300 long hub edges on
 * screen, and re-rasterising them bounded the drag frame rate (bench/canvas.ts). The links that
 * stand still are drawn once per pan, zoom or drag start onto one canvas; only the links of the
 * dragged nodes are redrawn each frame, onto a second one. Links here are pictures, not targets:
 * zoom in (where their labels show anyway) to click one.
 */
export function FarEdgeLayer({ links }: { links: readonly Link[] }) {
  const stillRef = useRef<HTMLCanvasElement>(null);
  const movingRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();

  useEffect(() => {
    const still = stillRef.current;
    const moving = movingRef.current;
    if (!still || !moving) return undefined;
    let frame = 0;
    let stillDirty = true;
    let dragging = '';
    let movingIds = new Set<string>();
    const touchesMoving = (link: Link) => movingIds.has(link.from) || movingIds.has(link.to);
    const draw = () => {
      frame = 0;
      const state = store.getState();
      const ratio = window.devicePixelRatio || 1;
      if (stillDirty) {
        stillDirty = false;
        const ctx = fitCanvas(still, state, ratio);
        if (ctx) drawLinks(ctx, links, state.nodeLookup, (link) => !touchesMoving(link));
      }
      const ctx = fitCanvas(moving, state, ratio);
      if (ctx && movingIds.size > 0) drawLinks(ctx, links, state.nodeLookup, touchesMoving);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) stillDirty = true;
      if (s.nodes !== prev.nodes) {
        const now = getDragging(s);
        if (now !== dragging) {
          // A drag starts or ends: what stands still changes once, not every frame.
          dragging = now;
          movingIds = new Set(now.split('\n').filter(Boolean));
          stillDirty = true;
        } else if (now === '') stillDirty = true; // a node moved without a drag (undo, layout)
      }
      if (stillDirty || s.nodes !== prev.nodes) schedule();
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [store, links]);

  return (
    <>
      <canvas ref={stillRef} className="sb-far-edges" aria-hidden="true" />
      <canvas ref={movingRef} className="sb-far-edges" aria-hidden="true" />
    </>
  );
}
