import fc from 'fast-check';
import type { Design } from '../model/types';
import { LINK_KINDS, NODE_KINDS, PROTOCOLS } from '../model/types';
import { validateDesign } from '../model/validate';

/**
 * Text a person, a paste or an attacker might put in a design: YAML and Mermaid syntax, quotes,
 * HTML, line breaks, tabs, NUL, emoji and lone surrogates, and anything else in Unicode.
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '-\nx',
    "-\n\n'x",
    '? a',
    ': b',
    '# c',
    '"',
    "'",
    '\t',
    '\u0000',
    '<script>alert(1)</script>',
    '&lt;',
    '%%{init}%%',
    'end',
    '---',
    '...',
    '*alias',
    '&anchor',
    '!!binary',
    '{ a: [b, c] }',
    '😀',
    '\uD800',
    '\uDC00x',
    ' lead',
    'trail ',
    'true',
    '0x1F',
    '1e3',
    '~',
    '',
  ),
  fc
    .array(
      fc.constantFrom('-', '?', ':', '#', '"', "'", '\n', '\t', '\u0000', ' ', 'a', '😀', '\uD83D', '{', '[', ',', '|', '>'),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join('')),
);

const id = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', 'e', 'web', 'api-gw', 'order_db'),
  hostileText.filter((s) => s !== '__proto__'),
);

/** Raw designs: every field from hostile text; only those that validate are kept. */
export const designArbitrary: fc.Arbitrary<Design> = fc
  .uniqueArray(id, { minLength: 1, maxLength: 7 })
  .chain((ids) =>
    fc.record({
      name: hostileText,
      nodes: fc.tuple(
        ...ids.map((nodeId) =>
          fc.record(
            {
              id: fc.constant(nodeId),
              kind: fc.constantFrom(...NODE_KINDS),
              name: hostileText,
              outbox: fc.boolean(),
              team: hostileText,
              availability: fc.double({ min: 90, max: 100, noNaN: true }),
              latencyMs: fc.integer({ min: 1, max: 5000 }),
              extra: hostileText,
            },
            { requiredKeys: ['id', 'kind', 'name'] },
          ),
        ),
      ),
      links: fc.array(
        fc.record(
          {
            from: fc.constantFrom(...ids),
            to: fc.constantFrom(...ids),
            kind: fc.constantFrom(...LINK_KINDS),
            protocol: fc.constantFrom(...PROTOCOLS),
            channel: hostileText,
            version: hostileText,
            timeoutMs: fc.integer({ min: 1, max: 60_000 }),
            operations: fc.array(
              fc.oneof(
                hostileText,
                hostileText.map((p) => `GET /${p}`),
              ),
              { maxLength: 3 },
            ),
            breaker: fc.record({ fallback: hostileText }),
            message: fc.record({ name: hostileText, schema: fc.jsonValue({ maxDepth: 3 }) }),
          },
          { requiredKeys: ['from', 'to', 'kind'] },
        ),
        { maxLength: 10 },
      ),
      flows: fc.option(fc.array(fc.record({ name: hostileText, steps: fc.constant([]) }), { maxLength: 2 }), { nil: undefined }),
    }),
  )
  .map(({ name, nodes, links, flows }) => {
    const raw: Record<string, unknown> = {
      signalbox: 1,
      name,
      nodes: Object.fromEntries(
        nodes.map(({ id: nodeId, extra, ...node }) => [nodeId, { ...node, ...(extra ? { note: extra } : {}) }]),
      ),
      links,
    };
    if (flows) raw.flows = flows;
    return validateDesign(JSON.parse(JSON.stringify(raw)) as unknown).design;
  })
  .filter((design): design is Design => design !== undefined);
