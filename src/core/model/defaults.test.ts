import { Parser } from '@asyncapi/parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { getEffectiveLink, withLinkDefaults } from './defaults';
import { validateDesign } from './validate';
import { lintDesign } from '../rules/engine';
import { openApiDocuments } from '../export/openapi';
import { asyncApiDocument } from '../export/asyncapi';
import { simulate } from '../simulate/simulate';
import type { Design } from './types';

const shop = (defaults?: Design['defaults']): Design => ({
  signalbox: 1,
  name: 'Shop',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    order: { kind: 'service', name: 'Order' },
    pay: { kind: 'service', name: 'Payment' },
    db: { kind: 'database', name: 'Orders DB' },
    bus: { kind: 'broker', name: 'Kafka', tech: 'kafka' },
  },
  links: [
    { from: 'web', to: 'order', kind: 'sync', protocol: 'rest', timeoutMs: 3000 },
    { from: 'order', to: 'pay', kind: 'sync', protocol: 'rest', operations: ['POST /payments'] },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
    { from: 'bus', to: 'pay', kind: 'async', channel: 'order.created', idempotent: true },
  ],
  ...(defaults ? { defaults } : {}),
});

const DEFAULTS = { timeoutMs: 1500, retry: { max: 2, backoff: 'exponential' as const, jitter: true }, dlq: '{channel}.dlq' };

describe('getEffectiveLink', () => {
  it('fills what a link does not state, and never overrides what it does', () => {
    const design = shop({ ...DEFAULTS, delivery: 'at-least-once' });
    const [webOrder, orderPay, , publish, consume] = design.links.map((l) => getEffectiveLink(design, l));
    expect(webOrder?.timeoutMs).toBe(3000);
    expect(orderPay).toMatchObject({ timeoutMs: 1500, retry: { max: 2 } });
    // A publish has no dead-letter channel; a consumption gets the pattern with its channel.
    expect(publish?.dlq).toBeUndefined();
    expect(publish?.delivery).toBe('at-least-once');
    expect(consume?.dlq).toBe('order.created.dlq');
    // Sync keys do not land on messages, nor message keys on calls.
    expect(consume?.timeoutMs).toBeUndefined();
    expect(orderPay?.delivery).toBeUndefined();
  });

  it('is the same design object when there are no defaults', () => {
    const design = shop();
    expect(withLinkDefaults(design)).toBe(design);
    expect(withLinkDefaults(shop(DEFAULTS))).not.toBe(design);
  });
});

describe('defaults in the format', () => {
  it('validates defaults: a good block passes, a bad value is named by its path, an unknown key warns', () => {
    expect(validateDesign(shop(DEFAULTS)).issues).toEqual([]);
    const bad = { ...shop(), defaults: { timeoutMs: 'soon', delivery: 'twice', color: 'red' } };
    const issues = validateDesign(bad).issues.map((i) => `${i.severity} ${i.path}: ${i.message}`);
    expect(issues).toContain('error defaults.timeoutMs: expected a positive integer');
    expect(issues.some((i) => i.startsWith('error defaults.delivery: expected one of'))).toBe(true);
  });
});

describe('the rules read links with defaults', () => {
  it('missing-timeout fires without defaults and stays quiet when a default covers the calls', () => {
    const rules = (d: Design) => lintDesign(d).map((f) => f.rule);
    expect(rules(shop())).toContain('missing-timeout');
    expect(rules(shop(DEFAULTS))).not.toContain('missing-timeout');
    // Near miss: a default for messages only leaves the calls without a timeout.
    expect(rules(shop({ dlq: '{channel}.dlq' }))).toContain('missing-timeout');
  });

  it('missing-dlq stays quiet when the defaults name a dead-letter channel for consumers', () => {
    const rules = (d: Design) => lintDesign(d).map((f) => f.rule);
    expect(rules(shop())).toContain('missing-dlq');
    expect(rules(shop({ dlq: '{channel}.dlq' }))).not.toContain('missing-dlq');
    expect(rules(shop({ timeoutMs: 1000 }))).toContain('missing-dlq');
  });
});

describe('the exporters and the simulator read links with defaults', () => {
  it('OpenAPI carries the default timeout and retry of a caller, and stays valid', async () => {
    const doc = openApiDocuments(shop(DEFAULTS)).find((d) => d.nodeId === 'pay');
    expect(doc?.text).toMatch(/x-signalbox-timeout-ms:\s+order: 1500/);
    // The web client's own 3000 on its call to Order is kept.
    expect(openApiDocuments(shop(DEFAULTS)).find((d) => d.nodeId === 'order')?.text).toMatch(/web: 3000/);
    expect(openApiDocuments(shop()).find((d) => d.nodeId === 'pay')?.text).not.toContain('1500');
    const config = await createConfig({ extends: ['spec'] });
    const problems = await lintFromString({ source: doc!.text, absoluteRef: '/tmp/pay.openapi.yaml', config });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('AsyncAPI has the default dead-letter channel, and stays valid', async () => {
    const { text } = asyncApiDocument(shop(DEFAULTS));
    expect(text).toContain('order.created.dlq');
    expect(asyncApiDocument(shop()).text).not.toContain('order.created.dlq');
    const diagnostics = await new Parser().validate(text);
    expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
  });

  it('the simulator no longer says a call without its own timeout hangs when a default covers it', () => {
    const hangs = (d: Design) => Object.values(simulate(d, ['pay']).explanations).some((e) => e.includes('has no timeout'));
    expect(hangs(shop())).toBe(true);
    expect(hangs(shop(DEFAULTS))).toBe(false);
  });
});
