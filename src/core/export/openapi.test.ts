import type { Config } from '@redocly/openapi-core';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { openApiDocuments, parseRestOperation } from './openapi';
import { getTestDesigns, nastyDesign } from './testDesigns';

let config: Config;
beforeAll(async () => {
  // The `spec` ruleset, plus the checks on parameters and ids that only `recommended` turns on.
  config = await createConfig({
    extends: ['spec'],
    rules: {
      'path-parameters-defined': 'error',
      'operation-operationId-unique': 'error',
      'operation-parameters-unique': 'error',
      'no-identical-paths': 'error',
    },
  });
});

async function openApiErrors(text: string, fileName: string): Promise<string[]> {
  const problems = await lintFromString({ source: text, absoluteRef: `/tmp/${fileName}`, config });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
}

const DESIGN: Design = {
  signalbox: 1,
  name: 'Orders',
  nodes: {
    gw: { kind: 'gateway', name: 'Gateway' },
    web: { kind: 'client', name: 'Web' },
    order: { kind: 'service', name: 'Order' },
    db: { kind: 'database', name: 'DB' },
  },
  links: [
    { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
    {
      from: 'gw',
      to: 'order',
      kind: 'sync',
      protocol: 'rest',
      version: 'v1',
      operations: ['POST /orders', 'GET /orders/{id}'],
      timeoutMs: 800,
      retry: { max: 2, backoff: 'exponential' },
    },
    { from: 'web', to: 'order', kind: 'sync', protocol: 'rest', version: 'v1', operations: ['GET /orders/{orderId}'] },
    { from: 'order', to: 'db', kind: 'sync', protocol: 'sql' },
  ],
};

describe('openApiDocuments', () => {
  it('writes one document per service and gateway receiving REST calls, with stubs, callers and policies', async () => {
    const files = openApiDocuments(DESIGN);
    expect(files.map((f) => [f.nodeId, f.fileName])).toEqual([
      ['gw', 'gw.openapi.yaml'],
      ['order', 'order.openapi.yaml'],
    ]);
    for (const file of files) expect(await openApiErrors(file.text, file.fileName)).toEqual([]);
    expect(files[1]!.document).toMatchInlineSnapshot(`
      {
        "info": {
          "title": "Order API",
          "version": "v1",
          "x-signalbox-design": "Orders",
          "x-signalbox-node": "order",
        },
        "openapi": "3.1.0",
        "paths": {
          "/orders": {
            "post": {
              "operationId": "postOrders",
              "requestBody": {
                "content": {
                  "application/json": {
                    "schema": {
                      "type": "object",
                    },
                  },
                },
                "required": true,
              },
              "responses": {
                "201": {
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                      },
                    },
                  },
                  "description": "Success",
                },
                "default": {
                  "description": "Error",
                },
              },
              "summary": "POST /orders",
              "x-signalbox-callers": [
                "gw",
              ],
              "x-signalbox-retry": {
                "gw": {
                  "backoff": "exponential",
                  "max": 2,
                },
              },
              "x-signalbox-timeout-ms": {
                "gw": 800,
              },
            },
          },
          "/orders/{id}": {
            "get": {
              "operationId": "getOrdersId",
              "parameters": [
                {
                  "in": "path",
                  "name": "id",
                  "required": true,
                  "schema": {
                    "type": "string",
                  },
                },
              ],
              "responses": {
                "200": {
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                      },
                    },
                  },
                  "description": "Success",
                },
                "default": {
                  "description": "Error",
                },
              },
              "summary": "GET /orders/{id}",
              "x-signalbox-callers": [
                "gw",
                "web",
              ],
              "x-signalbox-retry": {
                "gw": {
                  "backoff": "exponential",
                  "max": 2,
                },
              },
              "x-signalbox-timeout-ms": {
                "gw": 800,
              },
            },
          },
        },
        "servers": [
          {
            "url": "/v1",
          },
        ],
      }
    `);
    expect(files[0]!.document.paths).toMatchObject({
      '/': { get: { 'x-signalbox-stub': true, 'x-signalbox-callers': ['web'] } },
    });
  });

  it('the validator is real: an undeclared path parameter is an error', async () => {
    const { document } = openApiDocuments(DESIGN)[1]!;
    const paths = document.paths as Record<string, Record<string, { parameters?: unknown }>>;
    delete paths['/orders/{id}']!.get!.parameters;
    expect(await openApiErrors(JSON.stringify(document), 'broken.json')).toEqual([
      expect.stringContaining('path-parameters-defined'),
    ]);
  });

  it('turns any operation text into a valid route', () => {
    expect(parseRestOperation('get /a/{x}/{x}/b c')).toEqual({
      method: 'get',
      path: '/a/{x}/{x2}/b%20c',
      params: ['x', 'x2'],
      summary: 'get /a/{x}/{x}/b c',
    });
    expect(parseRestOperation('Orders/Create')).toMatchObject({ method: 'post', path: '/orders-create' });
    expect(parseRestOperation('GET /😀\ud800')).toMatchObject({ path: '/%F0%9F%98%80%EF%BF%BD' });
  });

  it.each(getTestDesigns())('$id: every document validates with the Redocly spec ruleset', async ({ design }) => {
    const files = openApiDocuments(design);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await openApiErrors(file.text, file.fileName)).toEqual([]);
  });

  it('validates for any node name and operation text, and keeps them as written', async () => {
    await fc.assert(
      fc.asyncProperty(nastyDesign, async (design) => {
        const files = openApiDocuments(design);
        expect(files.map((f) => f.fileName)).toEqual(['edge-gw.openapi.yaml', 'end.openapi.yaml']);
        for (const file of files) expect(await openApiErrors(file.text, file.fileName)).toEqual([]);
        const paths = files[1]!.document.paths as Record<string, Record<string, { summary: string }>>;
        const summaries = Object.values(paths).flatMap((methods) => Object.values(methods).map((op) => op.summary));
        expect(summaries).toContain(design.links[1]!.operations![0]);
        expect((files[1]!.document.info as { title: string }).title).toBe(`${design.nodes.end!.name} API`);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

describe('characters outside the Basic Multilingual Plane (issue 11, item 2)', () => {
  const withOperation = (operation: string, version?: string): Design => ({
    ...DESIGN,
    links: [
      { from: 'web', to: 'gw', kind: 'sync', protocol: 'rest' },
      { from: 'gw', to: 'order', kind: 'sync', protocol: 'rest', operations: [operation], ...(version ? { version } : {}) },
    ],
  });
  const orderDoc = (design: Design) => openApiDocuments(design).find((f) => f.fileName === 'order.openapi.yaml')!;

  it('an emoji in a path is percent-encoded as one code point and validates', async () => {
    const file = orderDoc(withOperation('GET /orders/😀'));
    expect(Object.keys(file.document.paths as object)).toEqual(['/orders/%F0%9F%98%80']);
    expect(await openApiErrors(file.text, file.fileName)).toEqual([]);
  });

  it('a lone surrogate in a path or a version does not throw: it is written as U+FFFD', async () => {
    const file = orderDoc(withOperation('GET /orders/\uD83D', 'v\uDE00'));
    expect(Object.keys(file.document.paths as object)).toEqual(['/orders/%EF%BF%BD']);
    expect((file.document.servers as { url: string }[])[0]!.url).toBe('/v%EF%BF%BD');
    expect(await openApiErrors(file.text, file.fileName)).toEqual([]);
  });

  it('any text at all as an operation, path or version exports (fuzzed, full Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 1 }), (path, version) => {
        const files = openApiDocuments(withOperation(`GET /${path}`, version));
        expect(files.length).toBeGreaterThan(0);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
