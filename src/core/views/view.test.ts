import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Design } from '../model/types';
import { validateDesign } from '../model/validate';
import { readDesign } from '../format/read';
import { writeDesignYaml } from '../format/write';
import { encodeShareFragment, decodeShareFragment } from '../share/codec';
import { mermaidFlowchart } from '../export/mermaidFlowchart';
import { designForView, getFocusNodes, isEmptyView, projectView, withExplicitCollapsed } from './view';

const shop: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    web: { kind: 'client', name: 'Web' },
    gw: { kind: 'gateway', name: 'Gateway', team: 'edge' },
    order: { kind: 'service', name: 'Order', group: 'ordering', team: 'orders', tags: ['core'] },
    cart: { kind: 'service', name: 'Cart', group: 'ordering', team: 'orders' },
    pay: { kind: 'service', name: 'Payment', group: 'payments', team: 'money', tags: ['pci'] },
    ledger: { kind: 'service', name: 'Ledger', group: 'payments', team: 'money' },
    bus: { kind: 'broker', name: 'Kafka' },
    db: { kind: 'database', name: 'Orders DB', group: 'ordering', team: 'orders' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
    { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest' },
    { from: 'gw', to: 'cart', kind: 'sync', protocol: 'grpc' },
    { from: 'order', to: 'cart', kind: 'sync', protocol: 'grpc' },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql' },
    { from: 'order', to: 'pay', kind: 'sync', protocol: 'grpc' },
    { from: 'cart', to: 'pay', kind: 'sync', protocol: 'grpc' },
    { from: 'pay', to: 'ledger', kind: 'sync', protocol: 'rest' },
    { from: 'order', to: 'bus', kind: 'async', channel: 'order.created' },
    { from: 'bus', to: 'pay', kind: 'async', channel: 'order.created' },
  ],
};

describe('projectView', () => {
  it('draws everything for an empty view', () => {
    const p = projectView(shop, {});
    expect(p.nodes).toEqual(Object.keys(shop.nodes));
    expect(p.links).toHaveLength(shop.links.length);
    expect(p.aggregates).toEqual([]);
    expect(isEmptyView({})).toBe(true);
    expect(isEmptyView({ kinds: ['service'] })).toBe(false);
  });

  it('collapses groups into one node each, rolling up the links between them', () => {
    const p = projectView(shop, { level: 'groups' });
    expect(p.nodes).toEqual(['web', 'gw', 'bus']);
    const byId = Object.fromEntries(p.aggregates.map((a) => [a.id, a]));
    expect(byId['group:ordering']!.members).toEqual(['order', 'cart', 'db']);
    // order->cart and order->db stay inside ordering
    expect(byId['group:ordering']!.innerLinks).toBe(2);
    expect(byId['group:payments']!.innerLinks).toBe(1);
    const rolled = Object.fromEntries(p.rolledUp.map((r) => [`${r.from} ${r.to}`, r]));
    expect(rolled['gw group:ordering']).toMatchObject({ sync: 2, async: 0 });
    expect(rolled['group:ordering group:payments']).toMatchObject({ sync: 2, async: 0 });
    expect(rolled['group:ordering bus']).toMatchObject({ sync: 0, async: 1 });
    expect(rolled['bus group:payments']).toMatchObject({ async: 1 });
    // web->gw is between drawn nodes: it stays a plain link
    expect(p.links.map((l) => `${l.from}->${l.to}`)).toEqual(['web->gw']);
  });

  it('expands one group in place while the others stay collapsed', () => {
    const spec = withExplicitCollapsed(shop, { level: 'groups' });
    expect(spec.collapsed).toEqual(['ordering', 'payments']);
    const p = projectView(shop, { ...spec, collapsed: ['payments'] });
    expect(p.nodes).toContain('order');
    expect(p.aggregates.map((a) => a.id)).toEqual(['group:payments']);
    expect(p.rolledUp.find((r) => r.from === 'order' && r.to === 'group:payments')?.sync).toBe(1);
  });

  it('collapses teams as the second grouping and carries the worst finding', () => {
    const p = projectView(shop, { level: 'teams' }, { worstByNode: { ledger: 'warning', pay: 'error' }, worstByLink: {} });
    const money = p.aggregates.find((a) => a.id === 'team:money')!;
    expect(money.members).toEqual(['pay', 'ledger']);
    expect(money.worst).toBe('error');
    expect(p.aggregates.map((a) => a.id)).toEqual(['team:edge', 'team:orders', 'team:money']);
  });

  it('places an aggregate at the centre of its members', () => {
    const placed: Design = {
      ...shop,
      nodes: { ...shop.nodes, pay: { ...shop.nodes.pay!, at: [100, 0] }, ledger: { ...shop.nodes.ledger!, at: [300, 200] } },
    };
    expect(projectView(placed, { level: 'groups' }).aggregates.find((a) => a.key === 'payments')?.at).toEqual([200, 100]);
  });

  it('filters by kind, team, tag, protocol and severity', () => {
    expect(projectView(shop, { kinds: ['service'] }).nodes).toEqual(['order', 'cart', 'pay', 'ledger']);
    expect(projectView(shop, { teams: ['money'] }).nodes).toEqual(['pay', 'ledger']);
    expect(projectView(shop, { tags: ['pci', 'core'] }).nodes).toEqual(['order', 'pay']);
    const grpc = projectView(shop, { protocols: ['grpc'] });
    expect(grpc.links.every((l) => l.protocol === 'grpc')).toBe(true);
    expect(grpc.links).toHaveLength(4);
    expect(projectView(shop, { protocols: ['async'] }).links.every((l) => l.kind === 'async')).toBe(true);
    const findings = {
      worstByNode: { pay: 'error' as const, cart: 'info' as const },
      worstByLink: { 'gw->order': 'warning' as const },
    };
    expect(projectView(shop, { severity: 'warning' }, findings).nodes).toEqual(['gw', 'order', 'pay']);
    expect(projectView(shop, { severity: 'info' }, findings).nodes).toEqual(['gw', 'order', 'cart', 'pay']);
    expect(projectView(shop, { severity: 'error' }, findings).hidden).toBe(7);
  });

  it('a near miss of a filter hides nothing it should keep', () => {
    // a node without a team never passes a team filter; a node with one passes only its own
    expect(projectView(shop, { teams: ['orders'] }).nodes).not.toContain('web');
    expect(projectView(shop, { teams: ['orders'] }).nodes).toEqual(['order', 'cart', 'db']);
  });
});

describe('focus', () => {
  it('follows links upstream, downstream or both, N hops', () => {
    expect([...getFocusNodes(shop, { node: 'order', hops: 1, direction: 'downstream' })].sort()).toEqual(
      ['bus', 'cart', 'db', 'order', 'pay'].sort(),
    );
    expect([...getFocusNodes(shop, { node: 'order', hops: 1, direction: 'upstream' })].sort()).toEqual(['gw', 'order']);
    expect([...getFocusNodes(shop, { node: 'order', hops: 2, direction: 'upstream' })].sort()).toEqual(['gw', 'order', 'web']);
    expect(getFocusNodes(shop, { node: 'order', hops: 0 }).size).toBe(1);
    expect(getFocusNodes(shop, { node: 'nope', hops: 3 }).size).toBe(0);
    expect(projectView(shop, { focus: { node: 'ledger', hops: 1 } }).nodes).toEqual(['pay', 'ledger']);
  });
});

describe('views in the format', () => {
  const withViews: Design = {
    ...shop,
    views: {
      payments: { teams: ['money'], level: 'services' },
      'around order': { focus: { node: 'order', hops: 2, direction: 'both' } },
      overview: { level: 'groups', collapsed: ['ordering'] },
    },
  };

  it('validates, and names what is wrong', () => {
    expect(validateDesign(withViews).design).toBeDefined();
    const bad = validateDesign({ ...shop, views: { x: { level: 'galaxy', focus: { node: 'order', hops: -1 } } } });
    expect(bad.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'views.x.level: expected one of services, groups, teams',
      'views.x.focus.hops: expected a whole number >= 0',
    ]);
    const stale = validateDesign({ ...shop, views: { x: { focus: { node: 'gone', hops: 1 } } } });
    expect(stale.design).toBeDefined();
    expect(stale.issues).toEqual([expect.objectContaining({ severity: 'warning', path: 'views.x.focus.node' })]);
  });

  it('round-trips through YAML and a share link', () => {
    const yaml = writeDesignYaml(withViews);
    const read = readDesign(yaml, 'yaml');
    expect(read.design?.views).toEqual(withViews.views);
    const decoded = decodeShareFragment(encodeShareFragment(withViews));
    expect(decoded.ok && decoded.design.views).toEqual(withViews.views);
  });

  it('exports a view as Mermaid with groups as one node each', () => {
    const d = designForView(withViews, { level: 'groups' });
    expect(Object.keys(d.nodes)).toEqual(['web', 'gw', 'bus', 'group-ordering', 'group-payments']);
    expect(d.nodes['group-ordering']!.name).toBe('ordering (group, 3)');
    expect(validateDesign(d).design).toBeDefined();
    const text = mermaidFlowchart(d);
    expect(text).toContain('ordering (group, 3)');
    expect(text).not.toContain('Cart');
  });
});

describe('projectView on any design', () => {
  const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
  const designArb = fc
    .uniqueArray(idArb, { minLength: 1, maxLength: 25 })
    .chain((ids) =>
      fc.record({
        ids: fc.constant(ids),
        groups: fc.array(fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
        edges: fc.array(fc.tuple(fc.nat(ids.length - 1), fc.nat(ids.length - 1), fc.boolean()), { maxLength: 60 }),
      }),
    )
    .map(({ ids, groups, edges }): Design => {
      const seen = new Set<string>();
      return {
        signalbox: 1,
        name: 'x',
        nodes: Object.fromEntries(ids.map((id, i) => [id, { kind: 'service' as const, name: id, group: groups[i] }])),
        links: edges
          .map(([a, b, sync]) => ({ from: ids[a]!, to: ids[b]!, kind: sync ? ('sync' as const) : ('async' as const) }))
          .filter((l) => l.from !== l.to && !seen.has(`${l.from}->${l.to}`) && !!seen.add(`${l.from}->${l.to}`)),
      };
    });

  it('accounts for every node and every link exactly once', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const p = projectView(design, { level: 'groups' });
        const members = p.aggregates.flatMap((a) => a.members);
        expect(new Set([...p.nodes, ...members]).size).toBe(Object.keys(design.nodes).length);
        expect(p.nodes.length + members.length).toBe(Object.keys(design.nodes).length);
        const inner = p.aggregates.reduce((n, a) => n + a.innerLinks, 0);
        const rolled = p.rolledUp.reduce((n, r) => n + r.links.length, 0);
        expect(p.links.length + inner + rolled).toBe(design.links.length);
        expect(validateDesign(designForView(design, { level: 'groups' })).design).toBeDefined();
      }),
    );
  });
});

describe('view links', () => {
  it('carry a view name after the fragment, and read back without it', async () => {
    const { addViewName, splitViewName } = await import('./viewLink');
    const url = addViewName('http://x/#s1.abc_-', 'pay & "ments"');
    expect(url).toBe('http://x/#s1.abc_-&view=pay%20%26%20%22ments%22');
    expect(splitViewName(url.slice(url.indexOf('#') + 1))).toEqual({ fragment: 's1.abc_-', viewName: 'pay & "ments"' });
    expect(splitViewName('s1.abc')).toEqual({ fragment: 's1.abc', viewName: null });
    expect(splitViewName('s1.abc&view=%E0%A4%A')).toEqual({ fragment: 's1.abc', viewName: null });
  });

  it('carry hidden badges beside a view name, in either order', async () => {
    const { addBadgesHidden, addViewName, splitViewLinkOptions } = await import('./viewLink');
    const url = addBadgesHidden(addViewName('http://x/#s1.abc', 'pay'), true);
    expect(url).toBe('http://x/#s1.abc&view=pay&badges=off');
    expect(addBadgesHidden('http://x/#s1.abc', false)).toBe('http://x/#s1.abc');
    expect(splitViewLinkOptions('s1.abc&view=pay&badges=off')).toEqual({
      fragment: 's1.abc',
      viewName: 'pay',
      badgesHidden: true,
    });
    expect(splitViewLinkOptions('s1.abc&badges=off&view=pay')).toEqual({
      fragment: 's1.abc',
      viewName: 'pay',
      badgesHidden: true,
    });
    expect(splitViewLinkOptions('s1.abc&view=pay')).toEqual({ fragment: 's1.abc', viewName: 'pay', badgesHidden: false });
    expect(splitViewLinkOptions('s1.abc&badges=on')).toEqual({ fragment: 's1.abc', viewName: null, badgesHidden: false });
  });
});
