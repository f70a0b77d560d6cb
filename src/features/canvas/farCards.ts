/**
 * Cards drawn as pictures: far out in a large design (the `tiny` detail) every node is a block on
 * the far-zoom canvas instead of a DOM element (FarEdgeLayer.tsx). What is pure lives here: where
 * a pointer lands, what a box selects, how a block looks. The colours are app.css's (the kind's
 * `--kind-bg` and `--kind-fg`, the what-if states, versions.css's diff colours), kept in step by hand.
 */
import type { NodeKind } from '../../core/model/types';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';

/** A card as drawn: its top-left in flow coordinates. Later cards are drawn over earlier ones. */
export interface FarCard {
  id: string;
  x: number;
  y: number;
  kind: NodeKind;
  selected: boolean;
}

/** What else colours a card: its worst finding, its what-if state, its diff status. */
export interface CardLook {
  severity?: string;
  state?: string;
  diff?: string;
}

/** The card under a flow point: the topmost, as in the DOM; undefined on empty canvas. */
export function hitCard(cards: readonly FarCard[], x: number, y: number): FarCard | undefined {
  for (let i = cards.length - 1; i >= 0; i--) {
    const card = cards[i]!;
    if (x >= card.x && x <= card.x + NODE_WIDTH && y >= card.y && y <= card.y + NODE_HEIGHT) return card;
  }
  return undefined;
}

/** A rectangle in flow coordinates from two corners, in any order. */
export interface FlowBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The cards wholly inside a box, as React Flow's box selection picks them (SelectionMode.Full). */
export function cardsInside(cards: readonly FarCard[], box: FlowBox): string[] {
  const left = Math.min(box.x0, box.x1);
  const right = Math.max(box.x0, box.x1);
  const top = Math.min(box.y0, box.y1);
  const bottom = Math.max(box.y0, box.y1);
  return cards
    .filter((c) => c.x >= left && c.x + NODE_WIDTH <= right && c.y >= top && c.y + NODE_HEIGHT <= bottom)
    .map((c) => c.id);
}

const KIND_COLORS: Record<NodeKind, readonly [fill: string, stroke: string]> = {
  service: ['#eff6ff', '#1d4ed8'],
  gateway: ['#f5f3ff', '#6d28d9'],
  broker: ['#fffbeb', '#b45309'],
  database: ['#ecfdf5', '#047857'],
  client: ['#f8fafc', '#334155'],
  external: ['#fdf2f8', '#be185d'],
};
const STATE_COLORS: Record<string, readonly [string, string]> = {
  ok: ['#f0fdf4', '#22c55e'],
  degraded: ['#fffbeb', '#f59e0b'],
  lagging: ['#eff6ff', '#3b82f6'],
  failed: ['#fef2f2', '#dc2626'],
  down: ['#450a0a', '#7f1d1d'],
};
const DIFF_COLORS: Record<string, readonly [string, string]> = {
  added: ['#f0fdf4', '#16a34a'],
  changed: ['#fffbeb', '#d97706'],
  removed: ['#f8fafc', '#94a3b8'],
};
const BADGE_COLORS: Record<string, string> = { error: '#dc2626', warning: '#f59e0b', info: '#2563eb' };
const SELECTED_STROKE = '#2563eb';
const SELECTED_HALO = 'rgba(37, 99, 235, 0.35)';

/** Fill and border of a card: a what-if state wins over a diff status, which wins over the kind. */
export function getCardColors(card: FarCard, look: CardLook): readonly [fill: string, stroke: string] {
  return (
    (look.state ? STATE_COLORS[look.state] : undefined) ??
    (look.diff ? DIFF_COLORS[look.diff] : undefined) ??
    KIND_COLORS[card.kind] ??
    KIND_COLORS.service
  );
}

/**
 * Draw cards on a context whose transform maps flow coordinates to the screen at `zoom`. Borders
 * and badges keep a least size on screen (a 1.5 px border is 0.08 px at zoom 0.05): the blocks
 * still tell kinds, selection and findings apart. Cards sharing colours go in one path each.
 */
export function drawCards(
  ctx: CanvasRenderingContext2D,
  cards: readonly FarCard[],
  getLook: (id: string) => CardLook,
  zoom: number,
  badges: boolean,
): void {
  const groups = new Map<string, FarCard[]>();
  const selected: FarCard[] = [];
  const dots = new Map<string, FarCard[]>();
  for (const card of cards) {
    const look = getLook(card.id);
    const [fill, stroke] = getCardColors(card, look);
    const key = `${fill} ${stroke}`;
    const group = groups.get(key);
    if (group) group.push(card);
    else groups.set(key, [card]);
    if (card.selected) selected.push(card);
    const dot = look.severity ? BADGE_COLORS[look.severity] : undefined;
    if (badges && dot) {
      const list = dots.get(dot);
      if (list) list.push(card);
      else dots.set(dot, [card]);
    }
  }
  const radius = 12;
  ctx.lineWidth = Math.max(1.5, 1 / zoom);
  for (const [key, group] of groups) {
    const [fill = '', stroke = ''] = key.split(' ');
    ctx.beginPath();
    for (const c of group) ctx.roundRect(c.x, c.y, NODE_WIDTH, NODE_HEIGHT, radius);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = stroke;
    ctx.stroke();
  }
  // Selected: filled with the accent and haloed, so it stands out among the blue service outlines.
  if (selected.length > 0) {
    ctx.beginPath();
    for (const c of selected) ctx.roundRect(c.x, c.y, NODE_WIDTH, NODE_HEIGHT, radius);
    ctx.fillStyle = SELECTED_STROKE;
    ctx.fill();
    ctx.lineWidth = Math.max(6, 5 / zoom);
    ctx.strokeStyle = SELECTED_HALO;
    ctx.stroke();
  }
  // A dot of 2 px on screen, never more than half the card's height.
  const dotRadius = Math.min(Math.max(9, 2 / zoom), NODE_HEIGHT / 2);
  for (const [color, list] of dots) {
    ctx.beginPath();
    for (const c of list) {
      ctx.moveTo(c.x + NODE_WIDTH + dotRadius * 0.2, c.y);
      ctx.arc(c.x + NODE_WIDTH - dotRadius * 0.8, c.y, dotRadius, 0, Math.PI * 2);
    }
    ctx.fillStyle = color;
    ctx.fill();
  }
}
