import { describe, expect, it } from 'vitest';
import type { Design, DesignNode, Link } from '../model/types';
import { FORMAT_VERSION } from '../model/types';
import { EXPLAIN_LIMITS } from './explain';
import { simulate } from './simulate';

/** Issue 11 reproducers: a chain (or ring) of services calling each other, names of any length. */
function chain(count: number, nameLength: number, ring = false, timeouts = false): Design {
  const nodes: Record<string, DesignNode> = {};
  const links: Link[] = [];
  for (let i = 0; i < count; i++) {
    nodes[`s${i}`] = { kind: 'service', name: `${String(i).padStart(4, '0')}${'x'.repeat(Math.max(0, nameLength - 4))}` };
    if (i > 0) links.push({ from: `s${i - 1}`, to: `s${i}`, kind: 'sync', ...(timeouts ? { timeoutMs: 100 } : {}) });
  }
  if (ring) links.push({ from: `s${count - 1}`, to: 's0', kind: 'sync' });
  return { signalbox: FORMAT_VERSION, name: 'Chain', nodes, links } as Design;
}

const totalLength = (explanations: Record<string, string>) =>
  Object.values(explanations).reduce((sum, text) => sum + text.length, 0);

describe('explanations are bounded and the simulation linear (issue 11, item 1)', () => {
  it('a chain of 400 services with 5,000-character names: every node explained, each line short', () => {
    const design = chain(400, 5000);
    const start = performance.now();
    const result = simulate(design, ['s399']);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(Object.keys(result.explanations)).toHaveLength(400);
    for (const text of Object.values(result.explanations)) expect(text.length).toBeLessThan(2000);
    // The first node names the head of its chain, how many are elided, and the end.
    expect(result.explanations.s0).toMatch(/^0000x+… -> 0001x+… -> 0002x+… -> … 394 more … -> 0397x+… -> 0398x+… fails: /);
    expect(result.explanations.s0).toContain('has no circuit breaker fallback and 0399');
  });

  it('a short chain is named in full, without an ellipsis', () => {
    const result = simulate(chain(5, 6), ['s4']);
    expect(result.explanations.s0).toMatch(
      /^0000xx -> 0001xx -> 0002xx -> 0003xx fails: 0003xx -> 0004xx has no circuit breaker/,
    );
    expect(result.explanations.s0).not.toContain('…');
  });

  it('the timeout call-out names a few links and counts the rest', () => {
    const result = simulate(chain(50, 4), ['s49']);
    expect(result.explanations.s0).toContain('; no timeout on 0000 -> 0001, 0001 -> 0002, 0002 -> 0003 and 46 more:');
    // Near miss: with timeouts everywhere there is no call-out at all.
    expect(simulate(chain(50, 4, false, true), ['s49']).explanations.s0).not.toContain('timeout');
  });

  it('total explanation text grows linearly with the chain, not with its square', () => {
    const small = totalLength(simulate(chain(500, 20), ['s499']).explanations);
    const large = totalLength(simulate(chain(4000, 20), ['s3999']).explanations);
    expect(large / small).toBeLessThan(8 * 1.2);
  });

  it('a ring of 4,000 services answers in well under a second', () => {
    const design = chain(4000, 30, true);
    simulate(design, ['s0']);
    const start = performance.now();
    const result = simulate(design, ['s1234']);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(Object.keys(result.explanations)).toHaveLength(4000);
    expect(result.states.s1233).toBe('failed');
  });

  it('a name is cut on a code point, never through a surrogate pair', () => {
    const design = chain(3, 1);
    design.nodes.s1!.name = '😀'.repeat(200);
    const text = simulate(design, ['s2']).explanations.s0!;
    expect(text).toContain(`${'😀'.repeat(EXPLAIN_LIMITS.NAME_MAX - 1)}…`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
