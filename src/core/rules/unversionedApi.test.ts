import { describe, expect, it } from 'vitest';
import { client, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('unversioned-api', () => {
  const nodes = { gw: gateway(), order: service(), payment: service(), legacy: service() };

  it('warns for an edge-facing service, informs for an internal-only one', () => {
    const design = makeDesign(nodes, [
      safeSync('gw', 'order', { version: undefined }),
      safeSync('order', 'payment', { protocol: 'grpc', version: undefined }),
    ]);
    const findings = findingsOf(design, 'unversioned-api');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['gw', 'order'], links: ['gw->order'] },
      { severity: 'info', nodes: ['order', 'payment'], links: ['order->payment'] },
    ]);
    expect(findings[0]!.message).toBe('Gw calls Order over rest with no API version');
  });

  it('treats a service a client calls directly as the edge: what it calls is not internal-only', () => {
    const design = makeDesign({ web: client(), front: service(), order: service(), payment: service() }, [
      safeSync('web', 'front', { version: 'v1' }),
      safeSync('front', 'order', { version: undefined }),
      safeSync('order', 'payment', { version: undefined }),
    ]);
    expect(findingsOf(design, 'unversioned-api').map((f) => [f.links[0], f.severity])).toEqual([
      ['front->order', 'warning'],
      ['order->payment', 'info'],
    ]);
  });

  it('stays silent with a version, for other protocols, and when the protocol is not stated', () => {
    const design = makeDesign(nodes, [
      safeSync('gw', 'order', { version: 'v2' }),
      safeSync('order', 'payment', { protocol: 'soap', version: undefined }),
      safeSync('order', 'legacy', { protocol: undefined, version: undefined }),
    ]);
    expect(findingsOf(design, 'unversioned-api')).toEqual([]);
  });
});
