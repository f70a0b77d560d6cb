import type { Design } from '../model/types';
import { createUniqueNamer } from './slug';

/**
 * Kubernetes names for every node, in design order: DNS-1035 labels (lower-case letters, digits
 * and `-`, a letter first, at most 40 characters).
 * The mesh and gateway exporters and the alerts use the same names, so an alert's
 * `destination_workload` is the workload the VirtualService routes to.
 */
export function getDnsNames(design: Design): Map<string, string> {
  const unique = createUniqueNamer();
  const names = new Map<string, string>();
  for (const id of Object.keys(design.nodes)) {
    let name = id
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 36)
      .replace(/-+$/, '');
    if (!/^[a-z]/.test(name)) name = `n-${name}`.replace(/-+$/, '');
    names.set(id, unique(name));
  }
  return names;
}

/**
 * The name of an object about two nodes, `<callee>-from-<caller>` (or `<gateway>-to-<backend>`): one DNS label, so
 * at most 63 characters. A longer pair keeps as much of both names as fits and ends in a hash of
 * the whole, so two long pairs never collide and the name is the same in every export.
 */
export function pairName(callee: string, caller: string, joiner: 'from' | 'to' = 'from'): string {
  const whole = `${callee}-${joiner}-${caller}`;
  if (whole.length <= 63) return whole;
  let hash = 0x811c9dc5;
  for (let i = 0; i < whole.length; i++) hash = Math.imul(hash ^ whole.charCodeAt(i), 0x01000193);
  const tag = (hash >>> 0).toString(36).padStart(7, '0');
  const half = (text: string) => text.slice(0, 24).replace(/-+$/, '');
  return `${half(callee)}-${joiner}-${half(caller)}-${tag}`;
}

/** `order service` -> `OrderService`: a letter first, then letters and digits (protobuf, Java, C#, TS). */
export function toPascalIdentifier(text: string, fallback: string): string {
  const words = text.normalize('NFKD').match(/[A-Za-z0-9]+/g) ?? [];
  const joined = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const name = joined.slice(0, 60);
  if (name === '') return fallback;
  return /^[A-Za-z]/.test(name) ? name : `${fallback}${name}`;
}

/** `Order Service` -> `order_service`: lower snake case, a letter first. */
export function toSnakeIdentifier(text: string, fallback: string): string {
  const name = text
    .normalize('NFKD')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  if (name === '') return fallback;
  return /^[a-z]/.test(name) ? name : `${fallback}_${name}`;
}

/**
 * Free text as the body of a one-line comment in any of our target languages: no line
 * terminator of any of them (JS counts U+2028/2029, Python a form feed), no control character,
 * no lone surrogate.
 */
export function commentText(text: string): string {
  return (
    wellFormed(text)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .trim()
  );
}

/** Seconds with up to three decimals, as Istio's durations are written: 1500 -> `1.5s`. */
export function istioDuration(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

/** Lone surrogates (which no UTF-8 file can hold) as U+FFFD; String#toWellFormed is ES2024. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Like createUniqueNamer, for identifiers: `Name`, `Name2`, `Name3` (a `-` is no identifier). */
export function createIdentifierNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

/** The annotation on every exported object that names the design node it came from. */
export const NODE_ANNOTATION = 'signalbox.dev/node';
