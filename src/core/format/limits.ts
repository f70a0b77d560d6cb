import { isAlias, isCollection, isScalar, visit, type Document } from 'yaml';
import type { Issue } from '../model/types';
import { formatPath, type PathSegment } from '../model/validate';

/**
 * What a design may hold, checked at read time (files, the code view, share links) before the
 * design reaches anything that walks it. Real designs sit far below every figure; the limits exist
 * because hostile or fuzzed input found crashes and freezes past them (issue 11): a schema nested
 * 3,000 levels overflowed every writer's stack, a 42 K-character link held a 31 MB name, a 5.6 M
 * character link held a million nodes.
 */
export const READ_LIMITS = {
  /** Maps and lists inside each other; a JSON Schema rarely needs ten. */
  maxDepth: 64,
  /** A `name`, `channel` or map key: a label a person reads, not a payload. */
  maxNameLength: 1000,
  /** The generated 25,000-service design has 49,750 nodes and 79,121 links. */
  maxNodes: 50_000,
  maxLinks: 200_000,
  /** Every value in the document (scalars, maps and lists). */
  maxValues: 5_000_000,
  /** Characters of design text (YAML or JSON), as much as a share link may unpack to. */
  maxTextLength: 32 * 2 ** 20,
} as const;

/** Keys whose string values are names: the rest of the design (explanations, exports) repeats them. */
const NAME_KEYS = new Set(['name', 'channel']);
const MAX_ISSUES = 20;

/** The YAML tags whose values stay plain JSON; others (!!binary, !!set, !!omap, custom) change shape. */
const PLAIN_TAGS = new Set([
  // `!` alone is YAML's non-specific tag: the value stays what it is (text).
  '!',
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

export interface LimitIssue extends Issue {
  /** Offset in the text, for the reader to turn into line:column. */
  offset?: number;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function checkTextLimits(text: string): LimitIssue[] {
  if (text.length <= READ_LIMITS.maxTextLength) return [];
  return [
    {
      severity: 'error',
      path: '',
      message: `refused: the design text is ${count(text.length)} characters, more than the ${count(READ_LIMITS.maxTextLength)} a design may have`,
    },
  ];
}

/**
 * How deeply the text nests, estimated before parsing: the YAML parser itself overflows the stack
 * (or aborts the process) on documents thousands of levels deep, so this runs first. It counts open
 * brackets outside quotes and comments plus block indentation levels and `- ` at a line's start;
 * it errs high, so it refuses only past the limit plus some slack, and the exact check on the
 * parsed value names the path.
 */
export function checkNestingInText(text: string): LimitIssue[] {
  const limit = READ_LIMITS.maxDepth + 16;
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === ' ') {
        indent++;
        continue;
      }
      lineStart = false;
      if (c === '#') {
        i = skipLine(text, i);
        continue;
      }
      if (flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // `- - - x` nests a list per dash on one line.
        let j = i;
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          indents.push(indent + j - i + 1);
          j += 2;
          while (text[j] === ' ' || text[j] === '\t') j++;
        }
      }
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) i = skipLine(text, i);
    else if (c === '[' || c === '{') {
      flow++;
      if (flow + indents.length > limit) return [nestingIssue(i)];
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
    if (indents.length + flow > limit) return [nestingIssue(i)];
  }
  return [];
}

function skipLine(text: string, i: number): number {
  const end = text.indexOf('\n', i);
  return (end < 0 ? text.length : end) - 1;
}

function nestingIssue(offset: number): LimitIssue {
  return {
    severity: 'error',
    path: '',
    message: `refused: the document nests maps and lists more than ${READ_LIMITS.maxDepth} levels deep`,
    offset,
  };
}

/** Tags that would turn a value into something JSON cannot hold (`!!binary` becomes bytes, `!!set` a Set). */
export function checkDocumentLimits(doc: Document): LimitIssue[] {
  const issues: LimitIssue[] = [];
  visit(doc, (_, node) => {
    if (isAlias(node) || !(isScalar(node) || isCollection(node))) return undefined;
    const tag = node.tag;
    if (tag !== undefined && !PLAIN_TAGS.has(tag)) {
      issues.push({
        severity: 'error',
        path: '',
        message: `refused: the YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not part of the format (a design holds text, numbers, true/false, lists and maps); remove the tag`,
        offset: node.range?.[0],
      });
      if (issues.length >= MAX_ISSUES) return visit.BREAK;
    }
    return undefined;
  });
  return issues;
}

/** The issue and the path segments it names, for the reader to locate. */
export interface ValueIssue {
  issue: Issue;
  path: PathSegment[];
}

/**
 * The checks on a parsed value (from YAML, JSON.parse or a share link): nesting depth, name and
 * key length, counts, and every value that JSON would change or JavaScript would drop: NaN and
 * Infinity (saved as null), objects that are not plain maps (YAML tags), and `__proto__` keys
 * (dropped by every object spread). Iterative, so it cannot overflow on what it refuses.
 */
export function checkValueLimits(raw: unknown): ValueIssue[] {
  const found: ValueIssue[] = [];
  const add = (path: PathSegment[], message: string) => {
    if (found.length < MAX_ISSUES) found.push({ issue: { severity: 'error', path: formatPath(path), message }, path });
  };
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const record = raw as Record<string, unknown>;
    const nodes = record.nodes;
    if (typeof nodes === 'object' && nodes !== null && !Array.isArray(nodes)) {
      const n = Object.keys(nodes).length;
      if (n > READ_LIMITS.maxNodes)
        add(['nodes'], `refused: ${count(n)} nodes, more than the ${count(READ_LIMITS.maxNodes)} a design may have`);
    }
    if (Array.isArray(record.links) && record.links.length > READ_LIMITS.maxLinks)
      add(
        ['links'],
        `refused: ${count(record.links.length)} links, more than the ${count(READ_LIMITS.maxLinks)} a design may have`,
      );
    if (found.length > 0) return found;
  }

  // Each entry links to its parent instead of copying its path: a 5 MB design holds a million
  // values, and the path is only needed for the few that get an issue.
  interface Entry {
    value: unknown;
    key: PathSegment | undefined;
    parent: Entry | undefined;
    depth: number;
  }
  const pathOf = (entry: Entry, last?: PathSegment): PathSegment[] => {
    const path: PathSegment[] = last === undefined ? [] : [last];
    for (let at: Entry | undefined = entry; at?.parent; at = at.parent) path.push(at.key!);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: raw, key: undefined, parent: undefined, depth: 0 }];
  let values = 0;
  while (stack.length > 0 && found.length < MAX_ISSUES) {
    const entry = stack.pop()!;
    const { value, key: ownKey, depth } = entry;
    if (++values > READ_LIMITS.maxValues) {
      add([], `refused: the document holds more than ${count(READ_LIMITS.maxValues)} values`);
      break;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        add(
          pathOf(entry),
          `${String(value)} is not a number a design can hold (JSON and share links cannot carry it); write a finite number`,
        );
      continue;
    }
    if (typeof value === 'string') {
      if (typeof ownKey === 'string' && value.length > READ_LIMITS.maxNameLength && NAME_KEYS.has(ownKey))
        add(
          pathOf(entry),
          `a ${ownKey} of ${count(value.length)} characters is too long; at most ${count(READ_LIMITS.maxNameLength)}`,
        );
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= READ_LIMITS.maxDepth) {
      add(pathOf(entry), `refused: nested more than ${READ_LIMITS.maxDepth} levels deep`);
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: entry, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as object).constructor?.name ?? 'object';
      add(
        pathOf(entry),
        `a ${kind} value is not part of the format (a YAML tag such as !!binary, !!set or !!omap?); write a plain list or map`,
      );
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key === '__proto__') {
        add(
          pathOf(entry, key),
          'the key "__proto__" is refused: JavaScript reads it as an object\'s prototype, so it could not be kept; rename it',
        );
        continue;
      }
      if (key.length > READ_LIMITS.maxNameLength) {
        add(
          pathOf(entry, `${key.slice(0, 40)}…`),
          `a key of ${count(key.length)} characters is too long; at most ${count(READ_LIMITS.maxNameLength)}`,
        );
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], key, parent: entry, depth: depth + 1 });
    }
  }
  return found;
}
