import { describe, expect, it } from 'vitest';
import { async, broker, findingsOf, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('hub-service', () => {
  // Core sits in the middle: 3 nodes call it, it calls 3; every other service has 1 link or none.
  const nodes = {
    a: service(),
    b: service(),
    c: service(),
    core: service(),
    x: service(),
    y: service(),
    bus: broker(),
  };

  it('reports a service whose fan-in and fan-out both exceed the median and balance', () => {
    const design = makeDesign(nodes, [
      safeSync('a', 'core'),
      safeSync('b', 'core'),
      safeSync('c', 'core'),
      safeSync('core', 'x'),
      safeSync('core', 'y'),
      async('core', 'bus', { channel: 'core.changed' }),
    ]);
    const findings = findingsOf(design, 'hub-service');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'warning', nodes: ['core'], links: [] }]);
    expect(findings[0]!.message).toBe('Core is a hub: 3 nodes depend on it and it depends on 3 (design median 0.5 in, 1 out)');
  });

  it('stays silent for a service with high fan-in only (a shared leaf is not a hub)', () => {
    const design = makeDesign(nodes, [
      safeSync('a', 'core'),
      safeSync('b', 'core'),
      safeSync('c', 'core'),
      safeSync('core', 'x'),
    ]);
    expect(findingsOf(design, 'hub-service')).toEqual([]);
  });

  it('can be turned off', () => {
    const links = [
      safeSync('a', 'core'),
      safeSync('b', 'core'),
      safeSync('c', 'core'),
      safeSync('core', 'x'),
      safeSync('core', 'y'),
      safeSync('core', 'a'),
    ];
    expect(findingsOf(makeDesign(nodes, links), 'hub-service')).toHaveLength(1);
    expect(findingsOf(makeDesign(nodes, links, { rules: { 'hub-service': 'off' } }), 'hub-service')).toEqual([]);
  });
});
