import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../model/types';
import { createStrictAjv, nastyDeployDesign } from './deployTools';
import { eventSchemaFiles, strictSchema } from './eventSchemas';
import { getTestDesigns } from './testDesigns';

const DESIGN: Design = {
  signalbox: 1,
  name: 'Shop',
  nodes: {
    order: { kind: 'service', name: 'Order' },
    bus: { kind: 'broker', name: 'Kafka' },
    billing: { kind: 'service', name: 'Billing' },
  },
  links: [
    {
      from: 'order',
      to: 'bus',
      kind: 'async',
      channel: 'order.placed',
      message: {
        name: 'OrderPlaced',
        version: 2,
        schema: {
          type: 'object',
          required: ['orderId'],
          properties: {
            orderId: { type: 'string', format: 'uuid' },
            total: { type: 'number', example: 3 },
            line: { $ref: '#/definitions/line' },
          },
          definitions: { line: { type: 'object', properties: { sku: { type: 'string' } } } },
          'x-owner': 'ordering',
        },
      },
    },
    { from: 'bus', to: 'billing', kind: 'async', channel: 'order.placed', message: { name: 'OrderPlaced', version: 2 } },
    { from: 'order', to: 'billing', kind: 'async', channel: 'order.paid', message: { name: 'OrderPaid' } },
  ],
};

const EVENT = {
  specversion: '1.0',
  id: 'e-1',
  source: '/order',
  type: 'shop.orderplaced.v2',
  time: '2026-12-01T10:00:00Z',
  datacontenttype: 'application/json',
  correlationid: 'c-1',
  data: { orderId: '6f1c2d1e-8f5b-4a5e-9a51-4b0f8c0d2a11', total: 3, line: { sku: 'a' } },
};

describe('eventSchemaFiles', () => {
  it('wraps each published message in a CloudEvents 1.0 envelope a strict validator compiles and applies', () => {
    const files = eventSchemaFiles(DESIGN);
    expect(files.map((f) => [f.fileName, f.type])).toEqual([
      ['orderplaced-v2.schema.json', 'shop.orderplaced.v2'],
      ['orderpaid.schema.json', 'shop.orderpaid'],
    ]);
    const validate = createStrictAjv().compile(JSON.parse(files[0]!.text));
    expect(validate(EVENT)).toBe(true);
    expect(validate({ ...EVENT, specversion: '0.3' })).toBe(false);
    expect(validate({ ...EVENT, data: { total: 3 } })).toBe(false); // orderId is required by the message
    expect(validate({ ...EVENT, data: { ...EVENT.data, orderId: 'not a uuid' } })).toBe(false);
    const { correlationid, ...withoutCorrelation } = EVENT;
    expect(correlationid).toBe('c-1');
    expect(validate(withoutCorrelation)).toBe(true);
    const data = (files[0]!.schema.properties as { data: Record<string, unknown> }).data;
    expect(data.$comment).toBe('Not JSON Schema 2020-12, left out: x-owner');
    expect(data.$defs).toEqual({ line: { type: 'object', properties: { sku: { type: 'string' } } } });
    // A message without a schema still gets its envelope, and says so.
    expect((files[1]!.schema.properties as { data: Record<string, unknown> }).data.$comment).toBe(
      'The design does not state this message schema.',
    );
  });

  it('the validator is real: strict ajv refuses an unknown keyword', () => {
    const schema = { ...eventSchemaFiles(DESIGN)[0]!.schema, example: 1 };
    expect(() => createStrictAjv().compile(schema)).toThrow(/unknown keyword: "example"/);
  });

  it('keeps what 2020-12 knows, drops the rest', () => {
    expect(strictSchema({ type: 'strung', minLength: -1, pattern: '(', format: 'money', maxLength: 3, 'x-a': 1 })).toEqual({
      $comment: 'Not JSON Schema 2020-12, left out: type, minLength, pattern, format, x-a',
      // No type stated: maxLength constrains strings only, everything else passes, as before.
      anyOf: [{ not: { anyOf: [{ type: 'string' }] } }, { type: 'string', maxLength: 3 }],
    });
    expect(strictSchema({ type: ['string', 'integer'], minimum: 1, minLength: 2, properties: {} })).toEqual({
      anyOf: [
        { type: 'string', minLength: 2 },
        { type: 'integer', minimum: 1 },
      ],
    });
    expect(strictSchema({ type: 'object', properties: { a: { type: 'string' } }, minimum: 3, items: [] })).toEqual({
      type: 'object',
      properties: { a: { type: 'string' } },
    });
  });

  it('gives no file when nothing publishes a message', () => {
    expect(eventSchemaFiles({ ...DESIGN, links: [DESIGN.links[1]!] })).toEqual([]);
  });

  it.each(getTestDesigns().filter(({ design }) => eventSchemaFiles(design).length > 0))(
    '$id: every schema compiles in strict mode',
    ({ design }) => {
      const ajv = createStrictAjv();
      for (const file of eventSchemaFiles(design)) expect(() => ajv.compile(JSON.parse(file.text))).not.toThrow();
    },
  );

  it('every schema of a hostile design compiles in strict mode and keeps the names as written', () => {
    fc.assert(
      fc.property(nastyDeployDesign, (design) => {
        const ajv = createStrictAjv();
        const files = eventSchemaFiles(design);
        expect(files).toHaveLength(1);
        const validate = ajv.compile(JSON.parse(files[0]!.text));
        expect(validate({ ...EVENT, type: files[0]!.type, data: undefined })).toBe(false);
        const published = design.links.find((link) => link.kind === 'async' && link.message)!;
        expect(files[0]!.schema.title).toBe(`${published.message!.name} v1 (CloudEvents 1.0)`);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
