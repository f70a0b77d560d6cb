import { describe, expect, it } from 'vitest';
import { getEntryPoints, simulate } from './simulate';
import { designFromYaml } from './testDesign';
import { UnknownNodeError } from './types';

/** The spec's food delivery shape: a chain of sync calls, a database, a broker and its consumers. */
const shop = designFromYaml(`
signalbox: 1
name: Shop
nodes:
  web: { kind: client, name: Web }
  gateway: { kind: gateway, name: API Gateway }
  order: { kind: service, name: Order }
  payment: { kind: service, name: Payment }
  orderdb: { kind: database, name: Orders DB }
  bus: { kind: broker, name: Kafka }
  notification: { kind: service, name: Notification }
  stripe: { kind: external, name: Stripe }
links:
  - { from: web, to: gateway, kind: sync, timeoutMs: 5000 }
  - { from: gateway, to: order, kind: sync, timeoutMs: 3000 }
  - { from: order, to: payment, kind: sync }
  - { from: order, to: orderdb, kind: sync, protocol: sql, timeoutMs: 500 }
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: notification, kind: async, channel: order.created }
  - { from: payment, to: stripe, kind: sync, timeoutMs: 2000 }
`);

describe('rule 1: sync callers of a down node fail, up the chain', () => {
  it('fails every caller up to the entry point, and leaves the rest alone', () => {
    const result = simulate(shop, ['payment']);
    expect(result.states).toEqual({
      web: 'failed',
      gateway: 'failed',
      order: 'failed',
      payment: 'down',
      orderdb: 'ok',
      bus: 'ok',
      notification: 'ok',
      stripe: 'ok',
    });
    expect(result.entries).toEqual({ web: 'failed', gateway: 'failed' });
    expect(result.down).toEqual(['payment']);
  });

  it('names the chain in the design names', () => {
    const { explanations } = simulate(shop, ['payment']);
    expect(explanations.order).toMatch(/^Order -> Payment has no circuit breaker fallback and Payment is down/);
    expect(explanations.web).toMatch(/^Web -> API Gateway -> Order fails: Order -> Payment has no circuit breaker fallback/);
    expect(explanations.payment).toBe('Payment is down (taken down by the scenario)');
    expect(Object.keys(explanations).sort()).toEqual(['gateway', 'order', 'payment', 'web']);
  });

  it('async never spreads failed: the consumer of a failed publisher stays ok', () => {
    expect(simulate(shop, ['payment']).states.notification).toBe('ok');
  });

  it('a callee of a down node is unaffected (impact spreads up sync links, not down)', () => {
    expect(simulate(shop, ['order']).states).toMatchObject({ payment: 'ok', stripe: 'ok', orderdb: 'ok', gateway: 'failed' });
  });
});

describe('rule 1: a breaker with a fallback degrades instead of failing', () => {
  const withFallback = designFromYaml(`
signalbox: 1
name: Fallback
nodes:
  web: { kind: client, name: Web }
  gateway: { kind: gateway, name: API Gateway }
  order: { kind: service, name: Order }
  payment: { kind: service, name: Payment }
  catalog: { kind: service, name: Catalog }
links:
  - { from: web, to: gateway, kind: sync }
  - { from: gateway, to: order, kind: sync, timeoutMs: 1000, breaker: { fallback: cached order list } }
  - { from: order, to: payment, kind: sync, timeoutMs: 800 }
  - { from: web, to: catalog, kind: sync, timeoutMs: 800, breaker: { failureRatePct: 50 } }
`);

  it('the fallback link turns failed into degraded, and callers of degraded are degraded', () => {
    const result = simulate(withFallback, ['payment']);
    expect(result.states).toMatchObject({ order: 'failed', gateway: 'degraded', web: 'degraded', catalog: 'ok' });
    expect(result.explanations.gateway).toBe(
      'API Gateway -> Order falls back to "cached order list" while Order fails because Payment is down',
    );
    expect(result.explanations.web).toMatch(
      /^Web -> API Gateway is degraded: API Gateway -> Order falls back to "cached order list"/,
    );
  });

  it('a breaker without a fallback still fails its caller', () => {
    expect(simulate(withFallback, ['catalog']).states.web).toBe('failed');
  });
});

describe('rule 1: cycles terminate', () => {
  const cycle = designFromYaml(`
signalbox: 1
name: Cycle
nodes:
  web: { kind: client, name: Web }
  a: { kind: service, name: A }
  b: { kind: service, name: B }
  c: { kind: service, name: C }
  d: { kind: service, name: D }
links:
  - { from: web, to: a, kind: sync }
  - { from: a, to: b, kind: sync }
  - { from: b, to: c, kind: sync }
  - { from: c, to: a, kind: sync }
  - { from: c, to: d, kind: sync }
  - { from: d, to: d, kind: sync }
`);

  it('a sync cycle with one node down fails the rest of the cycle and its callers', () => {
    expect(simulate(cycle, ['b']).states).toEqual({ web: 'failed', a: 'failed', b: 'down', c: 'failed', d: 'ok' });
    expect(simulate(cycle, ['b']).explanations.c).toMatch(
      /^C -> A fails: A -> B has no circuit breaker fallback and B is down; no timeout on C -> A, A -> B/,
    );
  });

  it('a self-loop down terminates too', () => {
    expect(simulate(cycle, ['d']).states).toEqual({ web: 'failed', a: 'failed', b: 'failed', c: 'failed', d: 'down' });
  });
});

describe('rule 2: a database that is down fails its users', () => {
  it('fails the service that reads it and everything calling that service', () => {
    const result = simulate(shop, ['orderdb']);
    expect(result.states).toMatchObject({ order: 'failed', gateway: 'failed', web: 'failed', payment: 'ok' });
    expect(result.explanations.order).toMatch(/^Order -> Orders DB has no circuit breaker fallback and Orders DB is down/);
  });
});

describe('rule 3: a broker that is down', () => {
  const brokerDesign = (outbox: boolean) =>
    designFromYaml(`
signalbox: 1
name: Broker
nodes:
  web: { kind: client, name: Web }
  order: { kind: service, name: Order, outbox: ${outbox} }
  bus: { kind: broker, name: Kafka }
  billing: { kind: service, name: Billing }
  shipping: { kind: service, name: Shipping }
links:
  - { from: web, to: order, kind: sync, timeoutMs: 1000 }
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: bus, to: billing, kind: async, channel: order.created }
  - { from: bus, to: shipping, kind: async, channel: order.created }
`);

  it('without an outbox the publish fails the request, up to the entry point', () => {
    const result = simulate(brokerDesign(false), ['bus']);
    expect(result.states).toEqual({ web: 'failed', order: 'failed', bus: 'down', billing: 'lagging', shipping: 'lagging' });
    expect(result.explanations.order).toBe('Order publishes order.created to Kafka without an outbox and Kafka is down');
    expect(result.explanations.web).toMatch(/^Web -> Order fails: Order publishes order.created to Kafka without an outbox/);
    // Issue 11: the messages were never published, so they cannot "wait until Kafka is back".
    expect(result.explanations.billing).toBe(
      'Kafka is down: Billing receives no new order.created (Order publishes without an outbox: those requests fail and their messages are never sent)',
    );
    expect(result.explanations.billing).not.toMatch(/wait|late/);
  });

  it('with an outbox the publisher is degraded: messages wait in the outbox', () => {
    const result = simulate(brokerDesign(true), ['bus']);
    expect(result.states).toEqual({ web: 'degraded', order: 'degraded', bus: 'down', billing: 'lagging', shipping: 'lagging' });
    expect(result.explanations.order).toMatch(/through its outbox/);
    expect(result.explanations.billing).toBe(
      'Kafka is down: Billing receives order.created late (Order keeps new messages in an outbox until Kafka is back)',
    );
  });

  it('with publishers of both kinds, the consumer hears about each', () => {
    const mixed = designFromYaml(`
signalbox: 1
name: Mixed
nodes:
  order: { kind: service, name: Order, outbox: true }
  returns: { kind: service, name: Returns }
  bus: { kind: broker, name: Kafka }
  billing: { kind: service, name: Billing }
links:
  - { from: order, to: bus, kind: async, channel: money }
  - { from: returns, to: bus, kind: async, channel: money }
  - { from: bus, to: billing, kind: async, channel: money }
`);
    expect(simulate(mixed, ['bus']).explanations.billing).toBe(
      'Kafka is down: Billing receives money late (Order keeps new messages in an outbox until Kafka is back; Returns publishes without an outbox: those requests fail and their messages are never sent)',
    );
  });
});

describe('rule 4: a service that is down', () => {
  const events = designFromYaml(`
signalbox: 1
name: Events
nodes:
  order: { kind: service, name: Order }
  returns: { kind: service, name: Returns }
  bus: { kind: broker, name: Kafka }
  billing: { kind: service, name: Billing }
  audit: { kind: service, name: Audit }
  mailer: { kind: service, name: Mailer }
links:
  - { from: order, to: bus, kind: async, channel: order.created }
  - { from: returns, to: bus, kind: async, channel: refund.issued }
  - { from: order, to: bus, kind: async, channel: audit.log }
  - { from: returns, to: bus, kind: async, channel: audit.log }
  - { from: bus, to: billing, kind: async, channel: order.created }
  - { from: bus, to: audit, kind: async, channel: audit.log }
  - { from: order, to: mailer, kind: async, channel: order.shipped }
`);

  it('consumers of what only it publishes lag; consumers with another publisher do not', () => {
    const result = simulate(events, ['order']);
    expect(result.states).toMatchObject({ billing: 'lagging', audit: 'ok', returns: 'ok', bus: 'ok' });
    expect(result.explanations.billing).toBe('Order is down: Billing receives order.created late (its only publisher)');
  });

  it('when every publisher is down, the shared channel lags too', () => {
    expect(simulate(events, ['order', 'returns']).states.audit).toBe('lagging');
  });

  it('a direct service->service event goes through an implied broker: the consumer lags', () => {
    expect(simulate(events, ['order']).states.mailer).toBe('lagging');
  });

  it('producers of a down consumer are unaffected: the broker buffers', () => {
    expect(simulate(events, ['billing']).states).toMatchObject({ order: 'ok', bus: 'ok', returns: 'ok' });
    expect(simulate(events, ['mailer']).states.order).toBe('ok');
  });
});

describe('rule 5: the missing-timeout call-out', () => {
  it('calls out a sync link without timeoutMs toward a down or failed node', () => {
    const { explanations } = simulate(shop, ['payment']);
    expect(explanations.order).toContain("Order -> Payment has no timeout: Order's threads hang");
    expect(explanations.order).toContain('everything Order serves');
    expect(explanations.web).toContain('Order -> Payment has no timeout');
  });

  it('leaves clients out, as the missing-timeout rule does: they are outside the design', () => {
    const direct = designFromYaml(`
signalbox: 1
name: Direct
nodes:
  web: { kind: client, name: Web }
  api: { kind: service, name: API }
links:
  - { from: web, to: api, kind: sync }
`);
    const { explanations } = simulate(direct, ['api']);
    expect(explanations.web).toBe('Web -> API has no circuit breaker fallback and API is down');
  });

  it('says nothing about timeouts when every link in the chain has one', () => {
    const { explanations } = simulate(shop, ['orderdb']);
    expect(explanations.order).not.toContain('timeout');
    expect(explanations.web).not.toContain('timeout');
  });
});

describe('rule 6: the worst state wins', () => {
  const mixed = designFromYaml(`
signalbox: 1
name: Mixed
nodes:
  web: { kind: client, name: Web }
  search: { kind: service, name: Search }
  index: { kind: service, name: Index }
  bus: { kind: broker, name: Bus }
links:
  - { from: web, to: search, kind: sync }
  - { from: search, to: index, kind: sync, breaker: { fallback: stale results } }
  - { from: search, to: bus, kind: sync }
  - { from: bus, to: search, kind: async, channel: reindex }
  - { from: index, to: bus, kind: async, channel: reindex }
`);

  it('failed beats lagging and degraded on the same node', () => {
    const result = simulate(mixed, ['bus']);
    expect(result.states.search).toBe('failed');
    expect(result.states.index).toBe('failed');
  });

  it('degraded beats lagging', () => {
    const both = designFromYaml(`
signalbox: 1
name: Both
nodes:
  web: { kind: client, name: Web }
  feed: { kind: service, name: Feed }
  bus: { kind: broker, name: Bus }
links:
  - { from: web, to: feed, kind: sync }
  - { from: feed, to: bus, kind: sync, breaker: { fallback: last page } }
  - { from: bus, to: feed, kind: async, channel: posts }
`);
    expect(simulate(both, ['bus']).states.feed).toBe('degraded');
  });

  it('a node taken down stays down even when its callee is down too', () => {
    expect(simulate(shop, ['order', 'payment']).states).toMatchObject({ order: 'down', payment: 'down', gateway: 'failed' });
  });
});

describe('entry points, availability and latency', () => {
  const figures = designFromYaml(`
signalbox: 1
name: Figures
nodes:
  web: { kind: client, name: Web }
  gateway: { kind: gateway, name: API Gateway, availability: 99.99, latencyMs: 5 }
  order: { kind: service, name: Order, availability: 99.9, latencyMs: 40 }
  payment: { kind: service, name: Payment, availability: 99.5, latencyMs: 100 }
  catalog: { kind: service, name: Catalog, availability: 99.0, latencyMs: 300 }
  quiet: { kind: service, name: Quiet }
links:
  - { from: web, to: gateway, kind: sync }
  - { from: gateway, to: order, kind: sync }
  - { from: order, to: payment, kind: sync }
  - { from: gateway, to: catalog, kind: sync, breaker: { fallback: cached catalog } }
  - { from: order, to: quiet, kind: async }
`);

  it('multiplies the stated availabilities of sync dependencies without a fallback, leaving the entry out', () => {
    const { availability } = simulate(figures, []);
    // Web: gateway x order x payment (catalog is behind a fallback).
    expect(availability.web).toBeCloseTo(99.99 * 0.999 * 0.995, 4);
    // The gateway's own 99.99 is its target, not a factor.
    expect(availability.gateway).toBeCloseTo(99.9 * 0.995, 4);
  });

  it('gives no availability where nothing is stated', () => {
    const bare = designFromYaml(`
signalbox: 1
name: Bare
nodes:
  web: { kind: client, name: Web }
  api: { kind: service, name: API }
links:
  - { from: web, to: api, kind: sync }
`);
    expect(simulate(bare, []).availability).toEqual({});
    expect(simulate(bare, []).latencyMs).toEqual({});
  });

  it('worst-case latency is the critical path over sync links, fallback links included', () => {
    const { latencyMs } = simulate(figures, []);
    expect(latencyMs).toEqual({ web: 305, gateway: 305 });
  });

  it('is the longest path, not the sum of everything reachable', () => {
    const fan = designFromYaml(`
signalbox: 1
name: Fan
nodes:
  web: { kind: client, name: Web }
  a: { kind: service, name: A, latencyMs: 10 }
  b: { kind: service, name: B, latencyMs: 30 }
  c: { kind: service, name: C, latencyMs: 20 }
links:
  - { from: web, to: a, kind: sync }
  - { from: web, to: b, kind: sync }
  - { from: a, to: c, kind: sync }
`);
    expect(simulate(fan, []).latencyMs).toEqual({ web: 30 });
  });

  it('entry points are clients and gateways, each with the state that reached it', () => {
    const result = simulate(figures, ['payment']);
    expect(result.entries).toEqual({ web: 'failed', gateway: 'failed' });
    expect(simulate(figures, ['catalog']).entries).toEqual({ web: 'degraded', gateway: 'degraded' });
  });

  it('without clients or gateways, services with no incoming sync link are the entry points', () => {
    const headless = designFromYaml(`
signalbox: 1
name: Headless
nodes:
  front: { kind: service, name: Front }
  worker: { kind: service, name: Worker }
  back: { kind: service, name: Back }
links:
  - { from: front, to: back, kind: sync }
  - { from: front, to: worker, kind: async }
`);
    // rules.md, literally: the async-only worker has no incoming sync link either.
    expect(simulate(headless, ['back']).entries).toEqual({ front: 'failed', worker: 'ok' });
  });
});

describe('scenario input', () => {
  it('lists every node in states, even with nothing down', () => {
    const result = simulate(shop, []);
    expect(Object.keys(result.states)).toEqual(Object.keys(shop.nodes));
    expect(Object.values(result.states).every((s) => s === 'ok')).toBe(true);
    expect(result.explanations).toEqual({});
  });

  it('throws a typed error naming the unknown and the known ids', () => {
    let error: unknown;
    try {
      simulate(shop, ['payment', 'nope']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownNodeError);
    expect((error as UnknownNodeError).unknownIds).toEqual(['nope']);
    expect((error as UnknownNodeError).knownIds).toContain('payment');
    expect((error as UnknownNodeError).message).toContain('known ids: web, gateway, order');
  });

  it('does not reuse a stale index after the design is replaced', () => {
    const edited = {
      ...shop,
      links: shop.links.map((l) => (l.to === 'payment' ? { ...l, breaker: { fallback: 'pay later' } } : l)),
    };
    expect(simulate(shop, ['payment']).states.order).toBe('failed');
    expect(simulate(edited, ['payment']).states.order).toBe('degraded');
  });
});

describe('getEntryPoints', () => {
  it('lists clients and gateways in design order', () => {
    expect(getEntryPoints(shop)).toEqual(['web', 'gateway']);
  });
});
