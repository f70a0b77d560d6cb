import { describe, expect, it } from 'vitest';
import { getFixture } from '../fixtures/index';
import { getTemplate } from '../templates/index';
import { blastRadius } from './blastRadius';
import { simulate } from './simulate';
import { designFromYaml } from './testDesign';

/** The templates and fixtures behave as their architecture dictates: the stories they are built to tell. */
describe('food delivery template', () => {
  const design = designFromYaml(getTemplate('food-delivery')!.yaml);

  it('Payment down: the order path is cut, but the fallback ("refuse the order") keeps it answering', () => {
    const result = simulate(design, ['payment']);
    // order->payment has a breaker with a fallback, so Order is degraded, not failed (rule 1).
    expect(result.states).toMatchObject({ payment: 'down', order: 'degraded', gateway: 'degraded', customer: 'degraded' });
    expect(result.explanations.customer).toBe(
      'Customer app -> API Gateway -> Order is degraded: Order -> Payment falls back to "refuse the order: payments are unavailable" while Payment is down',
    );
    // Nothing async depends on Payment publishing, and its callees are untouched.
    expect(result.states).toMatchObject({ stripe: 'ok', kafka: 'ok', restaurant: 'ok', notification: 'ok' });
  });

  it('Kafka down: the publishers with an outbox are degraded, the consumers lag, nothing fails', () => {
    const result = simulate(design, ['kafka']);
    expect(result.states).toMatchObject({
      order: 'degraded',
      restaurant: 'degraded',
      delivery: 'degraded',
      payment: 'lagging',
      notification: 'lagging',
    });
    expect(Object.values(result.states)).not.toContain('failed');
    expect(result.explanations.order).toMatch(/^Order publishes order.placed to Kafka through its outbox/);
  });

  it('Restaurant down: everything that waits for its order.accepted and order.rejected lags', () => {
    const result = simulate(design, ['restaurant']);
    expect(result.states).toMatchObject({ order: 'lagging', delivery: 'lagging', notification: 'lagging', payment: 'lagging' });
    // The restaurant dashboard reaches it through a fallback: degraded, not failed.
    expect(result.entries.restaurantApp).toBe('degraded');
  });

  it('Twilio down fails Notification (no breaker) but no entry point: events isolate it', () => {
    const result = simulate(design, ['twilio']);
    expect(result.states.notification).toBe('failed');
    expect(Object.values(result.entries).every((s) => s === 'ok')).toBe(true);
  });

  it('states the critical path: customer -> gateway -> order -> payment -> stripe', () => {
    // Order 40 + Payment 60 + Stripe 400 (the gateway and the clients state none).
    expect(simulate(design, []).latencyMs.customer).toBe(500);
  });

  it('the gateway has the largest blast radius', () => {
    const [first] = blastRadius(design);
    expect(first).toMatchObject({ node: 'gateway', failed: 4 });
  });
});

describe('e-commerce template', () => {
  const design = designFromYaml(getTemplate('ecommerce')!.yaml);

  it('Kafka down: Order publishes without an outbox and fails; Inventory has one and is degraded', () => {
    const result = simulate(design, ['kafka']);
    expect(result.states).toMatchObject({ order: 'failed', inventory: 'degraded', gateway: 'degraded', web: 'degraded' });
    expect(result.explanations.order).toBe('Order publishes order.placed to Kafka without an outbox and Kafka is down');
  });

  it('Inventory DB down fails the shop: the gateway calls Inventory with no breaker', () => {
    const result = simulate(design, ['inventorydb']);
    expect(result.entries).toEqual({ web: 'failed', gateway: 'failed' });
    expect(result.explanations.web).toMatch(
      /^Web shop -> API Gateway -> Inventory fails: Inventory -> Inventory DB has no circuit breaker fallback/,
    );
  });
});

describe('Sock Shop fixture', () => {
  const design = designFromYaml(getFixture('sock-shop')!.yaml);

  it('RabbitMQ down: shipping publishes without an outbox, so placing an order fails all the way up', () => {
    const result = simulate(design, ['rabbitmq']);
    expect(result.states).toMatchObject({
      shipping: 'failed',
      orders: 'failed',
      frontEnd: 'failed',
      browser: 'failed',
      queueMaster: 'lagging',
    });
    expect(result.explanations.frontEnd).toBe(
      "front-end -> orders -> shipping fails: shipping publishes shipping-task to RabbitMQ without an outbox and RabbitMQ is down; front-end -> orders has no timeout: front-end's threads hang waiting and the outage can take down everything front-end serves",
    );
  });

  it('no breaker anywhere: every node but queue-master fails the browser', () => {
    const rows = blastRadius(design);
    expect(rows.filter((r) => r.failed === 0).map((r) => r.node)).toEqual(['queueMaster']);
    expect(rows.every((r) => r.degraded === 0)).toBe(true);
  });
});

describe('Online Boutique fixture', () => {
  const design = designFromYaml(getFixture('online-boutique')!.yaml);

  it('productcatalogservice down fails its three callers and the browser, with the untimed calls called out', () => {
    const result = simulate(design, ['productCatalog']);
    expect(result.states).toMatchObject({
      frontEnd: 'failed',
      recommendation: 'failed',
      checkout: 'failed',
      browser: 'failed',
      cart: 'ok',
    });
    expect(result.explanations.recommendation).toContain('recommendationservice -> productcatalogservice has no timeout');
  });

  it('the one deadline (frontend -> adservice, 100 ms) is not called out', () => {
    const result = simulate(design, ['ad']);
    expect(result.states.frontEnd).toBe('failed');
    expect(result.explanations.frontEnd).not.toContain('timeout');
  });

  it('all gRPC, no events: nothing ever lags', () => {
    expect(blastRadius(design).every((r) => r.lagging === 0 && r.affected.lagging === 0)).toBe(true);
  });
});

describe('FTGO fixture (clean saga design)', () => {
  const design = designFromYaml(getFixture('ftgo')!.yaml);

  it('only the edge fails an entry point: every call behind the gateway has a fallback', () => {
    const failing = blastRadius(design).filter((r) => r.failed > 0);
    expect(failing.map((r) => r.node).sort()).toEqual(['apiGateway', 'consumerApp', 'restaurantApp']);
  });

  it('Kafka down: every publisher has an outbox, so nothing fails', () => {
    const result = simulate(design, ['kafka']);
    expect(Object.values(result.states)).not.toContain('failed');
    expect(result.states).toMatchObject({ order: 'degraded', kitchen: 'degraded', consumerApp: 'degraded' });
  });
});
