import { useEffect, useRef } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { Link } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { useSignalbox } from '../../editor/react';
import { cardsInside, drawCards, hitCard, type CardLook, type FarCard, type FlowBox } from './farCards';
import type { DesignFlowNode } from './flowElements';

const SYNC_STROKE = 'rgba(71, 85, 105, 0.45)';
const ASYNC_STROKE = 'rgba(217, 119, 6, 0.5)';
const SELECTED_STROKE = '#2563eb';
/** Screen pixels a press moves before it is a drag (React Flow's nodeDragThreshold is 1). */
const DRAG_THRESHOLD = 2;
/** Where a press on a card or empty canvas belongs to the chrome, not to the picture. */
const CHROME =
  'button, a, input, select, textarea, svg, [role="menu"], [role="toolbar"], [role="dialog"], [aria-roledescription], .react-flow__panel';

type Point = { x: number; y: number };

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
function drawLinks(
  ctx: CanvasRenderingContext2D,
  links: readonly Link[],
  at: (id: string) => Point | undefined,
  keep: (link: Link) => boolean,
  stroke: (kind: 'sync' | 'async') => string,
): void {
  for (const kind of ['sync', 'async'] as const) {
    ctx.beginPath();
    for (const link of links) {
      if (link.kind !== kind || !keep(link)) continue;
      const from = at(link.from);
      const to = at(link.to);
      if (!from || !to) continue;
      const sx = from.x + NODE_WIDTH;
      const sy = from.y + NODE_HEIGHT / 2;
      const ex = to.x;
      const ey = to.y + NODE_HEIGHT / 2;
      const bend = Math.max(Math.abs(ex - sx) / 2, 40);
      ctx.moveTo(sx, sy);
      ctx.bezierCurveTo(sx + bend, sy, ex - bend, ey, ex, ey);
    }
    ctx.strokeStyle = stroke(kind);
    ctx.stroke();
  }
}
const linkStroke = (kind: 'sync' | 'async') => (kind === 'sync' ? SYNC_STROKE : ASYNC_STROKE);
const selectedStroke = () => SELECTED_STROKE;

/** The ids of the nodes being dragged, as one comparable string ('' when none). */
function getDragging(state: ReactFlowState): string {
  let ids = '';
  for (const node of state.nodes) if (node.dragging) ids += `${node.id}\n`;
  return ids;
}

/** The design nodes React Flow holds but does not draw (Canvas hides them when cards are pictures). */
function getCards(state: ReactFlowState): FarCard[] {
  const cards: FarCard[] = [];
  for (const node of state.nodes) {
    if (node.type !== 'design' || !node.hidden) continue;
    const { x, y } = node.position;
    cards.push({ id: node.id, x, y, kind: (node as DesignFlowNode).data.node.kind, selected: !!node.selected });
  }
  return cards;
}

/** A press on the picture: on a card (select, drag) or on empty canvas (box select). */
type Gesture =
  | { kind: 'card'; id: string; start: Point; additive: boolean; moved: boolean; dragged: boolean; from: Map<string, Point> }
  | { kind: 'box'; start: Point; box: FlowBox; additive: boolean; moved: boolean };

/**
 * Far out in a large design every link is drawn on canvases under the nodes instead of as an SVG
 * element each: at fit zoom the generated 2,000-node design keeps ~1,300 long hub edges on
 * screen, and re-rasterising them bounded the drag frame rate (bench/canvas.ts). The links that
 * stand still are drawn once per pan, zoom or drag start onto one canvas; only the links of the
 * dragged nodes are redrawn each frame, onto a second one. Links here are pictures, not targets:
 * zoom in (where their labels show anyway) to click one.
 *
 * With `cards` (the `tiny` detail, where a card is a block under 37 px wide) the nodes are drawn
 * here too, and Canvas hides them from React Flow's DOM: 2,000 card elements cost a drag frame
 * its layerize, commit, hit tests and a store selector each. The layer then takes the presses a
 * card would have had, by hit test: click selects (Shift, Ctrl or ⌘ adds), a drag moves the
 * selection (one `moveNodes` on release, one undo step), a drag on empty canvas box-selects, a
 * click in what-if takes a node down, a double-click frames the node and opens its name.
 */
export function FarEdgeLayer({
  links,
  cards = false,
  editable = true,
  boxSelect = true,
  snapGrid,
}: {
  links: readonly Link[];
  cards?: boolean;
  /** Cards can be dragged (not in a view link, not in what-if). */
  editable?: boolean;
  /** A left-button drag on empty canvas box-selects (else it pans, and stays React Flow's). */
  boxSelect?: boolean;
  /** Snap dragged cards to this grid (the snap-to-grid control). */
  snapGrid?: readonly [number, number];
}) {
  const stillRef = useRef<HTMLCanvasElement>(null);
  const movingRef = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const editor = useSignalbox();

  useEffect(() => {
    const still = stillRef.current;
    const moving = movingRef.current;
    if (!still || !moving) return undefined;
    const { design, findings, whatIf, diff, badges } = editor;
    let frame = 0;
    let stillDirty = true;
    let dragging = '';
    let movingIds = new Set<string>();
    // Cards this layer is dragging, where they are now; kept until React Flow has them there.
    const moved = new Map<string, Point>();
    let settling = false;
    let gesture: Gesture | null = null;
    let cardList: FarCard[] = [];
    let cardsFrom: ReactFlowState['nodes'] | null = null;
    const getCardList = (state: ReactFlowState) => {
      if (cardsFrom !== state.nodes) {
        cardsFrom = state.nodes;
        cardList = cards ? getCards(state) : [];
      }
      return cardList;
    };
    const touchesMoving = (link: Link) => movingIds.has(link.from) || movingIds.has(link.to);
    const getLook = (id: string): CardLook => {
      const w = whatIf.getState();
      return {
        severity: findings.getState().worstByNode[id],
        state: w.active ? w.states[id] : undefined,
        diff: diff.getState().nodes[id],
      };
    };
    const draw = () => {
      frame = 0;
      const state = store.getState();
      const ratio = window.devicePixelRatio || 1;
      const zoom = state.transform[2];
      const at = (id: string) => moved.get(id) ?? state.nodeLookup.get(id)?.internals.positionAbsolute;
      const all = getCardList(state);
      const inBox = gesture?.kind === 'box' && gesture.moved ? new Set(cardsInside(all, gesture.box)) : undefined;
      const shown = (list: FarCard[]) =>
        list.map((c) => {
          const p = moved.get(c.id);
          const selected = c.selected || !!inBox?.has(c.id);
          return p || selected !== c.selected ? { ...c, x: p?.x ?? c.x, y: p?.y ?? c.y, selected } : c;
        });
      const badgesShown = !badges.getState().hidden;
      if (stillDirty || inBox) {
        stillDirty = false;
        const ctx = fitCanvas(still, state, ratio);
        if (ctx) {
          drawLinks(ctx, links, at, (link) => !touchesMoving(link), linkStroke);
          if (cards) {
            // Selected links stay SVG elements only while their cards are elements too.
            const selected = new Set(design.getState().selection.links);
            if (selected.size > 0) {
              ctx.lineWidth = Math.max(2.4, 2 / zoom);
              drawLinks(ctx, links, at, (link) => selected.has(getLinkId(link)), selectedStroke);
            }
            drawCards(ctx, shown(all.filter((c) => !movingIds.has(c.id))), getLook, zoom, badgesShown);
          }
        }
      }
      const ctx = fitCanvas(moving, state, ratio);
      if (!ctx) return;
      if (movingIds.size > 0) {
        drawLinks(ctx, links, at, touchesMoving, linkStroke);
        if (cards) drawCards(ctx, shown(all.filter((c) => movingIds.has(c.id))), getLook, zoom, badgesShown);
      }
      if (gesture?.kind === 'box' && gesture.moved) {
        const { x0, y0, x1, y1 } = gesture.box;
        ctx.lineWidth = 1 / zoom;
        ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
        ctx.strokeStyle = 'rgba(37, 99, 235, 0.8)';
        ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
        ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
      }
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const redrawAll = () => {
      stillDirty = true;
      schedule();
    };
    schedule();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) stillDirty = true;
      if (s.nodes !== prev.nodes) {
        if (settling) {
          // React Flow has the dropped positions now: draw from it again.
          settling = false;
          moved.clear();
          movingIds = new Set();
          stillDirty = true;
        }
        const now = getDragging(s);
        if (now !== dragging) {
          // A drag starts or ends: what stands still changes once, not every frame.
          dragging = now;
          movingIds = new Set(now.split('\n').filter(Boolean));
          stillDirty = true;
        } else if (now === '' && moved.size === 0) stillDirty = true; // moved without a drag (undo, layout), or selected
      }
      if (stillDirty || s.nodes !== prev.nodes) schedule();
    });
    const unsubscribeLooks = cards
      ? [
          findings.subscribe(redrawAll),
          whatIf.subscribe(redrawAll),
          diff.subscribe(redrawAll),
          badges.subscribe(redrawAll),
          design.subscribe((s, prev) => s.selection.links !== prev.selection.links && redrawAll()),
        ]
      : [];

    // Presses on the picture: only when the cards are drawn here.
    const wrapper = still.parentElement;
    const toFlow = (event: MouseEvent): Point => {
      const box = wrapper!.getBoundingClientRect();
      const [tx, ty, zoom] = store.getState().transform;
      return { x: (event.clientX - box.left - tx) / zoom, y: (event.clientY - box.top - ty) / zoom };
    };
    const snap = (v: number, step: number | undefined) => (step ? Math.round(v / step) * step : v);
    const selectNodes = (nodes: string[]) => design.getState().select({ nodes, links: [] });
    let swallowClick = false;
    const onPointerMove = (event: PointerEvent) => {
      const g = gesture;
      if (!g) return;
      const p = toFlow(event);
      if (g.kind === 'box') {
        g.box.x1 = p.x;
        g.box.y1 = p.y;
        const zoom = store.getState().transform[2];
        g.moved ||= Math.hypot(g.box.x1 - g.box.x0, g.box.y1 - g.box.y0) * zoom > DRAG_THRESHOLD;
        schedule();
        return;
      }
      const zoom = store.getState().transform[2];
      const dx = p.x - g.start.x;
      const dy = p.y - g.start.y;
      if (!g.moved && Math.hypot(dx, dy) * zoom <= DRAG_THRESHOLD) return;
      g.moved = true;
      if (g.from.size === 0) return; // nothing may move (a view link pans, what-if stays)
      if (!g.dragged) {
        g.dragged = true;
        movingIds = new Set(g.from.keys());
        stillDirty = true;
      }
      for (const [id, from] of g.from)
        moved.set(id, { x: snap(from.x + dx, snapGrid?.[0]), y: snap(from.y + dy, snapGrid?.[1]) });
      schedule();
    };
    const onPointerUp = () => {
      const g = gesture;
      gesture = null;
      window.removeEventListener('pointermove', onPointerMove, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      if (!g) return;
      if (g.kind === 'box') {
        const inside = g.moved ? cardsInside(getCardList(store.getState()), g.box) : [];
        const kept = g.additive ? design.getState().selection.nodes : [];
        // A click on empty canvas clears the selection, as React Flow's pane does.
        if (!g.additive || inside.length > 0) selectNodes([...new Set([...kept, ...inside])]);
        redrawAll();
        return;
      }
      if (g.dragged) {
        const positions: Record<string, [number, number]> = {};
        for (const [id, p] of moved) positions[id] = [p.x, p.y];
        const result = design.getState().moveNodes(positions);
        settling = result.ok;
        if (!result.ok) {
          moved.clear();
          movingIds = new Set();
        }
        redrawAll();
        return;
      }
      if (g.moved) return; // a view link's pan that started on a block
      // A click. What-if: it takes the node down or brings it back.
      const w = whatIf.getState();
      if (w.active) editor.whatIfMode.setNodeDown(g.id, !w.down.includes(g.id));
      if (!g.additive) selectNodes([g.id]);
    };
    const onPointerDown = (event: PointerEvent) => {
      swallowClick = false;
      if (event.button !== 0 || !event.isPrimary || !(event.target instanceof Element)) return;
      if (!wrapper?.contains(event.target) || event.target.closest(CHROME)) return;
      const state = store.getState();
      const p = toFlow(event);
      const hit = hitCard(getCardList(state), p.x, p.y);
      const additive = event.shiftKey || event.metaKey || event.ctrlKey;
      // Where the left button pans (a view link), a press on empty canvas stays React Flow's, and
      // a press on a block pans too when it moves (a view is dragged wherever it is grabbed).
      if (!hit && !boxSelect) return;
      if (boxSelect) {
        // Ours: React Flow's pane must not also start a pan or a box.
        event.preventDefault();
        event.stopPropagation();
      }
      // Nor end it with a click that clears the selection.
      swallowClick = true;
      if (hit) {
        let selection = design.getState().selection.nodes;
        if (!boxSelect) {
          // A view link: the press may be a pan; a click selects on release.
        } else if (additive) {
          selection = selection.includes(hit.id) ? selection.filter((id) => id !== hit.id) : [...selection, hit.id];
          selectNodes(selection);
        } else if (!selection.includes(hit.id)) {
          selection = [hit.id];
          selectNodes(selection);
        }
        const from = new Map<string, Point>();
        if (editable && boxSelect && !whatIf.getState().active && selection.includes(hit.id)) {
          for (const id of selection) {
            const node = state.nodeLookup.get(id);
            if (node?.hidden && node.type === 'design') from.set(id, { ...node.position });
          }
        }
        gesture = { kind: 'card', id: hit.id, start: p, additive, moved: false, dragged: false, from };
      } else {
        gesture = { kind: 'box', start: p, box: { x0: p.x, y0: p.y, x1: p.x, y1: p.y }, additive, moved: false };
      }
      window.addEventListener('pointermove', onPointerMove, true);
      window.addEventListener('pointerup', onPointerUp, true);
    };
    const onClick = (event: MouseEvent) => {
      if (!swallowClick) return;
      swallowClick = false;
      if (event.target instanceof Node && wrapper?.contains(event.target)) event.stopPropagation();
    };
    const onDoubleClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !wrapper?.contains(event.target) || event.target.closest(CHROME)) return;
      const p = toFlow(event);
      const hit = hitCard(getCardList(store.getState()), p.x, p.y);
      if (!hit) return;
      event.stopPropagation();
      event.preventDefault();
      // Too small to type into here: frame the node (its card comes back as an element) and
      // open its name there.
      editor.uiActions.requestFrame([hit.id]);
      if (editable && !whatIf.getState().active) editor.uiActions.startRename('node', hit.id);
    };
    let overCard = false;
    const onHover = (event: PointerEvent) => {
      if (gesture) return;
      const p = toFlow(event);
      const over = !!hitCard(getCardList(store.getState()), p.x, p.y);
      if (over !== overCard) {
        overCard = over;
        wrapper?.classList.toggle('sb-over-card', over);
      }
    };
    // On the window, capturing: React runs its capture handlers (React Flow's pane takes its
    // press in onPointerDownCapture) from its root, before any listener inside the canvas.
    if (cards && wrapper) {
      window.addEventListener('pointerdown', onPointerDown, true);
      window.addEventListener('click', onClick, true);
      window.addEventListener('dblclick', onDoubleClick, true);
      wrapper.addEventListener('pointermove', onHover);
    }
    return () => {
      unsubscribe();
      for (const off of unsubscribeLooks) off();
      if (frame !== 0) cancelAnimationFrame(frame);
      window.removeEventListener('pointermove', onPointerMove, true);
      window.removeEventListener('pointerup', onPointerUp, true);
      if (wrapper) {
        window.removeEventListener('pointerdown', onPointerDown, true);
        window.removeEventListener('click', onClick, true);
        window.removeEventListener('dblclick', onDoubleClick, true);
        wrapper.removeEventListener('pointermove', onHover);
        wrapper.classList.remove('sb-over-card');
      }
    };
  }, [store, links, cards, editable, boxSelect, snapGrid, editor]);

  return (
    <>
      <canvas
        ref={stillRef}
        className="sb-far-edges"
        {...(cards
          ? { role: 'img', 'aria-label': 'The design zoomed far out, every node a block: zoom in to read names' }
          : { 'aria-hidden': true })}
      />
      <canvas ref={movingRef} className="sb-far-edges" aria-hidden="true" />
    </>
  );
}
