import { describe, expect, it } from 'vitest';
import type { Design, Finding } from '../model/types';
import { readDesign } from '../format/read';
import { FIXTURES } from '../fixtures/index';
import { TEMPLATES } from '../templates/index';
import { lintDesign } from './engine';

/**
 * The fixtures and templates say in their YAML headers what the rules should find there; these
 * tests hold the engine to those claims (a claim the engine disagrees with is raised, not edited).
 */
function lint(yaml: string): { design: Design; findings: Finding[] } {
  const result = readDesign(yaml);
  if (!result.design) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return { design: result.design, findings: lintDesign(result.design) };
}

function yamlOf(id: string): string {
  const source = FIXTURES.find((f) => f.id === id) ?? TEMPLATES.find((t) => t.id === id);
  if (!source) throw new Error(`no fixture or template "${id}"`);
  return source.yaml;
}

/** `severity rule` -> link ids, for the claims below. */
function linksBy(findings: Finding[], rule: string, severity?: string): string[] {
  return findings.filter((f) => f.rule === rule && (!severity || f.severity === severity)).flatMap((f) => f.links);
}

describe('Sock Shop', () => {
  const { design, findings } = lint(yamlOf('sock-shop'));

  it('finds the queue-master consumer with no dead-letter channel and no idempotency', () => {
    expect(linksBy(findings, 'missing-dlq', 'error')).toEqual(['rabbitmq->queueMaster:shipping-task']);
    expect(linksBy(findings, 'non-idempotent-consumer', 'error')).toEqual(['rabbitmq->queueMaster:shipping-task']);
    expect(findings.find((f) => f.rule === 'missing-dlq')!.message).toBe(
      `${design.nodes.queueMaster!.name} consumes shipping-task with no dead-letter channel`,
    );
  });

  it('finds the calls without timeouts the header lists', () => {
    expect(linksBy(findings, 'missing-timeout', 'error').sort()).toEqual(
      [
        'frontEnd->catalogue',
        'frontEnd->carts',
        'frontEnd->orders',
        'frontEnd->user',
        'frontEnd->sessionDb',
        'catalogue->catalogueDb',
        'carts->cartsDb',
        'orders->ordersDb',
        'user->userDb',
      ].sort(),
    );
  });

  it('finds the 4-hop sync chain, the missing gateway and the unversioned event', () => {
    const chain = findings.filter((f) => f.rule === 'sync-chain-depth');
    expect(chain.map((f) => [f.severity, f.nodes])).toEqual([['warning', ['browser', 'frontEnd', 'orders', 'user', 'userDb']]]);
    expect(linksBy(findings, 'no-api-gateway', 'warning')).toEqual(['browser->frontEnd']);
    expect(linksBy(findings, 'unversioned-event', 'warning')).toEqual(['shipping->rabbitmq:shipping-task']);
  });

  it('breakers: every front-end and orders call to a service; versions: info only for payment and shipping', () => {
    const serviceCalls = design.links
      .filter(
        (l) => l.kind === 'sync' && (l.from === 'frontEnd' || l.from === 'orders') && design.nodes[l.to]!.kind === 'service',
      )
      .map((l) => `${l.from}->${l.to}`);
    expect(linksBy(findings, 'missing-circuit-breaker', 'warning').sort()).toEqual(serviceCalls.sort());
    expect(linksBy(findings, 'unversioned-api', 'info').sort()).toEqual(['orders->payment', 'orders->shipping']);
    expect(linksBy(findings, 'unversioned-api', 'warning')).toContain('frontEnd->catalogue');
  });
});

describe('Online Boutique', () => {
  const { design, findings } = lint(yamlOf('online-boutique'));

  it('every sync call from a service lacks a timeout except frontend->ad', () => {
    const expected = design.links
      .filter((l) => l.kind === 'sync' && design.nodes[l.from]!.kind === 'service' && `${l.from}->${l.to}` !== 'frontEnd->ad')
      .map((l) => `${l.from}->${l.to}`);
    expect(linksBy(findings, 'missing-timeout', 'error').sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(14);
  });

  it('finds the 4-hop chain through checkout and the bulkhead gaps of frontend and checkout', () => {
    expect(findings.filter((f) => f.rule === 'sync-chain-depth').map((f) => f.nodes)).toEqual([
      ['browser', 'frontEnd', 'checkout', 'cart', 'redisCart'],
    ]);
    expect(findings.filter((f) => f.rule === 'missing-bulkhead').map((f) => [f.severity, f.nodes[0], f.links.length])).toEqual([
      ['info', 'frontEnd', 7],
      ['info', 'checkout', 6],
    ]);
    expect(linksBy(findings, 'no-api-gateway')).toEqual(['browser->frontEnd']);
  });

  it('flags every gRPC link as unversioned', () => {
    const grpc = design.links.filter((l) => l.protocol === 'grpc').map((l) => `${l.from}->${l.to}`);
    expect(
      linksBy(findings, 'unversioned-api')
        .filter((id) => grpc.includes(id))
        .sort(),
    ).toEqual([...grpc].sort());
  });
});

describe('FTGO (the clean saga design)', () => {
  it('gives no error at all', () => {
    const { design, findings } = lint(yamlOf('ftgo'));
    expect(design.flows?.some((f) => f.saga)).toBe(true);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('templates', () => {
  it('food delivery: the gateway’s timeout is shorter than Order’s worst case, and the header’s warnings', () => {
    const { findings } = lint(yamlOf('food-delivery'));
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.links])).toEqual([
      ['timeout-budget', ['gateway->order']],
    ]);
    expect(findings.find((f) => f.rule === 'timeout-budget')!.message).toMatch(
      /waits 4000 ms for Order, but Order can take up to 5\d{3} ms/,
    );
    expect(linksBy(findings, 'missing-circuit-breaker', 'warning')).toEqual(['notification->twilio']);
    expect(findings.filter((f) => f.rule === 'single-point-of-failure').map((f) => f.nodes)).toEqual([['user']]);
    const chains = findings.filter((f) => f.rule === 'sync-chain-depth');
    expect(chains.map((f) => [f.severity, f.nodes[0], f.links.length])).toContainEqual(['warning', 'customer', 4]);
  });

  it('e-commerce: the header’s error and warnings', () => {
    const { findings } = lint(yamlOf('ecommerce'));
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.links])).toEqual([
      ['missing-dlq', ['kafka->order:inventory.updated']],
    ]);
    expect(linksBy(findings, 'missing-circuit-breaker', 'warning')).toEqual(['gateway->inventory']);
    expect(findings.filter((f) => f.rule === 'dual-write').map((f) => f.nodes[0])).toEqual(['order']);
    expect(linksBy(findings, 'retry-without-backoff', 'warning')).toEqual(['kafka->inventory:order.placed']);
    expect(findings.filter((f) => f.rule === 'sync-chain-depth').map((f) => f.nodes)).toEqual([
      ['web', 'gateway', 'order', 'user', 'userdb'],
    ]);
  });
});
