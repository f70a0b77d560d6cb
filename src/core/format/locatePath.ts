import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { PathSegment } from '../model/types';

/** Where a path sits in a design's text: 1-based like an editor, plus the 0-based offsets. */
export interface PathLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the text: the located range is `text.slice(start, end)`. */
  start: number;
  end: number;
  /**
   * False when the path goes further than the text (a missing key, an index past the list): the
   * location is then the deepest segment that is there, so a "missing key" issue points at its map.
   */
  exact: boolean;
}

/** Finds paths in one text; the line index and the Document are built once for every lookup. */
export type PathLocator = (path: readonly PathSegment[]) => PathLocation | undefined;

/** Offset -> 1-based line and column. */
export type PositionFinder = (offset: number) => { line: number; column: number };

/** A PositionFinder with a line index built once per text (binary search). */
export function createPositionFinder(text: string): PositionFinder {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * A locator over `text` (YAML or JSON: JSON is read as YAML). Pass the Document the text was read
 * into when there is one; otherwise the text is parsed once, on the first lookup.
 *
 * A map entry is located at its key (`timeoutMs` of `timeoutMs: 5`), a list item from its start
 * to the end of its first line (a marker over a whole block item would underline its comments),
 * the empty path at the document's first line. Keys match by their text, so `200:` is found by
 * `'200'` as the parsed design names it. Locators over the documents of one multi-document text
 * can share one `position` finder.
 */
export function createPathLocator(
  text: string,
  doc?: Document | (() => Document | undefined),
  shared?: PositionFinder,
): PathLocator {
  let document: Document | undefined;
  let parsed = false;
  let position = shared;
  const getDocument = () => {
    if (!parsed) {
      parsed = true;
      document =
        typeof doc === 'function'
          ? doc()
          : (doc ?? parseDocument(text, { keepSourceTokens: false, uniqueKeys: false, prettyErrors: false }));
    }
    return document;
  };
  const firstLine = (start: number, end: number): [number, number] => {
    const eol = text.indexOf('\n', start);
    return [start, Math.max(start, Math.min(eol === -1 ? text.length : eol, end))];
  };
  return (path) => {
    const root = getDocument();
    if (!root) return undefined;
    let node: unknown = root.contents;
    const top = (node as YamlNode | null)?.range;
    let best: [number, number] | undefined = top ? firstLine(top[0], top[1]) : undefined;
    let found = 0;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(root);
      if (isMap(node)) {
        const key = String(seg);
        const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === key);
        if (!pair) break;
        const range = (pair.key as YamlNode | null)?.range;
        if (range) best = [range[0], range[1]];
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as YamlNode | undefined;
        if (!item) break;
        if (item.range) best = firstLine(item.range[0], item.range[1]);
        node = item;
      } else break;
      found++;
    }
    if (!best) return undefined;
    position ??= createPositionFinder(text);
    const from = position(best[0]);
    const to = position(best[1]);
    return {
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      start: best[0],
      end: best[1],
      exact: found === path.length,
    };
  };
}

/** Where `path` (`['links', 3, 'timeoutMs']`) sits in `text`: one lookup (see createPathLocator). */
export function locatePath(text: string, path: readonly PathSegment[], doc?: Document): PathLocation | undefined {
  return createPathLocator(text, doc)(path);
}
