import { deepEqual } from '../model/equal';
import type { Compatibility } from '../model/types';

/** One difference inside a message's JSON Schema, and whether the channel's mode forbids it. */
export interface SchemaChange {
  /** Segments below `schema`: `['properties', 'total', 'type']`. */
  path: (string | number)[];
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  breaking: boolean;
  /** Why, in the user's words: `property total changes type from number to string`. */
  reason: string;
}

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);
const requiredOf = (schema: Schema): Set<string> =>
  new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
const propertiesOf = (schema: Schema): Schema => (isSchema(schema.properties) ? schema.properties : {});

/**
 * What each compatibility mode forbids, as schema registries define them (Confluent's modes):
 * backward = new readers read old data, so a new required property breaks them; forward = old
 * readers read new data, so a required property that disappears breaks them; full = both; none
 * checks nothing. A type change breaks readers in both directions.
 */
const FORBIDS = {
  typeChange: (mode: Compatibility) => mode !== 'none',
  newRequired: (mode: Compatibility) => mode === 'backward' || mode === 'full',
  lostRequired: (mode: Compatibility) => mode === 'forward' || mode === 'full',
} as const;

/**
 * The differences between two message schemas, property by property (nested objects too). Only
 * what the modes talk about can break: types and required properties; other keywords are
 * reported as plain changes.
 */
export function compareSchemas(base: unknown, head: unknown, mode: Compatibility): SchemaChange[] {
  const out: SchemaChange[] = [];
  if (deepEqual(base, head)) return out;
  if (!isSchema(base) || !isSchema(head)) {
    out.push({
      path: [],
      change: base === undefined ? 'added' : head === undefined ? 'removed' : 'changed',
      ...(base !== undefined ? { before: base } : {}),
      ...(head !== undefined ? { after: head } : {}),
      breaking: false,
      reason: base === undefined ? 'schema added' : head === undefined ? 'schema removed' : 'schema replaced',
    });
    return out;
  }
  walk(base, head, [], mode, out);
  return out;
}

function label(path: readonly (string | number)[]): string {
  // ['properties','address','properties','city'] -> address.city; ['items'] -> []
  let out = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === 'properties' && i + 1 < path.length) out += `${out ? '.' : ''}${String(path[++i])}`;
    else if (path[i] === 'items') out += '[]';
  }
  return out || 'the payload';
}

function walk(base: Schema, head: Schema, at: (string | number)[], mode: Compatibility, out: SchemaChange[]): void {
  const before = out.length;
  if (base.type !== undefined && head.type !== undefined && !deepEqual(base.type, head.type)) {
    out.push({
      path: [...at, 'type'],
      change: 'changed',
      before: base.type,
      after: head.type,
      breaking: FORBIDS.typeChange(mode),
      reason: `${label(at)} changes type from ${JSON.stringify(base.type)} to ${JSON.stringify(head.type)}`,
    });
  }
  const baseProps = propertiesOf(base);
  const headProps = propertiesOf(head);
  const baseRequired = requiredOf(base);
  const headRequired = requiredOf(head);
  const names = [...new Set([...Object.keys(baseProps), ...Object.keys(headProps)])];
  for (const name of names) {
    const path = [...at, 'properties', name];
    const b = baseProps[name];
    const h = headProps[name];
    const what = label(path);
    if (b === undefined && h !== undefined) {
      const required = headRequired.has(name);
      out.push({
        path,
        change: 'added',
        after: h,
        breaking: required && FORBIDS.newRequired(mode),
        reason: `${required ? 'required ' : ''}property ${what} added`,
      });
    } else if (b !== undefined && h === undefined) {
      const required = baseRequired.has(name);
      out.push({
        path,
        change: 'removed',
        before: b,
        breaking: required && FORBIDS.lostRequired(mode),
        reason: `${required ? 'required ' : ''}property ${what} removed`,
      });
    } else if (b !== undefined && h !== undefined) {
      if (baseRequired.has(name) !== headRequired.has(name)) {
        const nowRequired = headRequired.has(name);
        out.push({
          path: [...at, 'required', name],
          change: 'changed',
          before: !nowRequired,
          after: nowRequired,
          breaking: nowRequired ? FORBIDS.newRequired(mode) : FORBIDS.lostRequired(mode),
          reason: `property ${what} ${nowRequired ? 'becomes required' : 'is no longer required'}`,
        });
      }
      if (!deepEqual(b, h)) {
        if (isSchema(b) && isSchema(h)) walk(b, h, path, mode, out);
        else out.push({ path, change: 'changed', before: b, after: h, breaking: false, reason: `property ${what} changed` });
      }
    }
  }
  // An array's item schema is compared like a property's.
  if (isSchema(base.items) && isSchema(head.items) && !deepEqual(base.items, head.items))
    walk(base.items, head.items, [...at, 'items'], mode, out);
  // Whatever else differs at this level (description, format, enum...) is reported, not judged.
  const others = new Set([...Object.keys(base), ...Object.keys(head)]);
  for (const key of ['type', 'properties', 'required']) others.delete(key);
  if (isSchema(base.items) && isSchema(head.items)) others.delete('items');
  for (const key of others) {
    if (deepEqual(base[key], head[key])) continue;
    out.push({
      path: [...at, key],
      change: base[key] === undefined ? 'added' : head[key] === undefined ? 'removed' : 'changed',
      ...(base[key] !== undefined ? { before: base[key] } : {}),
      ...(head[key] !== undefined ? { after: head[key] } : {}),
      breaking: false,
      reason: `${key} of ${label(at)} changed`,
    });
  }
  // `required` listing a name with no property entry: still a contract change.
  if (out.length === before && !deepEqual(base, head)) {
    out.push({ path: at, change: 'changed', before: base, after: head, breaking: false, reason: `${label(at)} changed` });
  }
}
