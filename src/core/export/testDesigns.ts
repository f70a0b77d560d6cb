/**
 * Designs and text generators for the exporter tests (imported by *.test.ts only): every
 * template, a generated design, and names built to break a naive exporter.
 */
import fc from 'fast-check';
import { generateLargeDesign } from '../fixtures/generate';
import { FIXTURES } from '../fixtures/index';
import { readDesign } from '../format/read';
import type { Design } from '../model/types';
import { shortenLabel } from './mermaidText';
import { TEMPLATES } from '../templates/index';

export function getTestDesigns(): { id: string; design: Design }[] {
  const sources = [
    ...TEMPLATES.map((t) => ({ id: `template:${t.id}`, yaml: t.yaml })),
    ...FIXTURES.map((f) => ({ id: `fixture:${f.id}`, yaml: f.yaml })),
  ];
  const designs = sources.map(({ id, yaml }) => {
    const { design, issues } = readDesign(yaml, `${id}.signalbox.yaml`);
    if (!design) throw new Error(`${id} does not read: ${issues.map((i) => i.message).join('; ')}`);
    return { id, design };
  });
  return [...designs, { id: 'generated:40', design: generateLargeDesign({ services: 40, seed: 7 }) }];
}

/** Fragments that break Mermaid, YAML, Markdown or HTML when written unescaped. */
export const NASTY_FRAGMENTS = [
  '"',
  "'",
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  'end',
  'graph',
  '#',
  '#quot;',
  ';',
  '|',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&amp;',
  '😀',
  '👩‍👩‍👧',
  '\n',
  '\r\n',
  '`',
  '```',
  '%%',
  '-->',
  '->>',
  ':',
  '\\',
  '*',
  '_',
  ' ',
  '\t',
  'é',
  '中文',
  '$ref',
  '{id}',
  '/',
  '~',
] as const;

/** A name made of nasty fragments and random text; never empty (the format requires names). */
export const nastyName: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...NASTY_FRAGMENTS),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''))
  .filter((name) => name.trim() !== '');

/** A design built around nasty names: every node kind, sync and async links, a group and a flow. */
export function buildNastyDesign(names: {
  nodes: string[];
  channel: string;
  operation: string;
  group: string;
  flow: string;
}): Design {
  const [client, gateway, service, other, broker, database] = names.nodes;
  return {
    signalbox: 1,
    name: names.flow,
    description: names.group,
    nodes: {
      web: { kind: 'client', name: client ?? 'c' },
      'edge gw': { kind: 'gateway', name: gateway ?? 'g' },
      end: { kind: 'service', name: service ?? 's', group: names.group },
      '../x': { kind: 'service', name: other ?? 'o', group: names.group },
      bus: { kind: 'broker', name: broker ?? 'b', tech: 'kafka' },
      db: { kind: 'database', name: database ?? 'd' },
      ext: { kind: 'external', name: names.operation },
    },
    links: [
      { from: 'web', to: 'edge gw', kind: 'sync', protocol: 'rest' },
      {
        from: 'edge gw',
        to: 'end',
        kind: 'sync',
        protocol: 'rest',
        version: 'v1',
        operations: [names.operation, `GET /x/{id}`],
        timeoutMs: 500,
      },
      { from: 'end', to: 'db', kind: 'sync', protocol: 'sql' },
      { from: 'end', to: 'bus', kind: 'async', channel: names.channel, message: { name: names.operation, version: 1 } },
      { from: 'bus', to: '../x', kind: 'async', channel: names.channel, consumerGroup: names.group, dlq: `${names.channel}.dlq` },
      { from: '../x', to: 'ext', kind: 'sync', protocol: 'rest', operations: [`POST /${names.operation}`] },
    ],
    flows: [
      {
        name: names.flow,
        saga: 'orchestration',
        steps: [
          { link: 'edge gw->end', compensation: names.operation },
          { link: `end->bus:${names.channel}` },
          { link: `bus->../x:${names.channel}`, pivot: true },
          { link: '../x->ext' },
        ],
      },
    ],
  };
}

export const nastyDesign: fc.Arbitrary<Design> = fc
  .record({
    nodes: fc.array(nastyName, { minLength: 6, maxLength: 6 }),
    channel: nastyName,
    operation: nastyName,
    group: nastyName,
    flow: nastyName,
  })
  .map(buildNastyDesign);

/** What Mermaid shows for our escaped text: entity codes decoded, `<br>` as a line break. */
export function decodeMermaidText(text: string): string {
  // One pass: a decoded `#` followed by `0;` is text, never a second code to decode.
  return text.replace(/ﬂ°°(\d+)¶ß|#(\d+);|<br>/g, (match, placeholder?: string, code?: string) =>
    match === '<br>' ? '\n' : String.fromCodePoint(Number(placeholder ?? code)),
  );
}

/** decodeMermaidText, then spaces normalised as expectedMermaidText does. */
export function shownMermaidText(text: string): string {
  return normaliseSpaces(decodeMermaidText(text));
}

/**
 * The name as a diagram shows it: cut to a label's length (shortenLabel), line breaks unified, control characters as spaces, and runs
 * of spaces collapsed (HTML collapses them anyway, and Mermaid trims some labels).
 */
export function expectedMermaidText(name: string): string {
  return normaliseSpaces(shortenLabel(name).replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, '\n'));
}

export function normaliseSpaces(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this maps
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .join('\n')
  );
}
