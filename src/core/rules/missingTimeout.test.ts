import { describe, expect, it } from 'vitest';
import { client, database, findingsOf, gateway, makeDesign, safeSync, service, shapeOf, sync } from './testUtils';

describe('missing-timeout', () => {
  const nodes = { web: client(), gw: gateway(), order: service(), db: database() };

  it('reports sync calls from a service or gateway with no timeoutMs', () => {
    const design = makeDesign(nodes, [sync('web', 'gw'), sync('gw', 'order'), safeSync('order', 'db', { timeoutMs: undefined })]);
    const findings = findingsOf(design, 'missing-timeout');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'error', nodes: ['gw', 'order'], links: ['gw->order'] },
      { severity: 'error', nodes: ['order', 'db'], links: ['order->db'] },
    ]);
    expect(findings[0]!.message).toBe('Gw calls Order with no timeout');
  });

  it('stays silent when timeouts are set (and for the client, outside the design’s control)', () => {
    const design = makeDesign(nodes, [
      sync('web', 'gw'),
      sync('gw', 'order', { timeoutMs: 500 }),
      sync('order', 'db', { timeoutMs: 200 }),
    ]);
    expect(findingsOf(design, 'missing-timeout')).toEqual([]);
  });

  it('takes a severity override', () => {
    const design = makeDesign(nodes, [sync('gw', 'order')], { rules: { 'missing-timeout': 'warning' } });
    expect(findingsOf(design, 'missing-timeout').map((f) => f.severity)).toEqual(['warning']);
  });
});
