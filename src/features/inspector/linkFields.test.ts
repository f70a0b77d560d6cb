import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkSchema } from '../../core/model/schema';
import { KNOWN_KEYS } from '../../core/model/keys';
import type { Link } from '../../core/model/types';
import {
  LINK_FIELDS,
  LINK_SECTIONS,
  NESTED_SCHEMAS,
  getFieldKey,
  getFieldSchema,
  getFieldValue,
  patchLinkField,
  showsField,
  showsSection,
  type LinkField,
  type TextInput,
} from './linkFields';

/** Keys a link has that the inspector does not edit: its ends and its id (the canvas owns them). */
const NOT_EDITED = ['id', 'from', 'to'];

const field = (key: string): LinkField => {
  const found = LINK_FIELDS.find((f) => getFieldKey(f) === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};
const labelsShown = (link: Link) =>
  LINK_SECTIONS.filter((s) => showsSection(link, s)).flatMap((s) =>
    s.fields.filter((f) => showsField(link, f)).map((f) => f.label),
  );

const SYNC: Link = { from: 'order', to: 'pay', kind: 'sync', protocol: 'rest' };
const ASYNC: Link = { from: 'order', to: 'kafka', kind: 'async', channel: 'order.created' };

describe('the link field descriptors', () => {
  it('have exactly one descriptor for every key of the link schema the inspector edits', () => {
    const expected: string[] = [];
    for (const key of Object.keys(linkSchema.shape)) {
      if (NOT_EDITED.includes(key)) continue;
      const nested = NESTED_SCHEMAS[key as keyof typeof NESTED_SCHEMAS];
      if (nested) for (const sub of Object.keys(nested.shape)) expected.push(`${key}.${sub}`);
      else expected.push(key);
    }
    const keys = LINK_FIELDS.map(getFieldKey);
    for (const key of expected)
      expect(
        keys.filter((k) => k === key),
        key,
      ).toHaveLength(1);
    expect([...keys].sort()).toEqual([...expected].sort());
  });

  it('cover the link keys the format documents', () => {
    const tops = new Set(LINK_FIELDS.map((f) => f.path[0]));
    for (const key of KNOWN_KEYS.link) if (!NOT_EDITED.includes(key)) expect(tops.has(key as never), key).toBe(true);
  });

  it('have one label each (a label is how a person and a test find a field)', () => {
    const labels = LINK_FIELDS.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keep the labels and order of the inspector', () => {
    expect(LINK_SECTIONS.map((s) => `${s.title}: ${s.fields.map((f) => f.label).join(', ')}`)).toMatchInlineSnapshot(`
      [
        "Link: Link kind, Protocol, Channel, Idempotent",
        "Contract: Version, Operations, Auth",
        "Resilience: Timeout (ms), Breaker failure rate (%), Breaker open (ms), Fallback, Bulkhead max concurrent",
        "Retry: Max retries, Backoff, Jitter, Base delay (ms)",
        "Messaging: Pattern, Delivery, Dead-letter channel, Dead-letter replay, Consumer group, Trace context in headers, Message name, Message version, Compatibility, Message schema (JSON)",
        "Notes: Notes",
      ]
    `);
  });
});

/** Values of each text input that a schema may accept; the schema at the field's path filters them. */
const VALUES: Record<TextInput, fc.Arbitrary<unknown>> = {
  text: fc.string(),
  number: fc.oneof(fc.integer({ min: -10, max: 2 ** 40 }), fc.double({ noNaN: true, noDefaultInfinity: true })),
  lines: fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
  // Without `__proto__` keys: zod's record sets the prototype for one instead of keeping it (a
  // file load drops it the same way), so such a key never round trips.
  json: fc.dictionary(
    fc.string().filter((k) => k !== '__proto__'),
    fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"')),
  ),
  version: fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
};

/** What a person can type and get back as the same value (an empty text means "not stated"). */
const TYPEABLE: Record<TextInput, (value: unknown) => boolean> = {
  text: (v) => v !== '',
  number: () => true,
  lines: (v) => (v as string[]).every((s) => s !== '' && s === s.trim() && !/[\r\n]/.test(s)),
  json: () => true,
  // A bare whole number is read as a number: "2" and 2 are the same version to the inspector.
  version: (v) =>
    typeof v === 'number'
      ? Number.isSafeInteger(v) && v >= 0
      : v !== '' && v === (v as string).trim() && !/^\d+$/.test(v as string),
};

describe('the codecs of the link fields', () => {
  const textFields = LINK_FIELDS.filter((f): f is Extract<LinkField, { control: 'text' }> => f.control === 'text');

  it.each(textFields.map((f) => [getFieldKey(f), f] as const))('%s: a valid value shows as a text that reads back', (_key, f) => {
    const schema = getFieldSchema(f.path);
    fc.assert(
      fc.property(VALUES[f.input], (value) => {
        fc.pre(schema.safeParse(value).success);
        const parsed = f.codec.parse(f.codec.format(value));
        // Whatever a file holds, the field can show it without calling it invalid.
        expect(parsed.ok).toBe(true);
        // What a person can type comes back as the same value, so an untouched field commits
        // nothing. (Blank items and padded text are tidied: `[" "]` shows as a blank field.)
        if (parsed.ok && TYPEABLE[f.input](value)) expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it('refuse a bad text with the schema’s own short message', () => {
    const parse = (key: string, text: string) => {
      const f = field(key);
      return f.control === 'text' ? f.codec.parse(text) : undefined;
    };
    expect(parse('timeoutMs', '15x')).toEqual({ ok: false, error: 'expected a positive integer' });
    expect(parse('breaker.failureRatePct', '120')).toEqual({ ok: false, error: 'expected a percentage between 0 and 100' });
    expect(parse('channel', '')).toEqual({ ok: true, value: undefined });
    expect(parse('message.schema', '{ "type": ')).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON: /) });
    expect(parse('message.schema', '[1]')).toEqual({ ok: false, error: 'expected a JSON Schema object' });
  });
});

describe('which fields a link shows', () => {
  it('shows a sync link its protocol, contract and resilience, and no messaging', () => {
    const labels = labelsShown(SYNC);
    expect(labels).toContain('Protocol');
    expect(labels).toContain('Operations');
    expect(labels).toContain('Timeout (ms)');
    expect(labels).not.toContain('Channel');
    expect(labels).not.toContain('Delivery');
  });

  it('shows an async link its channel and messaging, and no contract or resilience', () => {
    const labels = labelsShown(ASYNC);
    expect(labels).toContain('Channel');
    expect(labels).toContain('Message schema (JSON)');
    expect(labels).toContain('Max retries');
    expect(labels).not.toContain('Protocol');
    expect(labels).not.toContain('Timeout (ms)');
    expect(labels).not.toContain('Operations');
  });

  it('always shows a key that holds a value, with the rest of its section', () => {
    const labels = labelsShown({ ...ASYNC, protocol: 'grpc', breaker: { openMs: 5000 } });
    expect(labels).toContain('Protocol');
    expect(labels).toContain('Breaker open (ms)');
    expect(labels).toContain('Timeout (ms)');
    expect(labelsShown({ ...SYNC, dlq: 'x.dlq' })).toContain('Consumer group');
  });

  it('reads nested values at their path', () => {
    expect(getFieldValue({ ...SYNC, retry: { max: 3 } }, ['retry', 'max'])).toBe(3);
    expect(getFieldValue(SYNC, ['retry', 'max'])).toBeUndefined();
    expect(getFieldValue(SYNC, ['protocol'])).toBe('rest');
  });
});

describe('patchLinkField', () => {
  it('sets and removes a top-level key', () => {
    expect(patchLinkField(SYNC, field('timeoutMs'), 800)).toEqual({ ok: true, patch: { timeoutMs: 800 } });
    expect(patchLinkField(SYNC, field('protocol'), undefined)).toEqual({ ok: true, patch: { protocol: undefined } });
  });

  it('changes the kind with what the other kind needs', () => {
    expect(patchLinkField(SYNC, field('kind'), 'async')).toEqual({
      ok: true,
      patch: { kind: 'async', protocol: undefined, channel: 'order.events' },
    });
    expect(patchLinkField(ASYNC, field('kind'), 'sync')).toEqual({
      ok: true,
      patch: { kind: 'sync', channel: undefined, protocol: 'rest' },
    });
    expect(patchLinkField({ ...SYNC, channel: 'kept' }, field('kind'), 'async')).toMatchObject({ patch: { channel: 'kept' } });
  });

  it('sets a nested key inside its object, and an emptied object goes away', () => {
    const withRetry: Link = { ...SYNC, retry: { max: 3 } };
    expect(patchLinkField(withRetry, field('retry.backoff'), 'exponential')).toEqual({
      ok: true,
      patch: { retry: { max: 3, backoff: 'exponential' } },
    });
    expect(patchLinkField(withRetry, field('retry.max'), undefined)).toEqual({ ok: true, patch: { retry: undefined } });
  });

  it('refuses a nested key whose object would not validate, naming the field to set first', () => {
    expect(patchLinkField(SYNC, field('retry.backoff'), 'exponential')).toEqual({
      ok: false,
      error: 'Max retries: required (set it first)',
    });
    expect(patchLinkField({ ...SYNC, retry: { max: 2, baseMs: 100 } }, field('retry.max'), undefined)).toEqual({
      ok: false,
      error: 'Max retries: required',
    });
  });
});
