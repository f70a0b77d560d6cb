import type { Design, Issue, PathSegment } from './types';
import { FORMAT_VERSION } from './types';
import { KNOWN_KEYS } from './keys';
import { getLinkIds, getLinkIndex } from './ids';
import { fastParseDesignNoting, type ParseMode } from './fastParse';
import { parseWithZod } from './zodParse';

export type { PathSegment };

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['links', 3, 'timeoutMs']` -> `links[3].timeoutMs`; odd keys are quoted: `nodes["my node"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export interface ValidationResult {
  /** Present when there is no error; warnings may still be listed. */
  design?: Design;
  issues: Issue[];
  /** The path of every issue, as segments, parallel to `issues` (for line:column lookup). */
  paths: PathSegment[][];
}

/** KNOWN_KEYS as sets, for one lookup per key. */
const KNOWN = Object.fromEntries(
  Object.entries(KNOWN_KEYS).map(([what, keys]) => [what, new Set<string>(keys)]),
) as unknown as Record<keyof typeof KNOWN_KEYS, ReadonlySet<string>>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A document whose `signalbox:` is a format version newer than this build reads (it is refused, not half-read). */
export function isNewerFormat(raw: unknown): boolean {
  const version = isRecord(raw) ? raw.signalbox : undefined;
  return typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION;
}

/**
 * Check a parsed document against format.md: schema, version, references, duplicate ids.
 * Unknown keys are kept and reported as warnings. `mode` (fastParseDesign's ParseMode): `reuse`
 * when `raw` is a parser's fresh output with no shared parts (no YAML aliases) and no other use, so
 * the design may be made of it rather than of a copy; `reuse-any-order` when, besides, the caller
 * does not mind its keys in the order read rather than the schema's.
 */
export function validateDesign(raw: unknown, mode: ParseMode = 'copy'): ValidationResult {
  const issues: Issue[] = [];
  const paths: PathSegment[][] = [];
  const add = (severity: Issue['severity'], path: PathSegment[], message: string) => {
    issues.push({ severity, path: formatPath(path), message });
    paths.push(path);
  };

  if (!isRecord(raw)) {
    add('error', [], 'expected a design document (a map with signalbox, name, nodes, links)');
    return { issues, paths };
  }
  if (isNewerFormat(raw)) {
    add(
      'error',
      ['signalbox'],
      `format version ${String(raw.signalbox)} is newer than this Signalbox reads (${FORMAT_VERSION}); update Signalbox to open it`,
    );
    return { issues, paths };
  }

  // `__proto__` as a map key would become the prototype of the parsed map, not a node: the node
  // would vanish without a word. Refuse it by name instead.
  if (isRecord(raw.nodes) && Object.prototype.hasOwnProperty.call(raw.nodes, '__proto__')) {
    add('error', ['nodes', '__proto__'], 'node id "__proto__" is reserved; choose another id');
    return { issues, paths };
  }
  // zod only when the fast check cannot vouch for the design: zod words the issues.
  const fast = fastParseDesignNoting(raw, mode);
  const parsed = fast ? ({ success: true, data: fast.design } as const) : parseWithZod(raw);
  if (!parsed.success) {
    for (const zi of parsed.error.issues) {
      const path = zi.path.filter((s): s is PathSegment => typeof s !== 'symbol');
      add('error', path, zi.message);
    }
    return { issues, paths };
  }
  const design = parsed.data as Design;

  // References and ids.
  const linkIds = getLinkIds(design.links);
  const seen = getLinkIndex(design.links);
  // An indexed loop: it runs over every link of a big design, on cold code.
  const hasNode = (id: string) => Object.prototype.hasOwnProperty.call(design.nodes, id);
  for (let i = 0; i < design.links.length; i++) {
    const link = design.links[i]!;
    if (!hasNode(link.from)) add('error', ['links', i, 'from'], `unknown node "${link.from}"`);
    if (!hasNode(link.to)) add('error', ['links', i, 'to'], `unknown node "${link.to}"`);
    const id = linkIds[i]!;
    const first = seen.get(id)!;
    if (first !== i) add('error', ['links', i], `duplicate link id "${id}" (same as links[${first}])`);
  }
  design.flows?.forEach((flow, f) =>
    flow.steps.forEach((step, s) => {
      if (!seen.has(step.link)) add('error', ['flows', f, 'steps', s, 'link'], `unknown link "${step.link}"`);
    }),
  );

  // Unknown keys: kept, reported. The path is built only for a key that is reported: a 5 MB
  // design has a hundred thousand maps to look through and next to nothing to report.
  const warnUnknown = (obj: unknown, known: ReadonlySet<string>, path: () => PathSegment[]) => {
    if (!isRecord(obj)) return;
    for (const key in obj) {
      if (!known.has(key) && Object.prototype.hasOwnProperty.call(obj, key))
        add('warning', [...path(), key], 'unknown key (kept as is)');
    }
  };
  // The fast parse notes every key outside its schemas, whose shapes are these lists
  // (model.test.ts holds them equal): when it met none, there is none to look for.
  const mayHaveUnknownKeys = !fast || fast.unknownKeys;
  if (mayHaveUnknownKeys) {
    warnUnknown(raw, KNOWN.design, () => []);
    warnUnknown(design.defaults, KNOWN.defaults, () => ['defaults']);
    warnUnknown(design.defaults?.retry, KNOWN.retry, () => ['defaults', 'retry']);
    for (const id in design.nodes) warnUnknown(design.nodes[id], KNOWN.node, () => ['nodes', id]);
    design.links.forEach((link, i) => {
      warnUnknown(link, KNOWN.link, () => ['links', i]);
      warnUnknown(link.retry, KNOWN.retry, () => ['links', i, 'retry']);
      warnUnknown(link.breaker, KNOWN.breaker, () => ['links', i, 'breaker']);
      warnUnknown(link.bulkhead, KNOWN.bulkhead, () => ['links', i, 'bulkhead']);
      warnUnknown(link.message, KNOWN.message, () => ['links', i, 'message']);
    });
    design.flows?.forEach((flow, f) => {
      warnUnknown(flow, KNOWN.flow, () => ['flows', f]);
      flow.steps.forEach((step, s) => warnUnknown(step, KNOWN.step, () => ['flows', f, 'steps', s]));
    });
  }

  for (const [name, view] of Object.entries(design.views ?? {})) {
    if (mayHaveUnknownKeys) {
      warnUnknown(view, KNOWN.view, () => ['views', name]);
      warnUnknown(view.focus, KNOWN.viewFocus, () => ['views', name, 'focus']);
    }
    // A stale view must not stop a design from opening: it focuses on nothing, and says so.
    if (view.focus && !Object.prototype.hasOwnProperty.call(design.nodes, view.focus.node)) {
      add('warning', ['views', name, 'focus', 'node'], `unknown node "${view.focus.node}" (the view shows nothing)`);
    }
  }

  if (issues.some((i) => i.severity === 'error')) return { issues, paths };
  return { design, issues, paths };
}
