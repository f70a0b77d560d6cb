import { describe, expect, it } from 'vitest';
import { generateLargeDesign } from '../../core/fixtures/generate';
import { createDesignStore } from '../../state/designStore';
import { serializeDesign } from './serializeDesign';

describe('serializeDesign', () => {
  it('reads back as the same design, also after an edit reuses cached parts', () => {
    const design = generateLargeDesign({ services: 40 });
    expect(JSON.parse(serializeDesign(design))).toEqual(JSON.parse(JSON.stringify(design)));
    const store = createDesignStore(design);
    const id = Object.keys(design.nodes)[3]!;
    store.getState().moveNodes({ [id]: [123, 456] });
    store.getState().updateNode(id, { name: 'Renamed "quoted"' });
    const edited = store.getState().design;
    const parsed = JSON.parse(serializeDesign(edited)) as typeof edited;
    expect(parsed).toEqual(JSON.parse(JSON.stringify(edited)));
    expect(parsed.nodes[id]?.at).toEqual([123, 456]);
  });

  it('handles an empty design', () => {
    const empty = { signalbox: 1, name: '', nodes: {}, links: [] };
    expect(JSON.parse(serializeDesign(empty))).toEqual(empty);
  });
});
