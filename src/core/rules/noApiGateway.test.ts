import { describe, expect, it } from 'vitest';
import { client, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('no-api-gateway', () => {
  const nodes = { web: client(), gw: gateway(), order: service(), payment: service() };

  it('reports a client calling services directly', () => {
    const design = makeDesign(nodes, [safeSync('web', 'order'), safeSync('web', 'payment'), safeSync('web', 'gw')]);
    const findings = findingsOf(design, 'no-api-gateway');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['web', 'order', 'payment'], links: ['web->order', 'web->payment'] },
    ]);
    expect(findings[0]!.message).toBe('Web calls Order and Payment directly, bypassing any gateway');
  });

  it('stays silent when the client goes through the gateway', () => {
    const design = makeDesign(nodes, [safeSync('web', 'gw'), safeSync('gw', 'order'), safeSync('gw', 'payment')]);
    expect(findingsOf(design, 'no-api-gateway')).toEqual([]);
  });
});
