import { isScalar, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Design, Issue } from '../model/types';
import { validateDesign, type PathSegment } from '../model/validate';
import type { ParseMode } from '../model/fastParse';
import { readCleanYaml, readSubsetYaml } from './fastRead';
import type { SubsetLines } from './yamlSubset';
import { checkDocumentLimits, checkNestingInText, checkTextLimits, checkValueLimits, type LimitIssue } from './limits';
import { createPathLocator } from './locatePath';

export type FileFormat = 'yaml' | 'json';

export interface ReadResult {
  /** Present when the document is a valid design (warnings may still be listed). */
  design?: Design;
  /** Errors first, then warnings; each with its path and, for YAML, line:column. */
  issues: Issue[];
  /** The parsed YAML document (comments, order, style), for writing back edits in place. */
  doc?: Document;
  format: FileFormat;
  /**
   * The line of each node and link (each entry of a top-level collection), when the text was
   * read by the subset reader (`yamlSubset.ts`), which finds them on its way at no cost.
   */
  entryLines?: SubsetLines;
}

/** A file name ending `.json` is JSON; otherwise the text decides (`{` first means JSON). */
export function detectFormat(text: string, fileName?: string): FileFormat {
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** How much of the text the binary check reads: a picture or an archive shows itself at once. */
const BINARY_SNIFF_CHARS = 8192;

/**
 * True when decoded text is really binary data: a NUL character (never in YAML or JSON), or
 * replacement characters (U+FFFD, what a UTF-8 decoder makes of invalid bytes) in more than a
 * trace: a name with one stray U+FFFD in it is still a design.
 */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (head.includes('\u0000')) return true;
  let replaced = 0;
  // indexOf, not a loop over the characters: this runs before anything is compiled.
  for (let at = head.indexOf('\uFFFD'); at >= 0; at = head.indexOf('\uFFFD', at + 1)) replaced++;
  return replaced >= 4 || (replaced > 0 && replaced / head.length > 0.05);
}

/** The one short message for a binary file, the same in the app and the CLI. */
export function getBinaryFileMessage(fileName?: string): string {
  const base = fileName?.split(/[\\/]/).pop();
  return `${base || 'the input'} is not a text file: it looks like binary data`;
}

export interface ReadOptions {
  /**
   * `as-read`: the design's objects may keep their keys in the file's order rather than the
   * schema's, which spares copying most of a big design (for a reader that only looks the keys up,
   * as `signalbox lint` does). Default `schema`.
   */
  keyOrder?: 'schema' | 'as-read';
}

/**
 * Read a design from YAML or JSON text. JSON is read by the YAML parser too (JSON is YAML), so
 * both get line:column on every issue. Never throws.
 */
export function readDesign(text: string, fileName?: string, options: ReadOptions = {}): ReadResult {
  const mode: ParseMode = options.keyOrder === 'as-read' ? 'reuse-any-order' : 'reuse';
  const format = detectFormat(text, fileName);
  // Bytes of a picture or a zip would come back as a screen of YAML syntax errors quoting them.
  if (looksBinary(text))
    return { issues: [{ severity: 'error', path: '', message: getBinaryFileMessage(fileName), line: 1, column: 1 }], format };
  // Limits first: past them the parser itself can overflow its stack or abort the process.
  const refused = [...checkTextLimits(text)];
  // The subset reader nests no deeper than it may (SUBSET_MAX_DEPTH) and never overflows, so the
  // text's nesting estimate waits for the texts it leaves; it passes every text the reader reads.
  if (refused.length === 0) {
    const subset = readSubsetYaml(text, format, () => readWithPositions(text, format), mode);
    if (subset) return subset;
  }
  if (refused.length === 0) refused.push(...checkNestingInText(text));
  if (refused.length > 0) return { issues: refused.map((issue) => withPosition(text, issue)), format };
  // JSON fast path: JSON.parse is two orders of magnitude faster than the YAML parser on big
  // designs. Only when there is something to report is the text parsed again for positions.
  if (format === 'json') {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const limited = raw === undefined ? [] : checkValueLimits(raw);
    // A refused big document is not parsed again for positions: that is the time the limit saves.
    if (limited.length > 0 && text.length > POSITIONS_MAX_TEXT) {
      return { issues: limited.map(({ issue, path }) => ({ ...issue, segments: path })), format };
    }
    if (raw !== undefined && limited.length === 0) {
      const fast = validateDesign(raw, mode);
      if (fast.issues.length === 0) return { design: fast.design, issues: [], format };
    }
  }
  const clean = readCleanYaml(text, format, () => readWithPositions(text, format), mode);
  if (clean) return clean;
  return readWithPositions(text, format);
}

/** Past this size a refused JSON document gets its issues without line:column. */
const POSITIONS_MAX_TEXT = 2 ** 20;

/** How far aliases may expand (the yaml library's own guard); a real design needs few, if any. */
const MAX_ALIAS_COUNT = 100;

function readWithPositions(text: string, format: FileFormat): ReadResult {
  const lineCounter = new LineCounter();
  // uniqueKeys off: the library checks each key against every earlier one (quadratic on a
  // 20,000-node map); duplicates are found below in one pass instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const syntax: Issue[] = doc.errors.map((e) => ({
    severity: 'error',
    path: '',
    message: `not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`,
    ...at(e.pos[0]),
  }));
  syntax.push(
    ...findDuplicateKeys(doc).map((d) => ({ severity: 'error' as const, path: '', message: d.message, ...at(d.offset) })),
  );
  if (syntax.length > 0) return { issues: syntax, format };
  if (doc.contents === null) {
    return { issues: [{ severity: 'error', path: '', message: 'the file is empty', line: 1, column: 1 }], format };
  }

  const tagged = checkDocumentLimits(doc);
  if (tagged.length > 0) {
    return { issues: tagged.map(({ offset, ...issue }) => (offset === undefined ? issue : { ...issue, ...at(offset) })), format };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The yaml library throws (a ReferenceError) when aliases expand past the limit: a "billion
    // laughs" document. The read must answer with an issue, never throw into the app.
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `refused: the aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, which looks like a resource exhaustion attack`
        : `could not read the document: ${error instanceof Error ? error.message : String(error)}`;
    return { issues: [{ severity: 'error', path: '', message, line: 1, column: 1 }], format };
  }
  // Every issue carries its path as segments, and sits at the key the path ends on (or at the
  // deepest part of the path the text has: a missing key is reported at its map).
  const locate = createPathLocator(text, doc);
  const placed = (issue: Issue, segments: PathSegment[]): Issue => {
    const where = locate(segments);
    return where ? { ...issue, segments, line: where.line, column: where.column } : { ...issue, segments };
  };
  const limited = checkValueLimits(raw);
  if (limited.length > 0) return { issues: limited.map(({ issue, path }) => placed(issue, path)), format };
  const result = validateDesign(raw);
  const issues = result.issues.map((issue, i) => placed(issue, result.paths[i] ?? []));
  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { design: result.design, issues, doc, format };
}

/** line:column of a limit issue found in the raw text, counted without a parser. */
function withPosition(text: string, { offset, ...issue }: LimitIssue): Issue {
  if (offset === undefined) return issue;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { ...issue, line, column: offset - lineStart + 1 };
}

/** Every map key that repeats an earlier key of the same map: one Set per map, linear. */
function findDuplicateKeys(doc: Document): { message: string; offset: number }[] {
  const found: { message: string; offset: number }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const range = (pair.key as YamlNode | null)?.range;
          found.push({ message: `duplicate key "${String(key)}" in the same map`, offset: range?.[0] ?? 0 });
        } else seen.add(key);
      }
    },
  });
  return found;
}

/** `links[3].timeoutMs (12:5): expected a positive integer` */
export function formatIssue(issue: Issue, fileName?: string): string {
  const where =
    issue.line !== undefined ? `${fileName ? `${fileName}:` : ''}${issue.line}:${issue.column ?? 1}` : (fileName ?? '');
  const path = issue.path || '(document)';
  return `${where ? `${where}: ` : ''}${issue.severity}: ${path}: ${issue.message}`;
}
