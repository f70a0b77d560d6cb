import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { withLinkDefaults } from '../model/defaults';
import type { Design } from '../model/types';
import { kubernetesErrors, nastyDeployDesign } from './deployTools';
import { gatewayObjects, gatewayYaml } from './gateway';
import { getTestDesigns } from './testDesigns';

const DESIGN: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    edge: { kind: 'gateway', name: 'Edge', auth: 'jwt', rateLimitRps: 2000 },
    order: { kind: 'service', name: 'Order' },
    pricing: { kind: 'service', name: 'Pricing' },
  },
  links: [
    { from: 'web', to: 'edge', kind: 'sync', protocol: 'rest' },
    {
      from: 'edge',
      to: 'order',
      kind: 'sync',
      protocol: 'rest',
      operations: ['POST /orders', 'GET /orders/{id}'],
      timeoutMs: 800,
      retry: { max: 2, backoff: 'exponential', baseMs: 100 },
      breaker: { failureRatePct: 50, openMs: 20000 },
      bulkhead: { maxConcurrent: 100 },
    },
    { from: 'edge', to: 'pricing', kind: 'sync', protocol: 'grpc', operations: ['shop.v1.Pricing/Quote'], timeoutMs: 300 },
  ],
};

type Rule = { matches: unknown[]; backendRefs: unknown[]; timeouts?: unknown };

describe('gatewayObjects', () => {
  it('routes each operation with its timeout and puts retries, breaker, bulkhead, rate limit and auth in Envoy Gateway policies', () => {
    const objects = gatewayObjects(DESIGN);
    expect(objects.map((o) => `${o.kind} ${(o.metadata as { name: string }).name}`)).toEqual([
      'Gateway edge',
      'HTTPRoute edge-to-order',
      'BackendTrafficPolicy edge-to-order',
      'HTTPRoute edge-to-pricing',
      'BackendTrafficPolicy edge-rate-limit',
      'SecurityPolicy edge-auth',
    ]);
    const rules = (objects[1]!.spec as { rules: Rule[] }).rules;
    expect(rules).toEqual([
      {
        matches: [{ path: { type: 'Exact', value: '/orders' }, method: 'POST' }],
        backendRefs: [{ name: 'order', port: 80 }],
        timeouts: { request: '2700ms', backendRequest: '800ms' },
      },
      {
        matches: [{ path: { type: 'RegularExpression', value: '/orders/[^/]+' }, method: 'GET' }],
        backendRefs: [{ name: 'order', port: 80 }],
        timeouts: { request: '2700ms', backendRequest: '800ms' },
      },
    ]);
    expect(objects[2]!.spec).toMatchObject({
      targetRefs: [{ kind: 'HTTPRoute', name: 'edge-to-order' }],
      retry: { numRetries: 2, perRetry: { timeout: '800ms', backOff: { baseInterval: '100ms' } } },
      healthCheck: { passive: { failurePercentageThreshold: 50, baseEjectionTime: '20000ms' } },
      circuitBreaker: { maxParallelRequests: 100 },
    });
    expect((objects[3]!.spec as { rules: Rule[] }).rules[0]).toEqual({
      matches: [{ path: { type: 'Exact', value: '/shop.v1.Pricing/Quote' }, method: 'POST' }],
      backendRefs: [{ name: 'pricing', port: 9090 }],
      timeouts: { request: '300ms' },
    });
    expect(objects[4]!.spec).toMatchObject({
      targetRefs: [{ kind: 'Gateway', name: 'edge' }],
      rateLimit: { type: 'Global', global: { rules: [{ limit: { requests: 2000, unit: 'Second' } }] } },
    });
    expect(objects[5]!.spec).toMatchObject({ jwt: { providers: [{ name: 'edge' }] } });
    expect(kubernetesErrors(gatewayYaml(DESIGN))).toEqual([]);
  });

  it.each(['oauth2', 'apikey', 'mtls', 'none'] as const)('auth %s validates', (auth) => {
    const design = { ...DESIGN, nodes: { ...DESIGN.nodes, edge: { ...DESIGN.nodes.edge!, auth } } };
    const kinds = gatewayObjects(design).map((o) => o.kind);
    expect(kinds.at(-1)).toBe(
      auth === 'mtls' ? 'ClientTrafficPolicy' : auth === 'none' ? 'BackendTrafficPolicy' : 'SecurityPolicy',
    );
    expect(kubernetesErrors(gatewayYaml(design))).toEqual([]);
  });

  it('splits more than 16 operations into several routes (the Gateway API limit)', () => {
    const operations = Array.from({ length: 20 }, (_, i) => `GET /items/${i}`);
    const design: Design = { ...DESIGN, links: [{ from: 'edge', to: 'order', kind: 'sync', operations }] };
    const routes = gatewayObjects(design).filter((o) => o.kind === 'HTTPRoute');
    expect(routes.map((r) => (r.spec as { rules: Rule[] }).rules.length)).toEqual([16, 4]);
    expect(kubernetesErrors(gatewayYaml(design))).toEqual([]);
  });

  it('the validator is real: an unknown path match type is refused', () => {
    expect(kubernetesErrors(gatewayYaml(DESIGN).replace('type: Exact', 'type: Glob'))).toEqual([
      expect.stringContaining('HTTPRoute'),
    ]);
  });

  it("routes with the design's default timeout and retries where a call states none", () => {
    const design: Design = { ...DESIGN, defaults: { timeoutMs: 1200, retry: { max: 1, backoff: 'fixed', baseMs: 200 } } };
    const objects = gatewayObjects(design);
    // edge -> order states its own timeout and retry; edge -> pricing only its timeout (300 ms), so the default retry.
    expect((objects[1]!.spec as { rules: Rule[] }).rules[0]!.timeouts).toEqual({ request: '2700ms', backendRequest: '800ms' });
    expect((objects[3]!.spec as { rules: Rule[] }).rules[0]!.timeouts).toEqual({ request: '800ms', backendRequest: '300ms' });
    expect(objects[4]).toMatchObject({
      kind: 'BackendTrafficPolicy',
      spec: { retry: { numRetries: 1, perRetry: { timeout: '300ms' } } },
    });
    expect(kubernetesErrors(gatewayYaml(design))).toEqual([]);
  });

  it('writes nothing without a gateway', () => {
    const { edge: _edge, ...nodes } = DESIGN.nodes;
    expect(gatewayObjects({ ...DESIGN, nodes, links: [] })).toEqual([]);
  });

  it.each(getTestDesigns().filter(({ design }) => gatewayObjects(design).length > 0))(
    '$id: every object validates against the Gateway API and Envoy Gateway schemas',
    ({ design }) => {
      expect(kubernetesErrors(gatewayYaml(design))).toEqual([]);
    },
  );

  it('a hostile design validates, one route per forwarded call', () => {
    fc.assert(
      fc.property(nastyDeployDesign, (design) => {
        const text = gatewayYaml(design);
        expect(kubernetesErrors(text)).toEqual([]);
        const objects = parseAllDocuments(text).map(
          (doc) => doc.toJS() as { kind: string; spec: { rules?: Rule[]; retry?: { numRetries: number } } },
        );
        const routes = objects.filter((o) => o.kind === 'HTTPRoute');
        expect(routes).toHaveLength(2);
        // The numbers carry: each forwarded call's timeout (its own or the default) on every rule of its
        // route, per attempt when it retries. Past 100 s the Gateway API's format rounds to seconds.
        const ms = (value: number) => (value < 100_000 ? `${value}ms` : expect.any(String));
        const calls = withLinkDefaults(design).links.filter(
          (l) => design.nodes[l.from]?.kind === 'gateway' && l.kind === 'sync' && design.nodes[l.to]?.kind === 'service',
        );
        calls.forEach((link, i) => {
          for (const rule of routes[i]!.spec.rules!) {
            if (link.timeoutMs === undefined) expect(rule.timeouts).toBeUndefined();
            else if (link.retry && link.retry.max > 0)
              expect(rule.timeouts).toMatchObject({ backendRequest: ms(link.timeoutMs) });
            else expect(rule.timeouts).toEqual({ request: ms(link.timeoutMs) });
          }
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);
  it('names an HTTPRoute between two long names as one DNS label (fast-check found 64 characters)', () => {
    const long = (tail: string) => `customer facing public edge gateway ${tail}`;
    const design: Design = {
      signalbox: 1,
      name: 'long names',
      nodes: {
        web: { kind: 'client', name: 'Web' },
        [long('gw')]: { kind: 'gateway', name: 'Edge' },
        [long('orders')]: { kind: 'service', name: 'Orders' },
      },
      links: [
        { from: 'web', to: long('gw'), kind: 'sync', protocol: 'rest' },
        { from: long('gw'), to: long('orders'), kind: 'sync', protocol: 'rest', operations: ['GET /orders'] },
      ],
    };
    expect(kubernetesErrors(gatewayYaml(design))).toEqual([]);
    const routes = gatewayObjects(design).filter((o) => o.kind === 'HTTPRoute');
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) expect((route.metadata as { name: string }).name.length).toBeLessThanOrEqual(63);
  });
});
