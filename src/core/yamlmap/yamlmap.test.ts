import { describe, expect, it } from 'vitest';
import { getYamlContext } from './context';
import { diffText } from './textDiff';
import { getKeyDoc, getKeysFor, getReferenceFor, getValuesFor } from './schemaHelp';
import { KNOWN_KEYS } from '../model/schema';

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

describe('diffText', () => {
  it('replaces only the changed middle', () => {
    expect(diffText('at: [1, 2]\nx', 'at: [10, 2]\nx')).toEqual({ start: 6, end: 6, text: '0' });
    expect(diffText('same', 'same')).toBeUndefined();
    expect(diffText('abc', 'abxc')).toEqual({ start: 2, end: 2, text: 'x' });
  });
});
