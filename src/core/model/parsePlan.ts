/**
 * A zod schema as plain data: what fastParse.ts needs to check a value the way zod would. The
 * design's plan is written once, by `npm run schema`, into designPlan.json, so reading a design
 * needs no zod at all until a design fails the check and zod is asked to word the issues
 * (`signalbox lint` then starts without loading or building the schema). fastParse.test.ts holds
 * designPlan.json equal to `planOf(designSchema)`, so the two cannot drift.
 */

/** One check of a number or a string: zod's `checks` on the def, the kinds fastParse knows. */
export type PlanCheck =
  | { check: 'safeint' }
  | { check: 'greater_than' | 'less_than'; value: number; inclusive: boolean }
  | { check: 'min_length'; minimum: number };

export interface PlanField {
  key: string;
  plan: Plan;
  /** `.optional()`: the key may be missing. */
  optional?: true;
  /** `.default([])`: a missing key reads as an empty list. */
  defaultEmptyList?: true;
}

export type Plan =
  | { type: 'unknown' }
  | { type: 'string' | 'number'; checks: PlanCheck[] }
  | { type: 'boolean' }
  | { type: 'enum'; values: string[] }
  | { type: 'literal'; values: (string | number | boolean | null)[] }
  | { type: 'union'; options: Plan[] }
  | { type: 'array'; element: Plan }
  | { type: 'tuple'; items: Plan[] }
  | { type: 'record'; value: Plan }
  /** A loose object: unknown keys are kept, after the known ones. */
  | { type: 'object'; fields: PlanField[] };

interface ZodDef {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
}

function getDef(schema: unknown): ZodDef {
  return (schema as { _zod: { def: ZodDef } })._zod.def;
}

function planCheck(def: Record<string, unknown>): PlanCheck {
  switch (def.check) {
    case 'number_format':
      if (def.format === 'safeint') return { check: 'safeint' };
      break;
    case 'greater_than':
    case 'less_than':
      return { check: def.check, value: def.value as number, inclusive: Boolean(def.inclusive) };
    case 'min_length':
      return { check: 'min_length', minimum: def.minimum as number };
  }
  throw new Error(`planOf: no plan for the zod check ${JSON.stringify(def.check)}`);
}

function planChecks(def: ZodDef): PlanCheck[] {
  return (def.checks ?? []).map((check) => planCheck(check._zod.def));
}

function noChecks(def: ZodDef): void {
  if (def.checks?.length) throw new Error(`planOf: no plan for checks on a zod ${def.type}`);
}

/**
 * The plan of a zod schema built of the constructs the design schema uses; any other construct
 * (a refinement, a transform, a strict object, a default other than `[]`) is an error here, at
 * `npm run schema`, rather than a wrong answer when a design is read.
 */
export function planOf(schema: unknown): Plan {
  const def = getDef(schema);
  switch (def.type) {
    case 'unknown':
      return { type: 'unknown' };
    case 'string':
    case 'number':
      return { type: def.type, checks: planChecks(def) };
    case 'boolean':
      noChecks(def);
      return { type: 'boolean' };
    case 'enum':
      noChecks(def);
      return { type: 'enum', values: Object.values(def.entries as Record<string, string>) };
    case 'literal':
      return { type: 'literal', values: def.values as (string | number | boolean | null)[] };
    case 'union':
      return { type: 'union', options: (def.options as unknown[]).map(planOf) };
    case 'array':
      noChecks(def);
      return { type: 'array', element: planOf(def.element) };
    case 'tuple':
      noChecks(def);
      if (def.rest) throw new Error('planOf: no plan for a tuple with a rest');
      return { type: 'tuple', items: (def.items as unknown[]).map(planOf) };
    case 'record': {
      const key = getDef(def.keyType);
      if (key.type !== 'string' || key.checks?.length) throw new Error('planOf: only records keyed by any text have a plan');
      return { type: 'record', value: planOf(def.valueType) };
    }
    case 'object': {
      noChecks(def);
      if (def.catchall === undefined || getDef(def.catchall).type !== 'unknown')
        throw new Error('planOf: only loose objects have a plan');
      const shape = def.shape as Record<string, unknown>;
      return { type: 'object', fields: Object.entries(shape).map(([key, field]) => planField(key, field)) };
    }
  }
  throw new Error(`planOf: no plan for the zod type "${def.type}"`);
}

function planField(key: string, field: unknown): PlanField {
  const def = getDef(field);
  if (def.type === 'optional') return { key, plan: planOf(def.innerType), optional: true };
  if (def.type === 'default') {
    const fallback = def.defaultValue;
    if (!(Array.isArray(fallback) && fallback.length === 0)) throw new Error('planOf: only `.default([])` has a plan');
    return { key, plan: planOf(def.innerType), defaultEmptyList: true };
  }
  return { key, plan: planOf(field) };
}

/** designPlan.json's text: the plan of `schema`, indented, so a change of schema reads as a diff. */
export function getDesignPlanText(schema: unknown): string {
  return `${JSON.stringify(planOf(schema), null, 2)}\n`;
}
