import { describe, expect, it } from 'vitest';
import { deepEqual } from '../model/equal';
import type { Design } from '../model/types';
import { splitViewName } from '../views/viewLink';
import { CM_MAX_BYTES, decodeShareFragment, encodeShareFragment, extractFragment, type ShareDecodeResult } from './codec';
import { packDesign } from './compact';
import { textToFrame } from './frame';
import { decryptShareFragment } from './protect';

/**
 * Golden links: one committed link for every body variant the format has (context-mixed and
 * deflated bodies, edit and view mode, a view link naming a view, passphrase-protected bodies).
 * Links users already shared must keep opening, to exactly the design they were made from, in
 * every later build. Made once, with the encoders of commit 1736a67 (December 2026, before the
 * codec's one varint); never regenerate them: if one of these fails, the change broke links in the
 * wild (make it `s2.` instead, and keep s1 readable). The `p1.` links' passphrase is PASSPHRASE.
 */
/** A small shop with every kind of node and link, every optional block, a flow, rules, views, unicode and an unknown key. */
const SHOP = {
  signalbox: 1,
  name: 'Café ☕ orders',
  description: 'Orders, payments and the "shop" front: a fixed design for golden links.',
  owner: 'platform team',
  nodes: {
    web: { kind: 'client', name: 'Web & mobile apps', at: [0, 160] },
    gateway: { kind: 'gateway', name: 'API Gateway', auth: 'jwt', rateLimitRps: 2000, at: [200, 160] },
    order: {
      kind: 'service',
      name: 'Order',
      team: 'ordering',
      group: 'ordering',
      replicas: 3,
      availability: 99.9,
      latencyMs: 40,
      tags: ['core', 'pci'],
      notes: 'Owns orders; émigré names and emoji 🍕 survive.',
      at: [420, 160],
    },
    payment: { kind: 'service', name: 'Payment', team: 'payments', group: 'billing', replicas: 2, at: [640, 60] },
    bus: { kind: 'broker', name: 'Kafka', tech: 'kafka', at: [640, 260] },
    orderdb: { kind: 'database', name: 'Orders DB', tech: 'postgres', at: [420, 360] },
    stripe: { kind: 'external', name: 'Stripe', at: [860, 60] },
  },
  links: [
    { from: 'web', to: 'gateway', kind: 'sync', protocol: 'rest' },
    {
      from: 'gateway',
      to: 'order',
      kind: 'sync',
      protocol: 'rest',
      version: 'v1',
      operations: ['POST /orders', 'GET /orders/{id}'],
      timeoutMs: 2000,
      retry: { max: 2, backoff: 'exponential', jitter: true, baseMs: 100 },
      breaker: { failureRatePct: 50, openMs: 30000, fallback: 'cached order list' },
      bulkhead: { maxConcurrent: 50 },
    },
    { from: 'order', to: 'orderdb', kind: 'sync', protocol: 'sql' },
    {
      from: 'order',
      to: 'bus',
      kind: 'async',
      channel: 'order.created',
      message: {
        name: 'OrderCreated',
        version: 1,
        schema: { type: 'object', properties: { orderId: { type: 'string' }, total: { type: 'number' } } },
      },
    },
    {
      from: 'bus',
      to: 'payment',
      kind: 'async',
      channel: 'order.created',
      delivery: 'at-least-once',
      idempotent: true,
      dlq: 'order.created.dlq',
      consumerGroup: 'payment',
      retry: { max: 5, backoff: 'exponential', jitter: true },
    },
    { from: 'payment', to: 'stripe', kind: 'sync', protocol: 'grpc', timeoutMs: 3000, idempotent: true },
  ],
  flows: [
    {
      name: 'Place order',
      saga: 'choreography',
      steps: [
        { link: 'gateway->order', compensation: 'cancel order' },
        { link: 'order->bus:order.created' },
        { link: 'bus->payment:order.created', pivot: true },
        { link: 'payment->stripe' },
      ],
    },
  ],
  rules: { 'sync-chain-depth': { max: 3 }, 'hub-service': 'off' },
  views: {
    payments: { teams: ['payments'] },
    'around order': { focus: { node: 'order', hops: 1 } },
  },
} as unknown as Design;

/** A compact form past CM_MAX_BYTES (128 KB), so its links take the deflate path. */
const BIG = {
  signalbox: 1,
  name: 'Big design',
  description: 'Orders, payments and delivery tracking. '.repeat(3400),
  nodes: {
    order: { kind: 'service', name: 'Order', at: [0, 0] },
    bus: { kind: 'broker', name: 'Kafka' },
  },
  links: [{ from: 'order', to: 'bus', kind: 'async', channel: 'order.created' }],
} as unknown as Design;

const PASSPHRASE = 'correct horse 🐎';

const GOLDEN = {
  /** context-mixed body, edit mode */
  cmEdit:
    's1.tgIpZKEUNgC5Ckg57vqZY6fJnKT8Z-Lf_qnnzodK9GC7mpksQOGqblch_9V4cspfVcX-pynZSb3rqZiqf1QfrxPegTmKclpdJhMrnYW6-1suy0nxHgnS2yRSs-3orenJfFeH3objCd2am59PZdCXku0_XMiC-ocqk-v45xqMD_t1c02CMbPnUhSwCyGzAoJR9gmNylOaTbYGU8EkBwYHOMgsCWFjS0Xd1FnPZb7gPoKGLAvHEJ0FgU44zb0IyvsvsZAIa_0n7eJzEk03KxBYT8gcOmvmpB2YfUpylu0uN34uIAV1ulTsNaPbZvtCc10UlqrUb5-oKnA9goQaicj9P8tive286ghyA7c-2PoICiBmFsGZpiRntiEpyixADxe8OxveZg7mv-eAJFc-trtrL0FFHjHOshIIp7d64sY',
  /** context-mixed body, view mode */
  cmView:
    's1.tgLeM4O5aAG5Ckg57vqZY6fJnKT8Z-Lf_qnnzodK9GC7mpksQOGqblch_9V4cspfVcX-pynZSb3rqZiqf1QfrxPegTmKclpdJhMrnYW6-1suy0nxHgnS2yRSs-3orenJfFeH3objCd2am59PZdCXku0_XMiC-ocqk-v45xqMD_t1c02CMbPnUhSwCyGzAoJR9gmNylOaTbYGU8EkBwYHOMgsCWFjS0Xd1FnPZb7gPoKGLAvHEJ0FgU44zb0IyvsvsZAIa_0n7eJzEk03KxBYT8gcOmvmpB2YfUpylu0uN34uIAV1ulTsNaPbZvtCc10UlqrUb5-oKnA9goQaicj9P8tive286ghyA7c-2PoICiBmFsGZpiRntiEpyixADxe8OxveZg7mv-eAJFc-trtrL0FFHjHOshIIp7d64sY',
  /** view link naming a view (&view=), as a whole URL */
  namedView:
    'https://signalbox.example/app/#s1.tgLeM4O5aAG5Ckg57vqZY6fJnKT8Z-Lf_qnnzodK9GC7mpksQOGqblch_9V4cspfVcX-pynZSb3rqZiqf1QfrxPegTmKclpdJhMrnYW6-1suy0nxHgnS2yRSs-3orenJfFeH3objCd2am59PZdCXku0_XMiC-ocqk-v45xqMD_t1c02CMbPnUhSwCyGzAoJR9gmNylOaTbYGU8EkBwYHOMgsCWFjS0Xd1FnPZb7gPoKGLAvHEJ0FgU44zb0IyvsvsZAIa_0n7eJzEk03KxBYT8gcOmvmpB2YfUpylu0uN34uIAV1ulTsNaPbZvtCc10UlqrUb5-oKnA9goQaicj9P8tive286ghyA7c-2PoICiBmFsGZpiRntiEpyixADxe8OxveZg7mv-eAJFc-trtrL0FFHjHOshIIp7d64sY&view=around%20order',
  /** deflated body (a big design), edit mode */
  deflateEdit:
    's1.kgTn7CXxAwLt2DsKwkAUBdC9vDpIxG5KW5cgFjGJIhYBo5Vk705-4h48zTCfM6--3DlZ7G_XHF37nLiXYDHXUjnXr73UGCXWAPUtDzdLfcVxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdx_-miiCbSO7rRj5tzpLKIOtKxLMrTUMT51Y_3VaRdPkSKQ3W5VzHkpzarnx_baVZeu6ymgZv60VbPtonhNHwA',
  /** deflated body (a big design), view mode */
  deflateView:
    's1.kgT0ThmDkwPt2DsKwkAUBdC9vDpIxG5KW5cgFjGJIhYBo5Vk705-4h48zTCfM6--3DlZ7G_XHF37nLiXYDHXUjnXr73UGCXWAPUtDzdLfcVxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdxHMdx_-miiCbSO7rRj5tzpLKIOtKxLMrTUMT51Y_3VaRdPkSKQ3W5VzHkpzarnx_baVZeu6ymgZv60VbPtonhNHwA',
  /** protected (p1.), context-mixed, edit mode */
  p1Edit:
    'p1.5QJ_AlWgr6CNBkjoR4reMKtEp6ZRW-9PKFIAsBt4oCtFCGGTltGpE5ArU89aLn2r9zZa-9NtUKgoEaTqwwcopX6_DrRScttRE5zhMcyCHeXoTUQQrTeHrrt6zddocDlNDf2M-QplkSHfMtDPXxpu5_Em6G7gWMo50viAWfgwTHtTvHroNek6dsDPBU56PoYxVwlwtYr9KIBSTdXCuCb51RMk6bN5UUDEna9ixXLuwQfRU6lAYCqozWp-mbU03bp86_q8aD8hYTQhlvh9NkZf9cqT2z7YA2xjqtMvAIfV2jlOtCbJf8zjKVORSV0OLLgDfvjm4Nk-VnXorn70xcOtsPK0eCL8QBtgAJ7YVH3v4KDJ2hx2op3DrJ8N973VRa6adV2jqoL5KtP7ptsWhNDxnTRBudBfWRa5wnBRk9wcLC2mmhnVFlBh-oddmQqvRVLJx72-ZImH-OqfkCLUH96B_HSlJRHRt5JG17bQXg',
  /** protected (p1.), context-mixed, view mode */
  p1View:
    'p1.5QKQbipG8aCNBkKNbK3fURzIPE5ixa2hUK9eTGgp8lCuM9b8ZWZimgMP-UqJ_yiEGix1jVyrWEw1PWVeRiJwOOIfkRMgGKPP5R_ejUfT_tghSs5QG2LZicx-2zB5Pj4uUwvccu1DE0H32EI-xEJWrJsNwnBDaHgKfhJPjd8AkB2NssvDNI57rU2AdfzY-9gn1JIOEZ3Cqyq-ntxyl2OlgQOZG-fWOprPvW6YcSOgQghIGCGz_aszG7Vq-8oqcdVWJa9FFlSyiHvy_sm-xX1jwcyBZnry1o0wYs-R8cXUMIt1asD7RYUGswj4G7Gc-rguYej3PFJ1cayuBLIK1PGFGSneHQNqZtiBtB3z1e28Q4G-CICseL-S65N4Q2dWvu89REnsvpBuzVo3ygksf94kWiRQB4AakHE2iDGI1GBafLGRtrkA8Wf0BEyb6KRJcsrA47BdMJnJRHT9by6yz0PE2IgCEl7onxplERJEHA',
  /** protected (p1.), deflated, edit mode */
  p1Deflate:
    'p1.wQQKjTT_v6CNBjXxE5YAIeya63mFc4tPfW_0smCaSS3naxGq3APDtneJKm3nxiy3G0jgqcArNeejugh4vXMJRBjo4fEd8iI5ccRS0NaHj1T5iprJW9523H5HkhxrC5X_vvb6ELuNARlbtngFwV3BqzoIIfKKuGXnoerG_LnK4QFSEqKQQ1UGj7ZbWuWkPelAA8maWTBHc4F94l6uakYd5C-E5tjrBYih1PqStRNnC-BUXZzSewdc5nEqn6YhQdGjMY2rxTX9Mk3weSurmmboI5Ur1eO_x--zX1JQxFbmE83eUGqACHSY4RGPcr379J0-IIeHMXx5zpgdjuh3LmB-XMeOEIogCBBHrWmD6PnmA0dinGe8JngCkoeRdxJC_sdp2ZmDRA-dtmkS9WeQZe2b0Yy7sANM2qKeMnm5rY8VZzyYlb72XONK_i6JqSYZxdmq06ahbQZapMhy4z93PKMYi41GO5cFB1WuPJ4fpNlGJkxGXqYJz0kbGm1BKzyN0KJq_grpdvU_jlg1cNrWLLxbLb51qeLG1JoM642D0BtHz9JyCXbvJ7xBlDlYORIsDzVEqy5ajVXajVkSseCIxC-yX3bgWjq0fJgm5vVYuIdskBFWXvRbVHZfwELjHVXIiC9_YBkii39VwRC3eFBUCy3bB7OJ8X7C_UexW65ZrXjc-TwUcJYaHP3szuo036Tnh9BEEInVEO5Q1H0oLiVGt4isDjJBWck3tihP-hsUDCRBWLagqjOG5fnjBKzZBZbaLLXe_A3DC8im4yA',
} as const;

type Variant = keyof typeof GOLDEN;
const CASES: [Variant, Design, 'edit' | 'view'][] = [
  ['cmEdit', SHOP, 'edit'],
  ['cmView', SHOP, 'view'],
  ['namedView', SHOP, 'view'],
  ['deflateEdit', BIG, 'edit'],
  ['deflateView', BIG, 'view'],
  ['p1Edit', SHOP, 'edit'],
  ['p1View', SHOP, 'view'],
  ['p1Deflate', BIG, 'edit'],
];

function expectDesign(result: ShareDecodeResult, design: Design, mode: 'edit' | 'view'): void {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(result.design).toEqual(design);
  expect(deepEqual(result.design, design)).toBe(true);
  expect(result.mode).toBe(mode);
  // The one unknown key comes back as written, and is reported.
  expect(result.warnings.map((w) => w.path)).toEqual(design === SHOP ? ['owner'] : []);
}

describe('golden links (links already shared keep opening)', () => {
  it.each(CASES)('%s opens as its fixed design', async (variant, design, mode) => {
    const link = GOLDEN[variant];
    const result = link.startsWith('p1.') ? await decryptShareFragment(link, PASSPHRASE) : decodeShareFragment(link);
    expectDesign(result, design, mode);
  });

  it('each golden link holds the body variant it is named for (flags byte: bit 0 view, bit 1 deflated)', () => {
    const flags = (link: string) => {
      const frame = textToFrame(splitViewName(extractFragment(link)).fragment.slice(3));
      if (!frame.ok) throw new Error(frame.code);
      return frame.body[0];
    };
    expect([flags(GOLDEN.cmEdit), flags(GOLDEN.cmView), flags(GOLDEN.namedView)]).toEqual([0, 1, 1]);
    expect([flags(GOLDEN.deflateEdit), flags(GOLDEN.deflateView)]).toEqual([2, 3]);
    expect(JSON.stringify(packDesign(BIG)).length).toBeGreaterThan(CM_MAX_BYTES);
  });

  it('the app path: a view link opens on the view it names', () => {
    // What openShareLink does with location.hash (everything after the #).
    const { fragment, viewName } = splitViewName(GOLDEN.namedView.slice(GOLDEN.namedView.indexOf('#') + 1));
    expect(viewName).toBe('around order');
    expectDesign(decodeShareFragment(fragment), SHOP, 'view');
  });

  it('a protected golden link still tells a wrong passphrase and asks for a missing one', async () => {
    expect(await decryptShareFragment(GOLDEN.p1Edit, 'Correct horse 🐎')).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(decodeShareFragment(GOLDEN.p1View)).toMatchObject({ ok: false, error: { code: 'needs-passphrase' } });
  });

  it('this build still writes the context-mixed links byte for byte (the coder is frozen)', () => {
    expect(encodeShareFragment(SHOP)).toBe(GOLDEN.cmEdit);
    expect(encodeShareFragment(SHOP, { mode: 'view' })).toBe(GOLDEN.cmView);
    expect(GOLDEN.namedView).toBe(`https://signalbox.example/app/#${GOLDEN.cmView}&view=around%20order`);
  });
});
