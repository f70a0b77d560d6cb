/**
 * How an inspector field turns text into a design value and back, validated by the model's own
 * zod schemas, so the inspector and a file load say the same thing about the same value.
 * An empty field means "not stated": the key is removed.
 */
import type { z } from 'zod';

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface FieldCodec {
  parse: (text: string) => ParseResult;
  format: (value: unknown) => string;
}

function check(schema: z.ZodType, value: unknown): ParseResult {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: result.error.issues[0]?.message ?? 'not a valid value' };
}

const formatText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function textCodec(schema: z.ZodType): FieldCodec {
  return { parse: (text) => check(schema, text === '' ? undefined : text), format: formatText };
}

export function numberCodec(schema: z.ZodType): FieldCodec {
  return {
    parse: (text) => {
      const trimmed = text.trim();
      if (trimmed === '') return check(schema, undefined);
      const n = Number(trimmed);
      // Not a number: let the schema word the message ("expected a positive integer").
      return check(schema, Number.isFinite(n) ? n : trimmed);
    },
    format: formatText,
  };
}

/** One item per line (operations) or comma-separated (tags). */
export function listCodec(schema: z.ZodType, separator: 'line' | 'comma'): FieldCodec {
  return {
    parse: (text) => {
      const items = text
        .split(separator === 'line' ? /\r?\n/ : ',')
        .map((s) => s.trim())
        .filter(Boolean);
      return check(schema, items.length === 0 ? undefined : items);
    },
    format: (value) => (Array.isArray(value) ? value.join(separator === 'line' ? '\n' : ', ') : ''),
  };
}

export function jsonCodec(schema: z.ZodType): FieldCodec {
  return {
    parse: (text) => {
      if (text.trim() === '') return check(schema, undefined);
      try {
        return check(schema, JSON.parse(text) as unknown);
      } catch (error) {
        return { ok: false, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    format: (value) => (value === undefined ? '' : JSON.stringify(value, null, 2)),
  };
}

/** A message version: a bare whole number stays a number, anything else is text. */
export function versionCodec(schema: z.ZodType): FieldCodec {
  return {
    parse: (text) => {
      const trimmed = text.trim();
      if (trimmed === '') return check(schema, undefined);
      return check(schema, /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
    },
    format: formatText,
  };
}
