import { describe, expect, it } from 'vitest';
import { checkRuleSettings, lintDesign, summarizeFindings } from './engine';
import { RULES } from './catalog';
import { async, broker, client, database, gateway, makeDesign, safeSync, service, sync } from './testUtils';

const RULES_MD_IDS = [
  'sync-cycle',
  'sync-chain-depth',
  'missing-timeout',
  'missing-circuit-breaker',
  'timeout-budget',
  'retry-amplification',
  'retry-without-backoff',
  'retry-non-idempotent',
  'missing-bulkhead',
  'missing-dlq',
  'non-idempotent-consumer',
  'dual-write',
  'shared-database',
  'hub-service',
  'no-api-gateway',
  'gateway-unprotected',
  'unversioned-api',
  'unversioned-event',
  'hardcoded-endpoint',
  'broken-trace',
  'orphan-channel',
  'single-point-of-failure',
  'availability-budget',
  'saga-without-compensation',
  'large-choreography',
  'naming-convention',
  'async-trace-gap',
  'event-sourcing-not-replayable',
  'strong-consistency-async',
  'command-without-reply',
];

function messyDesign(rules = {}) {
  return makeDesign(
    {
      web: client(),
      gw: gateway({ auth: 'jwt', rateLimitRps: 100 }),
      order: service(),
      payment: service(),
      db: database(),
      bus: broker(),
    },
    [
      safeSync('web', 'gw'),
      sync('gw', 'order', { timeoutMs: 100 }),
      safeSync('order', 'payment'),
      safeSync('payment', 'order'),
      safeSync('order', 'db'),
      safeSync('payment', 'db'),
      async('order', 'bus', { channel: 'order.created' }),
      async('bus', 'payment', { channel: 'order.created' }),
    ],
    { rules },
  );
}

describe('the catalog', () => {
  it('holds exactly the rules of rules.md, in its order, with their default severities', () => {
    expect(RULES.map((r) => r.id)).toEqual(RULES_MD_IDS);
    const defaults = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity]));
    expect(defaults['missing-bulkhead']).toBe('info');
    expect(defaults['sync-chain-depth']).toBe('warning');
    expect(RULES.filter((r) => r.defaultSeverity === 'error').map((r) => r.id)).toEqual([
      'sync-cycle',
      'missing-timeout',
      'timeout-budget',
      'retry-non-idempotent',
      'missing-dlq',
      'non-idempotent-consumer',
      'shared-database',
      'saga-without-compensation',
      'strong-consistency-async',
    ]);
    for (const rule of RULES) expect(rule.title && rule.description && rule.fix).toBeTruthy();
  });
});

describe('lintDesign', () => {
  it('orders findings by severity, then catalog order, then design order', () => {
    const findings = lintDesign(messyDesign());
    const rank = { error: 0, warning: 1, info: 2 };
    for (let i = 1; i < findings.length; i++) {
      const a = findings[i - 1]!;
      const b = findings[i]!;
      const key = (f: typeof a) => rank[f.severity] * 100 + RULES_MD_IDS.indexOf(f.rule);
      expect(key(a)).toBeLessThanOrEqual(key(b));
    }
    expect(findings.map((f) => f.rule)).toEqual([
      'sync-cycle',
      'timeout-budget',
      'timeout-budget',
      'timeout-budget',
      'missing-dlq',
      'non-idempotent-consumer',
      'shared-database',
      'missing-circuit-breaker',
      'dual-write',
      'unversioned-event',
    ]);
    // Within one rule, design order: the links gw->order, order->payment, payment->order.
    expect(findings.filter((f) => f.rule === 'timeout-budget').map((f) => f.links[0])).toEqual([
      'gw->order',
      'order->payment',
      'payment->order',
    ]);
  });

  it('is deterministic: same design, same findings in the same order', () => {
    expect(lintDesign(messyDesign())).toEqual(lintDesign(messyDesign()));
  });

  it('fills the fix from the catalog', () => {
    const finding = lintDesign(messyDesign()).find((f) => f.rule === 'missing-dlq')!;
    expect(finding.fix).toBe(RULES.find((r) => r.id === 'missing-dlq')!.fix);
  });

  it('applies off, false, severity overrides and { severity } settings', () => {
    const findings = lintDesign(
      messyDesign({
        'sync-cycle': 'off',
        'missing-timeout': false,
        'missing-dlq': 'info',
        'shared-database': { severity: 'warning' },
      }),
    );
    const severities = Object.fromEntries(findings.map((f) => [f.rule, f.severity]));
    expect(severities['sync-cycle']).toBeUndefined();
    expect(severities['missing-timeout']).toBeUndefined();
    expect(severities['missing-dlq']).toBe('info');
    expect(severities['shared-database']).toBe('warning');
  });

  it('summarizes by severity', () => {
    const findings = lintDesign(messyDesign());
    const summary = summarizeFindings(findings);
    expect(summary.error + summary.warning + summary.info).toBe(findings.length);
    expect(summary.error).toBe(findings.filter((f) => f.severity === 'error').length);
    expect(summarizeFindings([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('checkRuleSettings', () => {
  it('warns about unknown rule ids and thresholds a rule cannot use', () => {
    const design = messyDesign({
      'missing-dql': 'off',
      'sync-chain-depth': { max: 0 },
      'missing-timeout': { max: 3 },
      'missing-bulkhead': { min: 2.5, limit: 3 },
      'hub-service': 'off',
    });
    expect(checkRuleSettings(design)).toEqual([
      {
        severity: 'warning',
        path: 'rules.missing-dql',
        segments: ['rules', 'missing-dql'],
        message: 'unknown rule "missing-dql" (ignored)',
      },
      {
        severity: 'warning',
        path: 'rules.sync-chain-depth.max',
        segments: ['rules', 'sync-chain-depth', 'max'],
        message: 'expected a positive integer (ignored; the default applies)',
      },
      {
        severity: 'warning',
        path: 'rules.missing-timeout.max',
        segments: ['rules', 'missing-timeout', 'max'],
        message: 'missing-timeout takes no threshold (ignored)',
      },
      {
        severity: 'warning',
        path: 'rules.missing-bulkhead.min',
        segments: ['rules', 'missing-bulkhead', 'min'],
        message: 'expected a positive integer (ignored; the default applies)',
      },
      {
        severity: 'warning',
        path: 'rules.missing-bulkhead.limit',
        segments: ['rules', 'missing-bulkhead', 'limit'],
        message: 'unknown setting "limit" (ignored)',
      },
    ]);
  });

  it('accepts valid settings silently', () => {
    expect(
      checkRuleSettings(messyDesign({ 'sync-chain-depth': { max: 3 }, 'hub-service': 'off', 'missing-dlq': 'warning' })),
    ).toEqual([]);
  });

  it('a bad threshold falls back to the default', () => {
    const design = makeDesign(
      { web: client(), a: service(), b: service(), c: service(), d: service() },
      [safeSync('web', 'a'), safeSync('a', 'b'), safeSync('b', 'c'), safeSync('c', 'd')],
      { rules: { 'sync-chain-depth': { max: -1 } } },
    );
    expect(
      lintDesign(design)
        .filter((f) => f.rule === 'sync-chain-depth')
        .map((f) => f.severity),
    ).toEqual(['warning']);
  });
});
