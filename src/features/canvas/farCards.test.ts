import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/layout/layout';
import { cardsInside, getCardColors, hitCard, type FarCard } from './farCards';

const card = (id: string, x: number, y: number): FarCard => ({ id, x, y, kind: 'service', selected: false });

describe('cards drawn as pictures', () => {
  it('a press lands on the card under it, the topmost where two overlap, and on nothing beside it', () => {
    const cards = [card('a', 0, 0), card('b', 100, 20)];
    expect(hitCard(cards, 10, 10)?.id).toBe('a');
    expect(hitCard(cards, 150, 40)?.id).toBe('b'); // both cover it: b is drawn last
    expect(hitCard(cards, NODE_WIDTH + 101, 10)).toBeUndefined();
    expect(hitCard(cards, 10, NODE_HEIGHT + 1)).toBeUndefined();
  });

  it('hits a card exactly when the point is inside its box (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (px, py) => {
        const inside = px >= 0 && px <= NODE_WIDTH && py >= 0 && py <= NODE_HEIGHT;
        expect(hitCard([card('a', 0, 0)], px, py)?.id === 'a').toBe(inside);
      }),
    );
  });

  it('a box selects the cards wholly inside it, dragged either way, not those it only crosses', () => {
    const cards = [card('a', 0, 0), card('b', 300, 0)];
    expect(cardsInside(cards, { x0: -10, y0: -10, x1: NODE_WIDTH + 10, y1: NODE_HEIGHT + 10 })).toEqual(['a']);
    expect(cardsInside(cards, { x1: -10, y1: -10, x0: NODE_WIDTH + 10, y0: NODE_HEIGHT + 10 })).toEqual(['a']);
    expect(cardsInside(cards, { x0: -10, y0: -10, x1: 350, y1: NODE_HEIGHT + 10 })).toEqual(['a']);
    expect(cardsInside(cards, { x0: -10, y0: -10, x1: 300 + NODE_WIDTH, y1: NODE_HEIGHT })).toEqual(['a', 'b']);
  });

  it('colours a card by its what-if state first, then its diff status, then its kind', () => {
    const broker: FarCard = { ...card('a', 0, 0), kind: 'broker' };
    expect(getCardColors(broker, {})).toEqual(['#fffbeb', '#b45309']);
    expect(getCardColors(broker, { diff: 'added' })).toEqual(['#f0fdf4', '#16a34a']);
    expect(getCardColors(broker, { diff: 'added', state: 'down' })).toEqual(['#450a0a', '#7f1d1d']);
  });
});
