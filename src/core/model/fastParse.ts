import type { Design } from './types';
import type { Plan, PlanCheck, PlanField } from './parsePlan';
import DESIGN_PLAN from './designPlan.json' with { type: 'json' };

/**
 * A hand-rolled check of a design against the zod schema, compiled at first use from the schema's
 * plan (parsePlan.ts: designPlan.json, written from the schema by `npm run schema` and held equal
 * to it by fastParse.test.ts), so it cannot drift from the schema and runs without zod. On a 5 MB
 * design it is several times faster than `safeParse` (zod builds a payload and an issue list per
 * value). It answers only "valid, and here is exactly what zod would return" or "ask zod":
 * anything unusual (a `__proto__` key, an `undefined`, a non-plain object) falls back, and zod
 * produces the messages. fastParse.test.ts checks the two agree, key order included.
 */

/** A unique value: "not the fast path's business, ask zod". */
const FAIL: unique symbol = Symbol('fail');
/**
 * How a parse may use its input: `copy` never returns it; `reuse` returns any part already equal
 * to zod's output (the caller owns the input); `reuse-any-order` also keeps a part whose keys are
 * in another order than zod's, and fills in a missing `.default([])` in place (the caller owns the
 * input and does not mind key order: `signalbox lint`).
 */
export type ParseMode = 'copy' | 'reuse' | 'reuse-any-order';

type Parse = (input: unknown) => unknown;

/** Keys outside an object's schema met by the parse under way (fastParseDesignNoting). */
let unknownKeys = 0;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One check of a number or a string. */
function compileCheck(check: PlanCheck): (value: never) => boolean {
  switch (check.check) {
    case 'safeint':
      return (n: number) => Number.isSafeInteger(n);
    case 'greater_than': {
      const limit = check.value;
      return check.inclusive ? (n: number) => n >= limit : (n: number) => n > limit;
    }
    case 'less_than': {
      const limit = check.value;
      return check.inclusive ? (n: number) => n <= limit : (n: number) => n < limit;
    }
    case 'min_length': {
      const min = check.minimum;
      return (s: string) => s.length >= min;
    }
  }
}

/**
 * Compile one schema's plan into a parse that returns zod's output or FAIL. With `reuse`, a value
 * already equal to zod's output (same keys in the same order, nothing to fill in) is returned
 * itself rather than copied: for a caller that owns the input, a 5 MB design is not built twice.
 */
function compile(plan: Plan, mode: ParseMode): Parse {
  const reuse = mode !== 'copy';
  switch (plan.type) {
    case 'unknown':
      return (input) => (input === undefined ? FAIL : input);
    // Indexed loops: these run for every value of a big design, on cold code, where `for...of`
    // (an iterator each call) costs most.
    case 'string': {
      const checks = plan.checks.map(compileCheck) as ((s: string) => boolean)[];
      return (input) => {
        if (typeof input !== 'string') return FAIL;
        for (let c = 0; c < checks.length; c++) if (!checks[c]!(input)) return FAIL;
        return input;
      };
    }
    case 'number': {
      const checks = plan.checks.map(compileCheck) as ((n: number) => boolean)[];
      return (input) => {
        if (typeof input !== 'number' || !Number.isFinite(input)) return FAIL;
        for (let c = 0; c < checks.length; c++) if (!checks[c]!(input)) return FAIL;
        return input;
      };
    }
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : FAIL);
    case 'enum': {
      const values = new Set<unknown>(plan.values);
      return (input) => (typeof input === 'string' && values.has(input) ? input : FAIL);
    }
    case 'literal': {
      const values: unknown[] = plan.values;
      return (input) => (values.includes(input) ? input : FAIL);
    }
    case 'union': {
      const options = plan.options.map((option) => compile(option, mode));
      return (input) => {
        for (let o = 0; o < options.length; o++) {
          const out = options[o]!(input);
          if (out !== FAIL) return out;
        }
        return FAIL;
      };
    }
    case 'array': {
      const element = compile(plan.element, mode);
      return (input) => {
        if (!Array.isArray(input)) return FAIL;
        let out: unknown[] | undefined = reuse ? undefined : new Array<unknown>(input.length);
        for (let i = 0; i < input.length; i++) {
          if (!(i in input)) return FAIL;
          const item: unknown = input[i];
          const value = element(item);
          if (value === FAIL) return FAIL;
          if (out === undefined && value !== item) out = input.slice(0, i);
          if (out !== undefined) out[i] = value;
        }
        return out ?? input;
      };
    }
    case 'tuple': {
      const items = plan.items.map((item) => compile(item, mode));
      return (input) => {
        if (!Array.isArray(input) || input.length !== items.length) return FAIL;
        let out: unknown[] | undefined = reuse ? undefined : new Array<unknown>(items.length);
        for (let i = 0; i < items.length; i++) {
          const item: unknown = input[i];
          const value = items[i]!(item);
          if (value === FAIL) return FAIL;
          if (out === undefined && value !== item) out = input.slice(0, i);
          if (out !== undefined) out[i] = value;
        }
        return out ?? input;
      };
    }
    case 'record': {
      const value = compile(plan.value, mode);
      return (input) => {
        if (!isPlainObject(input)) return FAIL;
        // zod's output is an ordinary object: one without a prototype is copied.
        let out: Record<string, unknown> | undefined =
          reuse && Object.getPrototypeOf(input) === Object.prototype ? undefined : {};
        const keys = Object.keys(input);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k]!;
          if (key === '__proto__') return FAIL;
          const item = input[key];
          const parsed = value(item);
          if (parsed === FAIL) return FAIL;
          if (out === undefined && parsed !== item) {
            out = {};
            for (let e = 0; e < k; e++) out[keys[e]!] = input[keys[e]!];
          }
          if (out !== undefined) out[key] = parsed;
        }
        return out ?? input;
      };
    }
    case 'object':
      return compileObject(plan.fields, mode);
  }
}

/** A zod object, loose (unknown keys kept, after the known ones in shape order, as zod does). */
function compileObject(shape: readonly PlanField[], mode: ParseMode): Parse {
  const reuse = mode !== 'copy';
  const anyOrder = mode === 'reuse-any-order';
  const fields = shape.map(({ key, plan, optional, defaultEmptyList }) => ({
    key,
    parse: compile(plan, mode),
    optional: optional === true,
    fallback: defaultEmptyList ? () => [] : undefined,
  }));
  const known = new Set(fields.map(({ key }) => key));
  const order = new Map(fields.map(({ key }, i) => [key, i]));
  /** True when the input's keys are the known ones in shape order, then the unknown ones: zod's order. */
  const inZodOrder = (input: Record<string, unknown>) => {
    let last = -1;
    let unknownSeen = false;
    for (const key in input) {
      const at = order.get(key);
      if (at === undefined) unknownSeen = true;
      else if (unknownSeen || at < last) return false;
      else last = at;
    }
    return true;
  };
  const hasOwn = (input: object, key: string) => Object.prototype.hasOwnProperty.call(input, key);
  /** A copy of the fields before `f`, which the parse left as they were. */
  const copyBefore = (input: Record<string, unknown>, f: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let g = 0; g < f; g++) {
      const { key } = fields[g]!;
      if (hasOwn(input, key)) out[key] = input[key];
    }
    return out;
  };
  const required = fields.filter((field) => !field.optional).length;
  /**
   * With `reuse-any-order`: one pass over the input's own keys, putting right in place what
   * differs from zod's output but the order. Objects in a design hold a few of their schema's many
   * fields: this looks at those, not at every field. Own keys are the enumerable ones: an owned
   * input is a parser's output, which has no others.
   */
  const inPlace = (input: Record<string, unknown>): unknown => {
    const keys = Object.keys(input);
    let present = 0;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const value = input[key];
      // An own key holding undefined: zod's answer depends on details; let zod give it.
      if (value === undefined) return FAIL;
      const at = order.get(key);
      if (at === undefined) {
        if (key === '__proto__') return FAIL;
        unknownKeys++;
        continue;
      }
      const field = fields[at]!;
      const parsed = field.parse(value);
      if (parsed === FAIL) return FAIL;
      if (parsed !== value) input[key] = parsed;
      if (!field.optional) present++;
    }
    if (present === required) return input;
    for (let f = 0; f < fields.length; f++) {
      const { key, optional, fallback } = fields[f]!;
      if (optional || hasOwn(input, key)) continue;
      if (!fallback) return FAIL;
      input[key] = fallback();
    }
    return input;
  };
  return (input) => {
    if (!isPlainObject(input)) return FAIL;
    if (anyOrder && Object.getPrototypeOf(input) === Object.prototype) return inPlace(input);
    // One pass; with `reuse`, nothing is copied until a field differs from zod's output.
    let out: Record<string, unknown> | undefined =
      reuse && Object.getPrototypeOf(input) === Object.prototype && inZodOrder(input) ? undefined : {};
    for (let f = 0; f < fields.length; f++) {
      const { key, parse, optional, fallback } = fields[f]!;
      const own = hasOwn(input, key);
      const value = own ? input[key] : undefined;
      let parsed: unknown;
      if (value === undefined) {
        // An own key holding undefined: zod's answer depends on details; let zod give it.
        if (own) return FAIL;
        if (optional) continue;
        if (!fallback) return FAIL;
        parsed = fallback();
      } else {
        parsed = parse(value);
        if (parsed === FAIL) return FAIL;
      }
      if (out === undefined && parsed !== value) out = copyBefore(input, f);
      if (out !== undefined) out[key] = parsed;
    }
    for (const key in input) {
      if (known.has(key) || !hasOwn(input, key)) continue;
      if (key === '__proto__') return FAIL;
      const value = input[key];
      if (value === undefined) return FAIL;
      unknownKeys++;
      if (out !== undefined) out[key] = value;
    }
    return out ?? input;
  };
}

const parsers: Partial<Record<ParseMode, Parse>> = {};

/**
 * What `designSchema.safeParse(raw).data` would be when it succeeds, or undefined when it would
 * fail or the input is unusual: the caller then asks zod, which words the issues. `reuse`: the
 * caller made `raw` and keeps no other use of it (a parser's fresh output), so every part already
 * in zod's shape is returned as it is, not copied; `reuse-any-order`: key order aside (ParseMode).
 */
export function fastParseDesign(raw: unknown, mode: ParseMode = 'copy'): Design | undefined {
  return fastParseDesignNoting(raw, mode)?.design;
}

/**
 * fastParseDesign, noting too whether any object held a key outside its schema (`unknownKeys`):
 * when none did, validation has no unknown key to look for.
 */
export function fastParseDesignNoting(
  raw: unknown,
  mode: ParseMode = 'copy',
): { design: Design; unknownKeys: boolean } | undefined {
  const parse = (parsers[mode] ??= compile(DESIGN_PLAN as Plan, mode));
  unknownKeys = 0;
  const out = parse(raw);
  return out === FAIL ? undefined : { design: out as Design, unknownKeys: unknownKeys > 0 };
}
