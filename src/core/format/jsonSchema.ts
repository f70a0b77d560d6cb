import { z } from 'zod';
import { designSchema } from '../model/schema';
import { FORMAT_VERSION } from '../model/types';
import { getKeyDoc } from '../yamlmap/schemaHelp';
import type { ObjectKind } from '../yamlmap/context';

/** Where the published schema lives; editors fetch it from the `$schema` line. */
export const SCHEMA_ID = 'https://signalbox.dev/schema/signalbox.schema.json';

type JsonSchema = { [key: string]: unknown };

function isSchema(v: unknown): v is JsonSchema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object schema a key leads to: through `additionalProperties` (maps), `items` (lists), `anyOf`. */
function objectsUnder(schema: unknown): JsonSchema[] {
  if (!isSchema(schema)) return [];
  if (schema.type === 'object' && isSchema(schema.properties)) return [schema];
  const found: JsonSchema[] = [];
  for (const key of ['items', 'additionalProperties']) if (isSchema(schema[key])) found.push(...objectsUnder(schema[key]));
  if (Array.isArray(schema.anyOf)) for (const s of schema.anyOf) found.push(...objectsUnder(s));
  return found;
}

/** Which format.md object each nested key holds, so every property gets its hover text. */
const CHILDREN: Partial<Record<ObjectKind, Record<string, ObjectKind>>> = {
  design: { nodes: 'node', links: 'link', flows: 'flow' },
  link: { retry: 'retry', breaker: 'breaker', bulkhead: 'bulkhead', message: 'message' },
  flow: { steps: 'step' },
};

function describe(schema: JsonSchema, object: ObjectKind): void {
  const properties = schema.properties as Record<string, JsonSchema>;
  for (const [key, property] of Object.entries(properties)) {
    const doc = getKeyDoc(object, key);
    if (doc && property.description === undefined) property.description = doc;
    const child = CHILDREN[object]?.[key];
    if (child) for (const nested of objectsUnder(property)) describe(nested, child);
  }
}

/**
 * The design format (format.md) as JSON Schema 2020-12, generated from the one zod schema so the
 * two cannot drift. Unknown keys stay allowed: the app keeps them and only warns.
 */
export function getDesignJsonSchema(): JsonSchema {
  // io 'input': what a file may hold (links may be left out; the reader defaults them to []).
  const generated = z.toJSONSchema(designSchema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  const schema: JsonSchema = {
    $schema,
    $id: SCHEMA_ID,
    title: 'Signalbox design',
    description: 'A Signalbox design: services, brokers, databases and how they talk (format.md).',
    ...rest,
  };
  describe(schema, 'design');
  // A version newer than this build is refused by the reader, so the schema refuses it too.
  const properties = schema.properties as Record<string, JsonSchema>;
  if (properties.signalbox) properties.signalbox.maximum = FORMAT_VERSION;
  return schema;
}

/** The file written to schema/signalbox.schema.json: stable key order, two-space indent, final newline. */
export function getDesignJsonSchemaText(): string {
  return `${JSON.stringify(getDesignJsonSchema(), null, 2)}\n`;
}
