import { Document, isMap, isPair, isScalar, isSeq, type YAMLMap, type YAMLSeq, type Node as YamlNode } from 'yaml';
import { deepEqual } from '../model/equal';
import type { Design } from '../model/types';
import { getLinkId } from '../model/ids';

/** Keys whose small values read best inline: `at: [420, 160]`, `retry: { max: 2 }`. */
const INLINE_KEYS = new Set(['at', 'tags', 'operations', 'retry', 'breaker', 'bulkhead']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function styleNew(node: unknown, key?: string): void {
  if (isMap(node) || isSeq(node)) {
    if (key !== undefined && INLINE_KEYS.has(key)) node.flow = true;
    if (isMap(node))
      for (const pair of node.items)
        if (isPair(pair)) styleNew(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
    if (isSeq(node)) for (const item of node.items) styleNew(item);
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

/** Make `node` hold `value`, touching only what differs; returns the node to keep in place. */
function mergeNode(doc: Document, node: unknown, value: unknown, key?: string): unknown {
  if (isPlainObject(value) && isMap(node)) {
    const wanted = new Set(Object.keys(value));
    node.items = node.items.filter((p) => !isPair(p) || wanted.has(String(isScalar(p.key) ? p.key.value : p.key)));
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === k);
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
    if (node.value !== value) node.value = value;
    return node;
  }
  const created = doc.createNode(value);
  styleNew(created, key);
  if ((isMap(node) || isSeq(node)) && (isMap(created) || isSeq(created))) created.flow = node.flow || created.flow;
  return created;
}

/** A fresh YAML text for a design: block maps, small parts inline. */
export function designToYaml(design: Design): string {
  const doc = new Document(design);
  styleNew(doc.contents);
  // Nodes read best one line each when small: `web: { kind: client, name: Web }`.
  const nodes = isMap(doc.contents) ? doc.contents.get('nodes', true) : undefined;
  if (isMap(nodes)) {
    for (const pair of nodes.items) {
      if (isPair(pair) && isMap(pair.value) && pair.value.items.length <= 3) pair.value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/**
 * Write a design back as YAML. With the text it was read from, only what changed is rewritten:
 * comments, key order and the style of untouched parts stay (the text is returned as is when
 * nothing changed). Without it, a fresh document is written.
 */
export function writeDesignYaml(design: Design, previous?: { text: string; doc: Document }): string {
  if (!previous) return designToYaml(design);
  if (deepEqual(previous.doc.toJS(), normalise(design))) return previous.text;
  const doc = previous.doc.clone();
  doc.contents = mergeNode(doc, doc.contents, normalise(design)) as never;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Drop `undefined` values so comparisons and writing agree with what a file would hold. */
function normalise(design: Design): unknown {
  return JSON.parse(JSON.stringify(design)) as unknown;
}

export function writeDesignJson(design: Design): string {
  return `${JSON.stringify(design, null, 2)}\n`;
}
