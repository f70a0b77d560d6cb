import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type WheelEvent as ReactWheelEvent } from 'react';
import { Panel, useStoreApi, type InternalNode, type Node, type ReactFlowState } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';

/**
 * The minimap of a large design, drawn on one canvas: React Flow's MiniMap is an SVG element per
 * node, repainted on every drag frame, which costs more than it gives past a few hundred nodes.
 * Here every node is a rectangle in one fill per colour, repainted at most once a frame; a press
 * or a drag centres the view there, the wheel zooms, as on React Flow's.
 */

const VIEW_FILL = 'rgba(37, 99, 235, 0.08)';
const VIEW_STROKE = 'rgba(37, 99, 235, 0.85)';
const MASK = 'rgba(241, 245, 249, 0.7)';
const PADDING = 6;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the flow sits in the minimap: flow point p shows at p * scale + offset. */
export interface MiniMapGeometry {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The part of the flow the screen shows. */
export function getViewBox(transform: readonly [number, number, number], width: number, height: number): Box {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** Fit `content` (the nodes and the view) into a `width` x `height` minimap, centred, with a margin. */
export function fitMiniMap(content: Box, width: number, height: number): MiniMapGeometry {
  const inner = { width: Math.max(1, width - 2 * PADDING), height: Math.max(1, height - 2 * PADDING) };
  const scale = Math.min(inner.width / Math.max(1, content.width), inner.height / Math.max(1, content.height));
  return {
    scale,
    offsetX: PADDING + (inner.width - content.width * scale) / 2 - content.x * scale,
    offsetY: PADDING + (inner.height - content.height * scale) / 2 - content.y * scale,
  };
}

function nodeBox(node: InternalNode): Box {
  const { x, y } = node.internals.positionAbsolute;
  return {
    x,
    y,
    width: node.measured.width ?? node.width ?? NODE_WIDTH,
    height: node.measured.height ?? node.height ?? NODE_HEIGHT,
  };
}

function paint<N extends Node>(
  canvas: HTMLCanvasElement,
  state: ReactFlowState,
  color: (node: N) => string,
): MiniMapGeometry | undefined {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (!width || !height) return undefined;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  const view = getViewBox(state.transform, state.width, state.height);
  // Grouped by colour as they are measured: one path per colour, not a draw call per node.
  const byColor = new Map<string, Box[]>();
  let [left, top, right, bottom] = [view.x, view.y, view.x + view.width, view.y + view.height];
  for (const node of state.nodeLookup.values()) {
    const box = nodeBox(node);
    const fill = color(node.internals.userNode as N);
    let list = byColor.get(fill);
    if (!list) byColor.set(fill, (list = []));
    list.push(box);
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  // The nodes and the view together, as on React Flow's minimap.
  const geometry = fitMiniMap({ x: left, y: top, width: right - left, height: bottom - top }, width, height);
  const { scale, offsetX, offsetY } = geometry;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  for (const [fill, list] of byColor) {
    ctx.beginPath();
    for (const box of list)
      ctx.rect(box.x * scale + offsetX, box.y * scale + offsetY, Math.max(1, box.width * scale), Math.max(1, box.height * scale));
    ctx.fillStyle = fill;
    ctx.fill();
  }
  // Outside the view is masked, as on React Flow's minimap; the view itself is outlined.
  const vx = view.x * scale + offsetX;
  const vy = view.y * scale + offsetY;
  const vw = view.width * scale;
  const vh = view.height * scale;
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.rect(vx + vw, vy, -vw, vh);
  ctx.fillStyle = MASK;
  ctx.fill();
  ctx.fillStyle = VIEW_FILL;
  ctx.fillRect(vx, vy, vw, vh);
  ctx.strokeStyle = VIEW_STROKE;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(vx, vy, vw, vh);
  return geometry;
}

export function CanvasMiniMap<N extends Node>({
  color,
  style,
  ariaLabel,
}: {
  color: (node: N) => string;
  style: { width: number; height: number };
  ariaLabel: string;
}) {
  const store = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const geometry = useRef<MiniMapGeometry | undefined>(undefined);
  const pressed = useRef<number | undefined>(undefined);

  useEffect(() => {
    let frame = 0;
    const draw = () => {
      frame = 0;
      if (canvas.current) geometry.current = paint(canvas.current, store.getState(), color);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = store.subscribe((state, previous) => {
      if (
        state.nodeLookup !== previous.nodeLookup ||
        state.nodes !== previous.nodes ||
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      )
        schedule();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, color]);

  /** Centre the view on the flow point under the pointer, at the zoom it has. */
  const centreAt = (event: { clientX: number; clientY: number }) => {
    const at = geometry.current;
    const element = canvas.current;
    const { panZoom, transform, width, height } = store.getState();
    if (!at || !element || !panZoom) return;
    const rect = element.getBoundingClientRect();
    const x = (event.clientX - rect.left - at.offsetX) / at.scale;
    const y = (event.clientY - rect.top - at.offsetY) / at.scale;
    const zoom = transform[2];
    void panZoom.setViewport({ x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom });
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    pressed.current = event.pointerId;
    centreAt(event);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pressed.current === event.pointerId) centreAt(event);
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (pressed.current === event.pointerId) pressed.current = undefined;
  };
  const onWheel = (event: ReactWheelEvent<HTMLCanvasElement>) => {
    const { panZoom, transform, width, height, minZoom, maxZoom } = store.getState();
    if (!panZoom) return;
    const [tx, ty, zoom] = transform;
    const next = Math.min(maxZoom, Math.max(minZoom, zoom * Math.pow(2, -event.deltaY / 500)));
    // Around the centre of the screen, which is what the minimap's view box is centred on.
    const cx = (width / 2 - tx) / zoom;
    const cy = (height / 2 - ty) / zoom;
    void panZoom.setViewport({ x: width / 2 - cx * next, y: height / 2 - cy * next, zoom: next });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap sb-canvas-minimap" style={style}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={ariaLabel}
        style={{ width: style.width, height: style.height, display: 'block', cursor: 'pointer' }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      />
    </Panel>
  );
}
