import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { decodeShareFragment, encodeShareFragment } from './codec';

/** Issue 11, item 8: a link cannot carry what a file may not. */
describe('share links and the read limits', () => {
  it('a link holding a 2,000,000-character name opens nothing and says why', () => {
    const link = encodeShareFragment({ signalbox: 1, name: 'N'.repeat(2_000_000), nodes: {}, links: [] });
    expect(link.length).toBeLessThan(50_000);
    const result = decodeShareFragment(link);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'This link holds a design Signalbox cannot open: name: a name of 2,000,000 characters is too long; at most 1,000.',
    );
  });

  it('a link holding 60,000 nodes is refused with the count, quickly', () => {
    const nodes: Design['nodes'] = {};
    for (let i = 0; i < 60_000; i++) nodes[`n${i}`] = { kind: 'service', name: `N${i}` };
    const link = encodeShareFragment({ signalbox: 1, name: 'Big', nodes, links: [] });
    const start = Date.now();
    const result = decodeShareFragment(link);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(!result.ok && result.error.message).toMatch(/nodes: refused: 60,000 nodes, more than the 50,000/);
  }, 60_000);

  it('a name at the limit opens (near miss)', () => {
    const result = decodeShareFragment(encodeShareFragment({ signalbox: 1, name: 'N'.repeat(1000), nodes: {}, links: [] }));
    expect(result.ok && result.design.name.length).toBe(1000);
  });
});
