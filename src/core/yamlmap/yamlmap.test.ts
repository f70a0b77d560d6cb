import { describe, expect, it } from 'vitest';
import { getYamlContext } from './context';
import { placeNewNodes, NODE_BOX } from './placeNodes';
import { diffText } from './textDiff';
import { getKeyDoc, getKeysFor, getReferenceFor, getValuesFor } from './schemaHelp';
import { KNOWN_KEYS } from '../model/schema';
import type { Design } from '../model/types';

/** The context at the `|` in `text`. */
const at = (text: string) => {
  const offset = text.indexOf('|');
  return getYamlContext(text.replace('|', ''), offset);
};

describe('getYamlContext', () => {
  it('knows the object and key in block maps', () => {
    expect(at('signalbox: 1\nna|')).toMatchObject({ object: 'design', mode: 'key', prefix: 'na' });
    expect(at('nodes:\n  order:\n    kind: service\n    te|')).toMatchObject({
      object: 'node',
      mode: 'key',
      path: ['nodes', 'order'],
    });
    expect(at('nodes:\n  order:\n    kind: |')).toMatchObject({ object: 'node', mode: 'value', key: 'kind', prefix: '' });
  });

  it('knows list items, nested objects and comments in between', () => {
    expect(at('links:\n  - fr|')).toMatchObject({ object: 'link', mode: 'key', path: ['links', 0] });
    expect(at('links:\n  - from: a\n    to: |')).toMatchObject({ object: 'link', mode: 'value', key: 'to' });
    expect(at('links:\n  - from: a\n    retry:\n      back|')).toMatchObject({ object: 'retry', mode: 'key' });
    expect(at('links:\n  - from: a\n    # note\n\n    deli|')).toMatchObject({ object: 'link', mode: 'key' });
    expect(at('links:\n  - from: a\n    message:\n      compat|')).toMatchObject({ object: 'message' });
    expect(at('flows:\n  - name: X\n    sa|')).toMatchObject({ object: 'flow' });
    expect(at('flows:\n  - name: X\n    steps:\n      - link: a\n        piv|')).toMatchObject({ object: 'step' });
  });

  it('reads inline maps on the line', () => {
    expect(at('nodes:\n  web: { kind: cl|')).toMatchObject({ object: 'node', mode: 'value', key: 'kind', prefix: 'cl' });
    expect(at('nodes:\n  web: { kind: client, na|')).toMatchObject({ object: 'node', mode: 'key', prefix: 'na' });
    expect(at('links:\n  - { from: a, to: |')).toMatchObject({ object: 'link', mode: 'value', key: 'to' });
    expect(at('links:\n  - from: a\n    retry: { max: 2, backoff: ex|')).toMatchObject({
      object: 'retry',
      key: 'backoff',
      prefix: 'ex',
    });
    expect(at('flows:\n  - name: X\n    steps:\n      - { link: |')).toMatchObject({ object: 'step', key: 'link' });
  });
});

describe('schema help', () => {
  it('offers the keys and closed values of format.md', () => {
    expect(getKeysFor('link')).toBe(KNOWN_KEYS.link);
    expect(getValuesFor('link', 'protocol')).toContain('grpc');
    expect(getValuesFor('node', 'kind')).toContain('broker');
    expect(getValuesFor('retry', 'backoff')).toEqual(['none', 'fixed', 'exponential']);
    expect(getValuesFor('flow', 'saga')).toEqual(['orchestration', 'choreography']);
    expect(getReferenceFor('link', 'from')).toBe('node');
    expect(getReferenceFor('step', 'link')).toBe('link');
  });

  it('documents every known key', () => {
    for (const object of ['design', 'node', 'link', 'retry', 'breaker', 'bulkhead', 'message', 'flow', 'step'] as const) {
      for (const key of KNOWN_KEYS[object]) expect(getKeyDoc(object, key), `${object}.${key}`).toBeTruthy();
    }
  });
});

describe('placeNewNodes', () => {
  const base: Design = {
    signalbox: 1,
    name: 'x',
    nodes: { a: { kind: 'service', name: 'A', at: [100, 100] }, b: { kind: 'service', name: 'B', at: [360, 100] } },
    links: [],
  };

  it('returns the same design when every node has a position', () => {
    expect(placeNewNodes(base)).toBe(base);
  });

  it('places a linked node to the right of its caller, clear of other nodes', () => {
    const design: Design = {
      ...base,
      nodes: { ...base.nodes, c: { kind: 'database', name: 'C' } },
      links: [{ from: 'a', to: 'c', kind: 'sync' }],
    };
    const at = placeNewNodes(design).nodes.c!.at!;
    expect(at[0]).toBeGreaterThan(100);
    // b sits exactly where "right of a" is: c goes below it instead.
    expect(Math.abs(at[0] - 360) >= NODE_BOX.width || Math.abs(at[1] - 100) >= NODE_BOX.height).toBe(true);
  });

  it('places a caller to the left of the node it calls, and chains of new nodes', () => {
    const design: Design = {
      ...base,
      nodes: { ...base.nodes, c: { kind: 'client', name: 'C' }, d: { kind: 'client', name: 'D' } },
      links: [
        { from: 'c', to: 'a', kind: 'sync' },
        { from: 'd', to: 'c', kind: 'sync' },
      ],
    };
    const placed = placeNewNodes(design);
    expect(placed.nodes.c!.at![0]).toBeLessThan(100);
    expect(placed.nodes.d!.at![0]).toBeLessThan(placed.nodes.c!.at![0]);
  });

  it('puts an unlinked node near the centroid without overlap, and keeps a previous position', () => {
    const design: Design = { ...base, nodes: { ...base.nodes, e: { kind: 'service', name: 'E' } } };
    const at = placeNewNodes(design).nodes.e!.at!;
    for (const other of [
      [100, 100],
      [360, 100],
    ]) {
      expect(Math.abs(at[0] - other[0]!) >= NODE_BOX.width || Math.abs(at[1] - other[1]!) >= NODE_BOX.height).toBe(true);
    }
    const previous: Design = { ...base, nodes: { ...base.nodes, e: { kind: 'service', name: 'E', at: [7, 8] } } };
    expect(placeNewNodes(design, previous).nodes.e!.at).toEqual([7, 8]);
  });
});

describe('diffText', () => {
  it('replaces only the changed middle', () => {
    expect(diffText('at: [1, 2]\nx', 'at: [10, 2]\nx')).toEqual({ start: 6, end: 6, text: '0' });
    expect(diffText('same', 'same')).toBeUndefined();
    expect(diffText('abc', 'abxc')).toEqual({ start: 2, end: 2, text: 'x' });
  });
});
