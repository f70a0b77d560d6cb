import { describe, expect, it } from 'vitest';
import { async, broker, client, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('single-point-of-failure', () => {
  it('reports replicas: 1 on a path from an entry point, through sync and async links', () => {
    const design = makeDesign(
      {
        web: client(),
        gw: gateway({ replicas: 1 }),
        order: service({ replicas: 3 }),
        bus: broker({ replicas: 1 }),
        batch: service({ replicas: 1 }),
      },
      [safeSync('web', 'gw'), safeSync('gw', 'order'), async('order', 'bus', { channel: 'order.created' })],
    );
    const findings = findingsOf(design, 'single-point-of-failure');
    // batch runs one replica too, but nothing reaches it from an entry point.
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['gw'], links: [] },
      { severity: 'warning', nodes: ['bus'], links: [] },
    ]);
    expect(findings[0]!.message).toBe('Gw runs a single replica on a path from an entry point');
  });

  it('stays silent for 2+ replicas and for unstated replicas', () => {
    const design = makeDesign({ web: client(), gw: gateway({ replicas: 2 }), order: service() }, [
      safeSync('web', 'gw'),
      safeSync('gw', 'order'),
    ]);
    expect(findingsOf(design, 'single-point-of-failure')).toEqual([]);
  });
});
