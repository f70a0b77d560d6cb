import { describe, expect, it } from 'vitest';
import type { Link } from '../model/types';
import { client, findingsOf, gateway, makeDesign, safeSync, service, shapeOf } from './testUtils';

const retrying = (from: string, to: string, max: number): Link =>
  safeSync(from, to, { retry: { max, backoff: 'exponential', jitter: true }, idempotent: true });

describe('retry-amplification', () => {
  const nodes = { web: client(), gw: gateway(), order: service(), payment: service(), bank: service() };

  it('warns when two layers retry, stating the product of attempts, from the first retrying layer', () => {
    const design = makeDesign(nodes, [
      safeSync('web', 'gw'),
      retrying('gw', 'order', 2),
      safeSync('order', 'payment'),
      retrying('payment', 'bank', 1),
    ]);
    const findings = findingsOf(design, 'retry-amplification');
    expect(findings.map(shapeOf)).toEqual([
      { severity: 'warning', nodes: ['gw', 'order', 'payment', 'bank'], links: ['gw->order', 'order->payment', 'payment->bank'] },
    ]);
    expect(findings[0]!.message).toBe('Retries multiply along Gw → Order → Payment → Bank: 3 × 2 = 6 attempts per request');
  });

  it('stays silent when only one layer retries', () => {
    const design = makeDesign(nodes, [
      safeSync('web', 'gw'),
      retrying('gw', 'order', 5),
      safeSync('order', 'payment'),
      safeSync('payment', 'bank'),
    ]);
    expect(findingsOf(design, 'retry-amplification')).toEqual([]);
  });

  it('is an error past 10x, and `max` moves that line', () => {
    const links = [
      safeSync('web', 'gw'),
      retrying('gw', 'order', 2),
      retrying('order', 'payment', 2),
      retrying('payment', 'bank', 0),
    ];
    expect(findingsOf(makeDesign(nodes, links), 'retry-amplification').map((f) => f.severity)).toEqual(['warning']);
    const deeper = [
      safeSync('web', 'gw'),
      retrying('gw', 'order', 2),
      retrying('order', 'payment', 2),
      retrying('payment', 'bank', 1),
    ];
    const findings = findingsOf(makeDesign(nodes, deeper), 'retry-amplification');
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['error', 'Retries multiply along Gw → Order → Payment → Bank: 3 × 3 × 2 = 18 attempts per request'],
    ]);
    const lenient = makeDesign(nodes, deeper, { rules: { 'retry-amplification': { max: 20 } } });
    expect(findingsOf(lenient, 'retry-amplification').map((f) => f.severity)).toEqual(['warning']);
  });

  it('picks the path with the largest product, not the first', () => {
    const design = makeDesign({ ...nodes, audit: service() }, [
      safeSync('web', 'gw'),
      retrying('gw', 'order', 1),
      retrying('order', 'audit', 1),
      retrying('order', 'payment', 4),
    ]);
    expect(findingsOf(design, 'retry-amplification').map((f) => f.links)).toEqual([['gw->order', 'order->payment']]);
  });
});
