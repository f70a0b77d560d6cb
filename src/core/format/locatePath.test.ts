import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { designArbitrary } from '../fuzz/arbitraries';
import { getLinkId } from '../model/ids';
import type { PathSegment } from '../model/types';
import { createPathLocator, locatePath } from './locatePath';
import { readDesign } from './read';
import { designToYaml, writeDesignJson } from './write';

const EXAMPLE = readFileSync(fileURLToPath(new URL('./fixtures/format-example.signalbox.yaml', import.meta.url)), 'utf8');

/** Every path to a map key or a list item in a parsed value, depth first. */
function keyPaths(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      keyPaths(item, [...prefix, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      keyPaths(item, [...prefix, key], out);
    }
  }
  return out;
}

/** Asserts that every key path of `text` is found exactly, on its key (or at its list item). */
function expectEveryKeyLocated(text: string): void {
  const lines = text.split('\n');
  const locate = createPathLocator(text);
  for (const path of keyPaths(parseDocument(text, { uniqueKeys: false }).toJS())) {
    const where = locate(path);
    expect(where, JSON.stringify(path)).toBeDefined();
    expect(where!.exact, JSON.stringify(path)).toBe(true);
    const source = text.slice(where!.start, where!.end);
    // line:column is the same place as the offset.
    expect(lines[where!.line - 1]!.slice(where!.column - 1).startsWith(source.split('\n')[0]!)).toBe(true);
    const last = path[path.length - 1]!;
    if (typeof last === 'number') {
      // A list item starts right after its `- `, `[` or `,`.
      expect(text.slice(0, where!.start).trimEnd().slice(-1), JSON.stringify(path)).toMatch(/[-[,]/);
    } else {
      // The located text is the key itself: read as a value it is the key (quoted or plain; as a
      // value, not alone, since `...` alone ends a document).
      expect(String((parse(`k: ${source}`) as { k: unknown }).k), JSON.stringify(path)).toBe(last);
    }
  }
}

describe('locatePath', () => {
  it('finds node keys and link items in the format.md example', () => {
    const design = readDesign(EXAMPLE).design!;
    const link = (id: string) => ['links', design.links.findIndex((l) => getLinkId(l) === id)];
    expect(locatePath(EXAMPLE, ['nodes', 'order'])).toMatchObject({ line: 8, column: 3, exact: true });
    expect(locatePath(EXAMPLE, ['nodes', 'web'])).toMatchObject({ line: 6, column: 3, endColumn: 6 });
    expect(locatePath(EXAMPLE, link('web->gateway'))).toMatchObject({ line: 22, column: 5 });
    expect(locatePath(EXAMPLE, link('gateway->order'))).toMatchObject({ line: 23, column: 5, endLine: 23 });
    expect(locatePath(EXAMPLE, link('bus->payment:order.created'))).toMatchObject({ line: 44 });
  });

  it('finds a key inside a list item, in YAML and in JSON', () => {
    const yaml = 'links:\n  - from: a\n    to: b\n    timeoutMs: 5 # short\n';
    expect(locatePath(yaml, ['links', 0, 'timeoutMs'])).toMatchObject({ line: 4, column: 5, endColumn: 14, exact: true });
    const json = '{\n  "links": [\n    { "from": "a", "timeoutMs": 5 }\n  ]\n}';
    const where = locatePath(json, ['links', 0, 'timeoutMs'])!;
    expect(where).toMatchObject({ line: 3, column: 20, exact: true });
    expect(json.slice(where.start, where.end)).toBe('"timeoutMs"');
  });

  it('points a path the text does not have at its deepest part that is there, and says so', () => {
    const text = 'nodes:\n  a:\n    kind: service\n';
    expect(locatePath(text, ['nodes', 'a', 'name'])).toMatchObject({ line: 2, column: 3, exact: false });
    expect(locatePath(text, ['links', 3])).toMatchObject({ line: 1, column: 1, exact: false });
    expect(locatePath(text, [])).toMatchObject({ line: 1, column: 1, exact: true });
    expect(locatePath('', ['nodes'])).toBeUndefined();
  });

  it('matches keys by their text: a numeric id is found by the string the design names it by', () => {
    expect(locatePath('nodes:\n  200:\n    kind: service\n', ['nodes', '200', 'kind'])).toMatchObject({ line: 3, exact: true });
  });

  it('is where readDesign puts each issue, which carries its path as segments', () => {
    const text =
      'signalbox: 1\nname: X\nnodes:\n  a: { kind: service, name: A }\nlinks:\n  - from: a\n    to: a\n    timeoutMs: -5\n';
    const issue = readDesign(text).issues.find((i) => i.path === 'links[0].timeoutMs')!;
    expect(issue.segments).toEqual(['links', 0, 'timeoutMs']);
    const where = locatePath(text, issue.segments!)!;
    expect([issue.line, issue.column]).toEqual([where.line, where.column]);
    expect([issue.line, issue.column]).toEqual([8, 5]);
  });

  it('lands every key path of any design written to YAML or JSON on that key (property)', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        expectEveryKeyLocated(designToYaml(design));
        expectEveryKeyLocated(writeDesignJson(design));
      }),
      { numRuns: 60 },
    );
  });
});
