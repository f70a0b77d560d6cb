import { describe, expect, it } from 'vitest';
import { external, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

describe('timeout-budget', () => {
  // Order: 40 ms own + 3 attempts x 500 ms to Stripe + exponential backoff 100 + 200 = 1840 ms.
  const nodes = { gw: gateway(), order: service({ latencyMs: 40 }), stripe: external() };
  const stripeCall = safeSync('order', 'stripe', {
    timeoutMs: 500,
    retry: { max: 2, backoff: 'exponential', jitter: true, baseMs: 100 },
  });

  it('flags a caller whose timeout is shorter than the callee’s worst case', () => {
    const design = makeDesign(nodes, [safeSync('gw', 'order', { timeoutMs: 1000 }), stripeCall]);
    const findings = findingsOf(design, 'timeout-budget');
    expect(findings.map(shapeOf)).toEqual([{ severity: 'error', nodes: ['gw', 'order'], links: ['gw->order'] }]);
    expect(findings[0]!.message).toBe('Gw waits 1000 ms for Order, but Order can take up to 1840 ms');
  });

  it('stays silent when the timeout covers the worst case', () => {
    const design = makeDesign(nodes, [safeSync('gw', 'order', { timeoutMs: 1840 }), stripeCall]);
    expect(findingsOf(design, 'timeout-budget')).toEqual([]);
  });

  it('counts a callee’s call without a timeout as that callee’s own worst case', () => {
    const design = makeDesign({ ...nodes, stripe: external({ latencyMs: 900 }) }, [
      safeSync('gw', 'order', { timeoutMs: 800 }),
      safeSync('order', 'stripe', { timeoutMs: undefined }),
    ]);
    expect(findingsOf(design, 'timeout-budget').map((f) => f.message)).toEqual([
      'Gw waits 800 ms for Order, but Order can take up to 940 ms',
    ]);
  });

  it('never guesses: no stated latency or timeout below, no finding', () => {
    const design = makeDesign({ gw: gateway(), order: service(), stripe: external() }, [
      safeSync('gw', 'order', { timeoutMs: 10 }),
      safeSync('order', 'stripe', { timeoutMs: undefined }),
    ]);
    expect(findingsOf(design, 'timeout-budget')).toEqual([]);
  });
});
