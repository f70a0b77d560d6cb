/**
 * Where the cursor is in a design's YAML, in schema terms, from the text alone: completions are
 * asked for while the user types, when the document is usually not valid YAML yet, so this reads
 * indentation and flow brackets rather than a parse tree.
 */

/** The objects of format.md that have their own keys (KNOWN_KEYS in core/model/schema.ts). */
export type ObjectKind = 'design' | 'node' | 'link' | 'retry' | 'breaker' | 'bulkhead' | 'message' | 'flow' | 'step' | 'other';

export interface YamlContext {
  /** The object the cursor is in. */
  object: ObjectKind;
  /** Typing a key, or the value of `key`. */
  mode: 'key' | 'value';
  key?: string;
  /** The keys and list items from the document root to the object: `['links', 0, 'retry']` (items are 0). */
  path: (string | number)[];
  /** What is typed so far of the key or value under the cursor. */
  prefix: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"{}[\],:][^#{}[\],:]*?)\s*:(?:\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  return key.startsWith("'") ? key.slice(1, -1).replace(/''/g, "'") : key;
}

/** Strip a trailing comment (a `#` after whitespace, outside quotes). */
function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

/** The object kind at a path of keys and items, per format.md. */
export function objectAt(path: readonly (string | number)[]): ObjectKind {
  const p = path.map((s) => (typeof s === 'number' ? '#' : s));
  const at = p.join('/');
  if (at === '') return 'design';
  if (p.length === 2 && p[0] === 'nodes') return 'node';
  if (at === 'links/#') return 'link';
  if (p.length === 3 && p[0] === 'links' && p[1] === '#') {
    const k = p[2];
    if (k === 'retry' || k === 'breaker' || k === 'bulkhead' || k === 'message') return k;
  }
  if (at === 'flows/#') return 'flow';
  if (at === 'flows/#/steps/#') return 'step';
  return 'other';
}

interface FlowFrame {
  owner: string | number | undefined;
  kind: '{' | '[';
}

/**
 * Read the open flow collections on a line up to the cursor: `web: { kind: cl` is inside the map
 * owned by `web`. Returns the frames (outermost first) and the text after the innermost opener.
 */
function scanFlow(before: string): { frames: FlowFrame[]; segment: string } {
  const frames: FlowFrame[] = [];
  let segStart = 0;
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') {
      const head = before.slice(segStart, i).trim();
      const m = /^(?:-\s+)*(.*?)\s*:$/.exec(head);
      let owner: string | number | undefined;
      if (m) owner = unquote(m[1]!.replace(/^-\s+/, ''));
      else if (head === '' || /^-$/.test(head) || /-$/.test(head)) owner = 0;
      frames.push({ owner, kind: c });
      segStart = i + 1;
    } else if (c === '}' || c === ']') {
      frames.pop();
      segStart = i + 1;
    } else if (c === ',') segStart = i + 1;
  }
  return { frames, segment: before.slice(segStart) };
}

/** The block ancestors of a line whose content starts at `column`, nearest last. */
function blockPath(lines: readonly string[], lineIndex: number, column: number, startsItem: boolean): (string | number)[] {
  const chain: (string | number)[] = [];
  let limit = column;
  if (startsItem) {
    chain.push(0);
  }
  for (let i = lineIndex - 1; i >= 0 && limit > 0; i--) {
    const raw = stripComment(lines[i]!);
    if (raw.trim() === '') continue;
    const indent = raw.length - raw.trimStart().length;
    if (indent >= limit) continue;
    let rest = raw.slice(indent);
    let col = indent;
    const dashes: number[] = [];
    while (/^-(\s+|$)/.test(rest)) {
      dashes.push(col);
      const m = /^-\s*/.exec(rest)!;
      col += m[0].length;
      rest = rest.slice(m[0].length);
    }
    const key = KEY.exec(rest);
    if (key && col < limit && rest.slice(key[0].length).trim() === '') chain.push(unquote(key[1]!));
    for (let d = dashes.length - 1; d >= 0; d--) if (dashes[d]! < limit) chain.push(0);
    limit = indent;
  }
  return chain.reverse();
}

/** The schema context at `offset` in `text`. */
export function getYamlContext(text: string, offset: number): YamlContext {
  const upTo = text.slice(0, offset);
  const lines = upTo.split('\n');
  const lineIndex = lines.length - 1;
  const before = lines[lineIndex]!;
  const indent = before.length - before.trimStart().length;
  let rest = before.slice(indent);
  let column = indent;
  let startsItem = false;
  while (/^-\s+/.test(rest)) {
    const m = /^-\s+/.exec(rest)!;
    column += m[0].length;
    rest = rest.slice(m[0].length);
    startsItem = true;
  }
  const allLines = text.split('\n');
  const path = blockPath(allLines, lineIndex, startsItem ? indent : column, startsItem);

  const { frames, segment } = scanFlow(rest);
  if (frames.length > 0) {
    // Inside `{ ... }` or `[ ... ]` on this line: the owner keys extend the block path.
    const head = rest.slice(0, rest.indexOf(frames[0]!.kind === '{' ? '{' : '['));
    const ownerKey = KEY.exec(head.trim());
    if (ownerKey && !/^-/.test(head.trim())) path.push(unquote(ownerKey[1]!));
    for (const f of frames.slice(1)) if (f.owner !== undefined) path.push(f.owner);
    const inner = frames[frames.length - 1]!;
    if (inner.kind === '[') {
      // A list value: `at: [`, `tags: [` - the key is the owner of the list.
      const key = path.pop();
      return {
        object: objectAt(path),
        mode: 'value',
        key: typeof key === 'string' ? key : undefined,
        path,
        prefix: segment.trim(),
      };
    }
    const colon = segment.indexOf(':');
    if (colon >= 0) {
      const key = unquote(segment.slice(0, colon).trim());
      return { object: objectAt(path), mode: 'value', key, path, prefix: segment.slice(colon + 1).trim() };
    }
    return { object: objectAt(path), mode: 'key', path, prefix: segment.trim() };
  }

  const key = KEY.exec(rest);
  if (key) {
    const name = unquote(key[1]!);
    return { object: objectAt(path), mode: 'value', key: name, path, prefix: rest.slice(key[0].length).trim() };
  }
  return { object: objectAt(path), mode: 'key', path, prefix: rest.trim() };
}
