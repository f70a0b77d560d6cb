import {
  Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { deepEqual } from '../model/equal';
import type { Design } from '../model/types';
import { getLinkId } from '../model/ids';

/** Keys whose small values read best inline: `at: [420, 160]`, `retry: { max: 2 }`. */
const INLINE_KEYS = new Set(['at', 'tags', 'operations', 'retry', 'breaker', 'bulkhead']);
const TO_STRING = { lineWidth: 0, flowCollectionPadding: true } as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Line breaks and control characters inside a string: the yaml library writes such a string as a
 * plain or single-quoted multi-line scalar, which inside a flow map reads back as something else
 * (`"-\nx"` became a block list, a parse error). Double quotes escape them exactly.
 */
const NEEDS_DOUBLE_QUOTES =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function quoteScalar(scalar: Scalar): void {
  if (typeof scalar.value === 'string' && NEEDS_DOUBLE_QUOTES.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
}

/** Every string under `node` that needs it, double-quoted (see NEEDS_DOUBLE_QUOTES). */
function quoteStrings(node: unknown): void {
  if (isScalar(node)) quoteScalar(node);
  else if (isMap(node) || isSeq(node)) visit(node, { Scalar: (_, scalar) => quoteScalar(scalar) });
}

function styleNew(node: unknown, key?: string): void {
  quoteStrings(node);
  styleTree(node, key);
}

function styleTree(node: unknown, key?: string): void {
  if (isMap(node) || isSeq(node)) {
    if (key !== undefined && INLINE_KEYS.has(key)) node.flow = true;
    if (isMap(node))
      for (const pair of node.items)
        if (isPair(pair)) styleTree(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
    if (isSeq(node)) for (const item of node.items) styleTree(item);
  }
}

/** Identity of a list item, so an edited list keeps the comments of the items that stayed. */
function itemKey(listKey: string | undefined, value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  if (listKey === 'links' && typeof value.from === 'string' && typeof value.to === 'string') {
    return getLinkId(value as { from: string; to: string; channel?: string; id?: string });
  }
  if (listKey === 'flows' && typeof value.name === 'string') return value.name;
  if (listKey === 'steps' && typeof value.link === 'string') return value.link;
  return undefined;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** Make `node` hold `value`, touching only what differs; returns the node to keep in place. */
function mergeNode(doc: Document, node: unknown, value: unknown, key?: string): unknown {
  if (isPlainObject(value) && isMap(node)) {
    const wanted = new Set(Object.keys(value));
    node.items = node.items.filter((p) => !isPair(p) || wanted.has(keyOf(p)));
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const pair = node.items.find((p) => isPair(p) && keyOf(p) === k);
      if (pair) pair.value = mergeNode(doc, pair.value, v, k) as YamlNode;
      else {
        const created = doc.createNode(v);
        styleNew(created, k);
        // New entries in an inline map stay inline; in a block map they are block (with inline small parts).
        node.items.push(doc.createPair(k, created) as never);
      }
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    const oldItems = node.items as unknown[];
    const oldByKey = new Map<string, unknown>();
    oldItems.forEach((item) => {
      const js = isMap(item) || isSeq(item) ? (item as YAMLMap | YAMLSeq).toJSON() : undefined;
      const k = itemKey(key, js);
      if (k !== undefined && !oldByKey.has(k)) oldByKey.set(k, item);
    });
    node.items = value.map((v, i) => {
      const k = itemKey(key, v);
      const old =
        k !== undefined ? oldByKey.get(k) : oldItems.length === value.length || i < oldItems.length ? oldItems[i] : undefined;
      if (old !== undefined) return mergeNode(doc, old, v, undefined);
      const created = doc.createNode(v);
      styleNew(created);
      return created;
    }) as never;
    return node;
  }
  if (!isPlainObject(value) && !Array.isArray(value) && isScalar(node)) {
    if (node.value !== value) {
      node.value = value;
      quoteScalar(node);
    }
    return node;
  }
  const created = doc.createNode(value);
  styleNew(created, key);
  if ((isMap(node) || isSeq(node)) && (isMap(created) || isSeq(created))) created.flow = node.flow || created.flow;
  return created;
}

/** Nodes read best one line each when small: `web: { kind: client, name: Web }`. */
function isSmallNode(node: unknown): boolean {
  return isMap(node) && node.items.length <= 3;
}

/** A link of plain values reads best on one line: `- { from: a, to: b, kind: sync }`. */
function isShortLink(node: unknown): boolean {
  return isMap(node) && node.items.length <= 6 && node.items.every((p) => isPair(p) && isScalar(p.value));
}

/** The house style of a fresh file for the part of a design under `key` (below `parentKey`). */
function styleDesignPart(node: unknown, key: string | undefined, parentKey: string | undefined): void {
  if (parentKey === 'nodes' && isSmallNode(node)) (node as YAMLMap).flow = true;
  if (key === 'nodes' && isMap(node)) for (const p of node.items) if (isPair(p)) styleDesignPart(p.value, undefined, 'nodes');
  if (key === 'links' && isSeq(node)) for (const item of node.items) if (isShortLink(item)) (item as YAMLMap).flow = true;
}

/** A fresh YAML text for a design: block maps, small parts inline. */
export function designToYaml(design: Design): string {
  const doc = new Document(design);
  styleNew(doc.contents);
  if (isMap(doc.contents)) {
    styleDesignPart(doc.contents.get('nodes', true), 'nodes', undefined);
    styleDesignPart(doc.contents.get('links', true), 'links', undefined);
  }
  return doc.toString(TO_STRING);
}

/**
 * Write a design back as YAML. With the text it was read from, only what changed is rewritten:
 * a changed scalar (a node's `at` after a drag, a timeout) replaces just that scalar's source
 * text, an added or removed node, link or key inserts or deletes just its lines, and everything
 * else (comments, their alignment, key order, blank lines, inline or block style) stays byte for
 * byte. Changes the text patcher cannot express safely fall back to merging into the YAML
 * Document, which still keeps comments and order but re-renders spacing. Without a previous
 * text, a fresh document is written.
 */
export function writeDesignYaml(design: Design, previous?: { text: string; doc: Document }): string {
  if (!previous) return designToYaml(design);
  const target = normalise(design);
  if (previous.doc.errors.length === 0 && deepEqual(previous.doc.toJS(), target)) return previous.text;
  const patched = patchText(previous.text, previous.doc, target);
  if (patched !== undefined) return patched;
  const doc = previous.doc.clone();
  doc.contents = mergeNode(doc, doc.contents, target) as never;
  return doc.toString(TO_STRING);
}

/** Drop `undefined` values so comparisons and writing agree with what a file would hold. */
function normalise(design: Design): unknown {
  return JSON.parse(JSON.stringify(design)) as unknown;
}

export function writeDesignJson(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Text patching: edits against the source text, checked by re-reading the result.

interface Edit {
  start: number;
  end: number;
  text: string;
  /** A scalar replaced in place: the trailing comment on its line keeps its column. */
  scalar?: boolean;
}

/** Thrown when a change is beyond what the patcher expresses safely; the caller falls back. */
class Unpatchable extends Error {}

/**
 * Apply the difference between the document and `target` as text edits. Returns undefined when
 * the change is structural in a way the patcher does not handle, or when re-reading the patched
 * text would not give exactly `target` (the guard that makes this safe to try).
 */
function patchText(text: string, doc: Document, target: unknown): string | undefined {
  if (doc.errors.length > 0 || !isMap(doc.contents) || !isPlainObject(target)) return undefined;
  const edits: Edit[] = [];
  try {
    new Patcher(text, doc, edits).patch(doc.contents, target, undefined, false);
  } catch (e) {
    if (e instanceof Unpatchable) return undefined;
    throw e;
  }
  const out = applyEdits(text, [...edits, ...alignComments(text, edits)]);
  const check = parseDocument(out);
  if (check.errors.length > 0 || !deepEqual(check.toJS(), target)) return undefined;
  return out;
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping YAML edits');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i === -1 ? text.length : i;
}

/** The end of the last non-blank character at or before `pos` (ranges may run over newlines). */
function contentEnd(text: string, pos: number): number {
  let p = pos;
  while (p > 0 && /\s/.test(text[p - 1]!)) p--;
  return p;
}

/**
 * When a scalar on a line grows or shrinks, the aligned comment after it (two or more spaces
 * before `#`) keeps its column, as in `at: [420, 160]               # canvas position`.
 */
function alignComments(text: string, edits: Edit[]): Edit[] {
  const byLine = new Map<number, Edit[]>();
  for (const e of edits) {
    if (!e.scalar) continue;
    const ls = lineStart(text, e.start);
    if (lineEnd(text, e.start) < e.end) continue;
    byLine.set(ls, [...(byLine.get(ls) ?? []), e]);
  }
  const out: Edit[] = [];
  for (const [ls, list] of byLine) {
    const delta = list.reduce((sum, e) => sum + e.text.length - (e.end - e.start), 0);
    if (delta === 0) continue;
    const last = Math.max(...list.map((e) => e.end));
    const rest = text.slice(last, lineEnd(text, ls));
    const m = /^([^#"']*?)( {2,})#/.exec(rest);
    if (!m) continue;
    const spaces = m[2]!.length;
    const wanted = Math.max(1, spaces - delta);
    const start = last + m[1]!.length;
    out.push({ start, end: start + spaces, text: ' '.repeat(wanted) });
  }
  return out;
}

/** A plain scalar that reads back as the same string, in block or flow context. */
function isSafePlain(s: string, inFlow: boolean): boolean {
  if (!/^[A-Za-z_/.][\w .:/&()@+-]*$/.test(s) || s.endsWith(' ') || s.endsWith(':')) return false;
  if (/: | #/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  return !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s) && Number.isNaN(Number(s));
}

function renderScalar(value: unknown, inFlow: boolean, original?: Scalar): string {
  if (typeof value === 'string') {
    if (original?.type === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
    if (original?.type !== Scalar.QUOTE_DOUBLE && isSafePlain(value, inFlow)) return value;
    return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Unpatchable('not a scalar');
}

function setFlow(node: unknown): void {
  if (isMap(node) || isSeq(node)) {
    node.flow = true;
    for (const item of node.items) setFlow(isPair(item) ? item.value : item);
  }
}

/** A value written inside a flow collection: `{ max: 2 }`, `[420, 160]`, `"a, b"`. */
function renderFlow(value: unknown): string {
  const doc = new Document([value]);
  setFlow(doc.contents);
  quoteStrings(doc.contents);
  const s = doc.toString(TO_STRING).trim();
  // Rendered as the one item of a flow list, so quoting fits a flow context.
  return s.slice(2, -2);
}

/** `key: value` written inside a flow map. */
function renderFlowPair(key: string, value: unknown): string {
  const s = renderFlow({ [key]: value });
  return s.slice(2, -2);
}

function indentLines(s: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return s
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** `key: value` in block style at `indent`, styled as a fresh file would be. */
function renderBlockPair(key: string, value: unknown, indent: number, parentKey: string | undefined): string {
  const doc = new Document({ [key]: value });
  styleNew(doc.contents);
  const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  if (pair) styleDesignPart(pair.value, key, parentKey);
  return indentLines(doc.toString(TO_STRING).trimEnd(), indent);
}

/** `- item` in block style at `indent`: one line when it is a short map of plain values. */
function renderBlockItem(value: unknown, indent: number): string {
  if (isPlainObject(value) && Object.values(value).every((v) => !isPlainObject(v) && !Array.isArray(v))) {
    const line = `- ${renderFlow(value)}`;
    if (line.length + indent <= 100) return indentLines(line, indent);
  }
  const doc = new Document([value]);
  styleNew(doc.contents);
  return indentLines(doc.toString(TO_STRING).trimEnd(), indent);
}

class Patcher {
  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly edits: Edit[],
  ) {}

  private js(node: unknown): unknown {
    return isNode(node) ? node.toJS(this.doc) : node;
  }

  private range(node: unknown): [number, number, number] {
    const r = isNode(node) ? node.range : undefined;
    if (!r) throw new Unpatchable('no source range');
    return r;
  }

  patch(node: unknown, value: unknown, key: string | undefined, inFlow: boolean): void {
    if (deepEqual(this.js(node), value)) return;
    if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
      if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) throw new Unpatchable('block scalar');
      const [start, end] = this.range(node);
      this.edits.push({ start, end, text: renderScalar(value, inFlow, node), scalar: true });
      return;
    }
    if (isMap(node) && isPlainObject(value)) return this.patchMap(node, value, key);
    if (isSeq(node) && Array.isArray(value)) return this.patchSeq(node, value, key);
    if (inFlow || (isMap(node) || isSeq(node) ? node.flow : true)) {
      // A different shape written inline, in place of the old inline value.
      const [start, end] = this.range(node);
      this.edits.push({ start, end, text: renderFlow(value) });
      return;
    }
    throw new Unpatchable('block value changes shape');
  }

  private patchMap(map: YAMLMap, value: Record<string, unknown>, key: string | undefined): void {
    const pairs = map.items.filter(isPair);
    if (pairs.length !== map.items.length) throw new Unpatchable('odd map');
    const present = new Set(pairs.map(keyOf));
    const removed = pairs.filter((p) => !Object.prototype.hasOwnProperty.call(value, keyOf(p)));
    if (removed.length === pairs.length && pairs.length > 0) throw new Unpatchable('map emptied');
    for (const pair of removed) this.removePair(map, pair);
    for (const pair of pairs) {
      const k = keyOf(pair);
      if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
      const v = value[k];
      const old = pair.value;
      const emptyInline = (isMap(old) || isSeq(old)) && old.flow && old.items.length === 0;
      const emptied =
        (isMap(old) || isSeq(old)) &&
        !old.flow &&
        old.items.length > 0 &&
        ((Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0));
      const shapeChange =
        (isPlainObject(v) && !isMap(old)) ||
        (Array.isArray(v) && !isSeq(old)) ||
        (isNode(old) && !isScalar(old) && !isPlainObject(v) && !Array.isArray(v));
      if (!map.flow && (emptyInline || emptied || shapeChange || old === null) && !deepEqual(this.js(old), v)) {
        // `links: []` gaining its first link becomes a block list, as a fresh file would have it.
        const ks = this.range(pair.key)[0];
        const end = old === null ? this.range(pair.key)[1] + 1 : contentEnd(this.text, this.range(old)[1]);
        const indent = ks - lineStart(this.text, ks);
        this.edits.push({ start: ks, end, text: renderBlockPair(k, v, indent, key).slice(indent) });
        continue;
      }
      this.patch(old, v, k, map.flow ?? false);
    }
    for (const [k, v] of Object.entries(value)) if (!present.has(k)) this.addPair(map, k, v, key);
  }

  private removePair(map: YAMLMap, pair: Pair): void {
    const ks = this.range(pair.key)[0];
    const valueEnd = pair.value ? this.range(pair.value)[1] : this.range(pair.key)[1];
    if (map.flow) {
      const pairs = map.items as Pair[];
      const i = pairs.indexOf(pair);
      const prev = pairs[i - 1];
      const next = pairs[i + 1];
      if (prev) {
        const prevEnd = prev.value ? this.range(prev.value)[1] : this.range(prev.key)[1];
        this.edits.push({ start: contentEnd(this.text, prevEnd), end: valueEnd, text: '' });
      } else if (next) this.edits.push({ start: ks, end: this.range(next.key)[0], text: '' });
      else throw new Unpatchable('flow map emptied');
      return;
    }
    const ls = lineStart(this.text, ks);
    if (this.text.slice(ls, ks).trim() !== '') throw new Unpatchable('key shares its line');
    const le = lineEnd(this.text, contentEnd(this.text, valueEnd));
    this.edits.push({ start: ls, end: Math.min(this.text.length, le + 1), text: '' });
  }

  private addPair(map: YAMLMap, key: string, value: unknown, parentKey: string | undefined): void {
    const pairs = map.items as Pair[];
    const last = pairs[pairs.length - 1];
    if (!last) throw new Unpatchable('empty map');
    const lastEnd = last.value ? this.range(last.value)[1] : this.range(last.key)[1];
    if (map.flow) {
      this.edits.push({
        start: contentEnd(this.text, lastEnd),
        end: contentEnd(this.text, lastEnd),
        text: `, ${renderFlowPair(key, value)}`,
      });
      return;
    }
    const first = this.range(pairs[0]!.key)[0];
    const indent = first - lineStart(this.text, first);
    const at = lineEnd(this.text, contentEnd(this.text, lastEnd));
    this.edits.push({ start: at, end: at, text: `\n${renderBlockPair(key, value, indent, parentKey)}` });
  }

  private patchSeq(seq: YAMLSeq, value: unknown[], key: string | undefined): void {
    const items = seq.items;
    if (items.length === value.length) {
      items.forEach((item, i) => this.patch(item, value[i], undefined, seq.flow ?? false));
      return;
    }
    if (seq.flow) {
      const [start, end] = this.range(seq);
      this.edits.push({ start, end, text: renderFlow(value) });
      return;
    }
    // Items added or removed: match by identity (a link's id, a flow's name), in order.
    const oldKeys = items.map((item) => itemKey(key, this.js(item)));
    const newKeys = value.map((v) => itemKey(key, v));
    if (oldKeys.some((k) => k === undefined) || newKeys.some((k) => k === undefined)) throw new Unpatchable('unkeyed list');
    if (new Set(oldKeys).size !== oldKeys.length || new Set(newKeys).size !== newKeys.length)
      throw new Unpatchable('duplicate keys');
    const kept = oldKeys.filter((k) => newKeys.includes(k));
    const keptInNew = newKeys.filter((k) => oldKeys.includes(k));
    if (!deepEqual(kept, keptInNew)) throw new Unpatchable('reordered list');
    if (kept.length === 0) throw new Unpatchable('list replaced');

    const first = this.range(items[0])[0];
    const indent = first - lineStart(this.text, first);
    const dashIndent = this.dashColumn(first, indent);
    items.forEach((item, i) => {
      const k = oldKeys[i];
      if (!newKeys.includes(k)) this.removeItem(item);
      else this.patch(item, value[newKeys.indexOf(k)], undefined, false);
    });
    // New items go before the next kept item, or after the last item.
    value.forEach((v, i) => {
      if (oldKeys.includes(newKeys[i])) return;
      const nextKept = newKeys.slice(i + 1).find((k) => oldKeys.includes(k));
      const rendered = renderBlockItem(v, dashIndent);
      if (nextKept !== undefined) {
        const at = lineStart(this.text, this.range(items[oldKeys.indexOf(nextKept)])[0]);
        this.edits.push({ start: at, end: at, text: `${rendered}\n` });
      } else {
        const lastItem = items[items.length - 1];
        const at = lineEnd(this.text, contentEnd(this.text, this.range(lastItem)[1]));
        this.edits.push({ start: at, end: at, text: `\n${rendered}` });
      }
    });
  }

  /** The column of the `-` before an item that starts at `itemStart`. */
  private dashColumn(itemStart: number, itemColumn: number): number {
    const ls = lineStart(this.text, itemStart);
    const before = this.text.slice(ls, itemStart);
    const m = /^(\s*)-\s+$/.exec(before);
    if (!m) throw new Unpatchable(`item not on a dash line (${itemColumn})`);
    return m[1]!.length;
  }

  private removeItem(item: unknown): void {
    const [start, end] = this.range(item);
    const ls = lineStart(this.text, start);
    if (!/^\s*-\s+$/.test(this.text.slice(ls, start))) throw new Unpatchable('item shares its line');
    const le = lineEnd(this.text, contentEnd(this.text, end));
    this.edits.push({ start: ls, end: Math.min(this.text.length, le + 1), text: '' });
  }
}

/**
 * The YAML for a design, written over `sourceText` (the file it was opened from, or the code
 * view's last text) so the user's comments and formatting survive; a fresh document without it,
 * or when that text no longer reads as YAML.
 */
export function writeDesignYamlOver(design: Design, sourceText: string | null | undefined): string {
  if (!sourceText) return writeDesignYaml(design);
  const doc = parseDocument(sourceText, { uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return writeDesignYaml(design);
  return writeDesignYaml(design, { text: sourceText, doc });
}
