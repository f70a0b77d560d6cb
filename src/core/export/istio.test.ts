import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { getBackoffMs } from '../graph/worstCase';
import { withLinkDefaults } from '../model/defaults';
import type { Design } from '../model/types';
import { kubernetesErrors, nastyDeployDesign } from './deployTools';
import { getDnsNames, istioDuration } from './deployNames';
import { headerName, isMeshCall, istioObjects, istioYaml } from './istio';
import { getTestDesigns } from './testDesigns';

const DESIGN: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    gw: { kind: 'gateway', name: 'Gateway' },
    order: { kind: 'service', name: 'Order' },
    Payment_Svc: { kind: 'service', name: 'Payment' },
    db: { kind: 'database', name: 'DB' },
  },
  links: [
    { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest', timeoutMs: 2000 },
    {
      from: 'order',
      to: 'Payment_Svc',
      kind: 'sync',
      protocol: 'grpc',
      timeoutMs: 800,
      retry: { max: 3, backoff: 'exponential', baseMs: 100 },
      breaker: { failureRatePct: 40, openMs: 15000, fallback: 'refuse' },
      bulkhead: { maxConcurrent: 25 },
      auth: 'mtls',
    },
    { from: 'gw', to: 'Payment_Svc', kind: 'sync', protocol: 'rest', retry: { max: 0 } },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql', timeoutMs: 300 },
  ],
};

type Route = { name: string; match: { sourceLabels: { app: string } }[]; timeout?: string; retries?: Record<string, unknown> };

describe('headerName', () => {
  it('keeps the header comment one line of characters a YAML reader takes (U+FFFE and U+FFFF too)', () => {
    expect(headerName('Shop\nnext\u2028line\ufffe\uffffend')).toBe('Shop next line end');
    expect(headerName('Shop \uD800')).toBe('Shop \uFFFD');
  });
});

describe('istioObjects', () => {
  it("carries each caller's timeout, retries, breaker and bulkhead into that caller's route and rule", () => {
    const objects = istioObjects(DESIGN);
    expect(objects.map((o) => `${o.kind} ${(o.metadata as { name: string }).name}`)).toEqual([
      'VirtualService order',
      'VirtualService payment-svc',
      'DestinationRule payment-svc-from-order',
      'PeerAuthentication payment-svc',
    ]);
    const routes = (objects[1]!.spec as { http: Route[] }).http;
    const fromOrder = routes.find((route) => route.match?.[0]?.sourceLabels.app === 'order')!;
    // 4 attempts of 800 ms plus 100 + 200 + 400 ms of backoff.
    expect(fromOrder).toMatchObject({
      timeout: '3.9s',
      retries: { attempts: 3, perTryTimeout: '0.8s', retryOn: expect.stringContaining('unavailable') },
    });
    // retry.max 0 turns Istio's default two retries off.
    expect(routes.find((route) => route.name === 'from-gw')).toMatchObject({ retries: { attempts: 0 } });
    expect(routes.at(-1)).toEqual({ name: 'default', route: [{ destination: { host: 'payment-svc' } }] });
    expect(objects[2]!.spec).toEqual({
      host: 'payment-svc',
      workloadSelector: { matchLabels: { app: 'order' } },
      trafficPolicy: {
        connectionPool: { tcp: { maxConnections: 25 }, http: { http1MaxPendingRequests: 25, http2MaxRequests: 25 } },
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s', baseEjectionTime: '15s', maxEjectionPercent: 100 },
      },
    });
    expect(objects[3]!.spec).toEqual({ selector: { matchLabels: { app: 'payment-svc' } }, mtls: { mode: 'STRICT' } });
    expect(kubernetesErrors(istioYaml(DESIGN))).toEqual([]);
  });

  it('the validator is real: a retry attempts of the wrong type is refused', () => {
    const text = istioYaml(DESIGN).replace('attempts: 3', 'attempts: three');
    expect(kubernetesErrors(text)).toEqual([expect.stringContaining('attempts')]);
  });

  it("gives a call the design's default timeout and retries, and keeps a link's own", () => {
    const design: Design = { ...DESIGN, defaults: { timeoutMs: 1500, retry: { max: 2, backoff: 'fixed', baseMs: 50 } } };
    const routes = (istioObjects(design)[0]!.spec as { http: Route[] }).http;
    // gw -> order states only its timeout: 3 attempts of 2000 ms plus 2 x 50 ms of backoff, each attempt 2 s.
    expect(routes[0]).toMatchObject({ name: 'from-gw', timeout: '6.1s', retries: { attempts: 2, perTryTimeout: '2s' } });
    const payment = (istioObjects(design)[1]!.spec as { http: Route[] }).http;
    // order -> Payment_Svc states its own retry (3) and timeout (800 ms): the defaults change nothing.
    expect(payment.find((r) => r.name === 'from-order')).toMatchObject({ retries: { attempts: 3, perTryTimeout: '0.8s' } });
    // gw -> Payment_Svc states retry.max 0 and no timeout: the default timeout, no retries.
    expect(payment.find((r) => r.name === 'from-gw')).toMatchObject({ timeout: '1.5s', retries: { attempts: 0 } });
    expect(kubernetesErrors(istioYaml(design))).toEqual([]);
  });

  it('writes nothing for a design without sync calls between services', () => {
    expect(istioObjects({ ...DESIGN, links: [DESIGN.links[3]!] })).toEqual([]);
  });

  it.each(getTestDesigns())('$id: every object validates against the Istio CRD schema', ({ design }) => {
    const text = istioYaml(design);
    expect(parseAllDocuments(text).length).toBeGreaterThan(0);
    expect(kubernetesErrors(text)).toEqual([]);
  });

  it.each([
    ...getTestDesigns(),
    ...fc.sample(nastyDeployDesign, { numRuns: 30, seed: 13 }).map((design, i) => ({ id: `hostile:${i}`, design })),
  ])("$id: every sync call's timeout, retries, breaker and bulkhead are in its caller's route and rule", ({ design }) => {
    const names = getDnsNames(design);
    const objects = istioObjects(design);
    const first = new Set<string>();
    // Each link as it behaves: its own values, else the design's defaults.
    for (const link of withLinkDefaults(design).links) {
      if (!isMeshCall(design, link)) continue;
      const host = names.get(link.to)!;
      const caller = names.get(link.from)!;
      const service = objects.find((o) => o.kind === 'VirtualService' && (o.spec as { hosts: string[] }).hosts[0] === host)!;
      const route = (service.spec as { http: Route[] }).http.find((r) => r.match?.[0]?.sourceLabels.app === caller)!;
      // Only the first link from a caller makes its route (Istio matches on the caller, not the protocol).
      const key = `${link.from}\u0000${link.to}`;
      if (first.has(key)) continue;
      first.add(key);
      if (link.retry) expect(route.retries?.attempts).toBe(link.retry.max);
      if (link.retry && link.retry.max > 0 && link.timeoutMs)
        expect(route.retries?.perTryTimeout).toBe(istioDuration(link.timeoutMs));
      if (link.timeoutMs && !link.retry) expect(route.timeout).toBe(istioDuration(link.timeoutMs));
      if (link.timeoutMs && link.retry)
        expect(route.timeout).toBe(istioDuration((link.retry.max + 1) * link.timeoutMs + getBackoffMs(link.retry)));
      if (!link.timeoutMs) expect(route.timeout).toBeUndefined();
      if (!link.retry) expect(route.retries).toBeUndefined();
      const rule = objects.find((o) => {
        const annotations = (o.metadata as { annotations: Record<string, string> }).annotations;
        return (
          o.kind === 'DestinationRule' &&
          annotations['signalbox.dev/caller'] === link.from &&
          annotations['signalbox.dev/node'] === link.to
        );
      });
      const policy = (rule?.spec as { trafficPolicy?: Record<string, Record<string, Record<string, unknown>>> } | undefined)
        ?.trafficPolicy;
      if (link.breaker) {
        expect(policy?.outlierDetection).toMatchObject({ baseEjectionTime: istioDuration(link.breaker.openMs ?? 30_000) });
        const annotations = (rule!.metadata as { annotations: Record<string, string> }).annotations;
        if (link.breaker.failureRatePct !== undefined)
          expect(annotations['signalbox.dev/breaker-failure-rate-pct']).toBe(String(link.breaker.failureRatePct));
      }
      if (link.bulkhead) expect(policy?.connectionPool?.tcp).toEqual({ maxConnections: link.bulkhead.maxConcurrent });
      if (!link.breaker && !link.bulkhead) expect(rule).toBeUndefined();
    }
  });

  it('names a DestinationRule between two long names as one DNS label, distinct per pair', () => {
    const long = (tail: string) => `payment authorisation and settlement ${tail}`;
    const design: Design = {
      signalbox: 1,
      name: 'long names',
      nodes: {
        [long('a')]: { kind: 'service', name: 'A' },
        [long('b')]: { kind: 'service', name: 'B' },
        [long('c')]: { kind: 'service', name: 'C' },
      },
      links: [
        { from: long('a'), to: long('c'), kind: 'sync', protocol: 'rest', breaker: {} },
        { from: long('b'), to: long('c'), kind: 'sync', protocol: 'rest', breaker: {} },
      ],
    };
    const text = istioYaml(design);
    expect(kubernetesErrors(text)).toEqual([]);
    const names = istioObjects(design)
      .filter((o) => o.kind === 'DestinationRule')
      .map((o) => (o.metadata as { name: string }).name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(63);
    expect(names[0]).toMatch(/^payment-authorisation-an-from-payment-authorisation-an-[0-9a-z]{7}$/);
  });

  it('every route of a hostile design validates and names its caller', () => {
    fc.assert(
      fc.property(nastyDeployDesign, (design) => {
        const text = istioYaml(design);
        expect(kubernetesErrors(text)).toEqual([]);
        const services = parseAllDocuments(text)
          .map((doc) => doc.toJS() as { kind: string; spec: { http?: Route[] } })
          .filter((o) => o.kind === 'VirtualService');
        expect(services).toHaveLength(3);
        for (const service of services)
          for (const route of service.spec.http!.slice(0, -1))
            expect(route.name).toBe(`from-${route.match[0]!.sourceLabels.app}`);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
