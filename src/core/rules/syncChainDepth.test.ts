import { describe, expect, it } from 'vitest';
import type { Link, RuleSetting } from '../model/types';
import { client, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

/** web -> s1 -> s2 -> ... -> sN: N sync hops from the client. */
function chain(hops: number, rules: Record<string, RuleSetting> = {}) {
  const nodes: Record<string, ReturnType<typeof service>> = { web: client() };
  const links: Link[] = [];
  let previous = 'web';
  for (let i = 1; i <= hops; i++) {
    nodes[`s${i}`] = service();
    links.push(safeSync(previous, `s${i}`));
    previous = `s${i}`;
  }
  return makeDesign(nodes, links, { rules });
}

describe('sync-chain-depth', () => {
  it('warns at 4 hops and names the whole path', () => {
    const findings = findingsOf(chain(4), 'sync-chain-depth');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['web', 's1', 's2', 's3', 's4'], links: ['web->s1', 's1->s2', 's2->s3', 's3->s4'] },
    ]);
    expect(findings[0]!.message).toBe('Web starts a synchronous chain of 4 hops: Web → S1 → S2 → S3 → S4');
  });

  it('stays silent at 3 hops', () => {
    expect(findingsOf(chain(3), 'sync-chain-depth')).toEqual([]);
  });

  it('is an error at 6 hops, a warning at 5', () => {
    expect(findingsOf(chain(5), 'sync-chain-depth').map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf(chain(6), 'sync-chain-depth').map((f) => f.severity)).toEqual(['error']);
  });

  it('`max` shifts both thresholds: max 3 warns at 3 and errs at 5', () => {
    expect(findingsOf(chain(2, { 'sync-chain-depth': { max: 3 } }), 'sync-chain-depth')).toEqual([]);
    expect(findingsOf(chain(3, { 'sync-chain-depth': { max: 3 } }), 'sync-chain-depth').map((f) => f.severity)).toEqual([
      'warning',
    ]);
    expect(findingsOf(chain(5, { 'sync-chain-depth': { max: 3 } }), 'sync-chain-depth').map((f) => f.severity)).toEqual([
      'error',
    ]);
    expect(findingsOf(chain(6, { 'sync-chain-depth': { max: 8 } }), 'sync-chain-depth')).toEqual([]);
  });

  it('a severity setting overrides both levels, and off silences it', () => {
    expect(findingsOf(chain(7, { 'sync-chain-depth': 'info' }), 'sync-chain-depth').map((f) => f.severity)).toEqual(['info']);
    expect(findingsOf(chain(7, { 'sync-chain-depth': false }), 'sync-chain-depth')).toEqual([]);
  });

  it('counts the longest branch, and does not loop around a cycle', () => {
    const design = makeDesign({ web: client(), a: service(), b: service(), c: service(), d: service(), e: service() }, [
      safeSync('web', 'a'),
      safeSync('a', 'b'),
      safeSync('b', 'a'),
      safeSync('a', 'c'),
      safeSync('c', 'd'),
      safeSync('d', 'e'),
    ]);
    expect(findingsOf(design, 'sync-chain-depth').map((f) => f.links)).toEqual([['web->a', 'a->c', 'c->d', 'd->e']]);
  });
});

describe('sync-chain-depth on a 500-hop chain', () => {
  it('names both ends and counts the middle instead of listing 501 names', () => {
    const [finding] = findingsOf(chain(500), 'sync-chain-depth');
    expect(finding!.message).toBe('Web starts a synchronous chain of 500 hops: Web → S1 → … 497 more … → S499 → S500');
    expect(finding!.nodes).toHaveLength(501);
  });
});
