import { describe, expect, it } from 'vitest';
import { findingsOf, gateway, makeDesign, shapeOf } from './testUtils';

describe('gateway-unprotected', () => {
  it('reports a gateway with auth none or no rate limit', () => {
    const design = makeDesign(
      {
        edge: gateway({ name: 'Edge', auth: 'none', rateLimitRps: 100 }),
        api: gateway({ name: 'API', auth: 'jwt' }),
        ok: gateway({ auth: 'mtls', rateLimitRps: 5 }),
      },
      [],
    );
    const findings = findingsOf(design, 'gateway-unprotected');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['edge'], links: [] },
      { severity: 'warning', nodes: ['api'], links: [] },
    ]);
    expect(findings.map((f) => f.message)).toEqual(['Edge has no authentication', 'API has no rate limit']);
  });

  it('stays silent for a gateway with auth and a rate limit', () => {
    expect(findingsOf(makeDesign({ gw: gateway({ auth: 'oauth2', rateLimitRps: 2000 }) }, []), 'gateway-unprotected')).toEqual(
      [],
    );
  });
});
