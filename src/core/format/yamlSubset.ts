/**
 * A reader for the plain subset of YAML that design files are written in: block maps and lists,
 * one-line flow maps and lists (`{ kind: service, at: [0, 130] }`), plain, single- and
 * double-quoted one-line scalars, comments. It reads that subset in about half js-yaml's time and
 * a twentieth of the `yaml` library's (bench/open.ts), and gives exactly the value the `yaml`
 * library's `parseDocument(text).toJS()` gives (YAML 1.2, core schema; yamlSubset.test.ts holds it
 * to that with fast-check). Anything else - anchors, aliases, tags, block scalars (`|`, `>`),
 * multi-line scalars or flow collections, `?` keys, document markers, directives, tabs, carriage
 * returns, duplicate or non-text keys, control characters, odd indentation - makes it give up
 * (undefined) rather than guess, and the caller reads the text with a full parser.
 */

import { READ_LIMITS } from './limits';

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const COMMA = 0x2c;
const DASH = 0x2d;
const SINGLE = 0x27;
const DOUBLE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Slots in the reader's table of keys met so far (a power of two). */
const KEY_SLOTS = 1024;

/** Past this nesting the reader gives up: the full path then applies the read-time limits. */
export const SUBSET_MAX_DEPTH = 48;

/**
 * Characters the subset leaves to the full parsers: tabs, carriage returns, C0 and C1 controls,
 * DEL, Unicode line and paragraph separators, byte order marks, non-characters and lone
 * surrogates (both parsers have their own opinions on each).
 */
const OUTSIDE_SUBSET =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// The YAML 1.2 core schema's plain scalars, as the `yaml` library resolves them.
const INT = /^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** A number as the core schema reads it (`0o17`, `0x1F`, `.inf`, `-.5e3`). */
export function coreNumber(text: string): number {
  if (text.startsWith('0o')) return parseInt(text.slice(2), 8);
  if (text.startsWith('0x')) return parseInt(text.slice(2), 16);
  if (/inf$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/nan$/i.test(text)) return NaN;
  return INT.test(text) ? parseInt(text, 10) : parseFloat(text);
}

/** True when the core schema reads the plain scalar as a number. */
export function isCoreNumber(text: string): boolean {
  return INT.test(text) || FLOAT.test(text);
}

/** True when the core schema reads the plain scalar as null. */
export function isCoreNull(text: string): boolean {
  return NULL.test(text);
}

/** True when the core schema reads the plain scalar as true or false. */
export function isCoreBool(text: string): boolean {
  return BOOL.test(text);
}

/**
 * A decimal integer of at most 15 digits (`130`, `-0`, `+7`, `007`), read without a pattern: most
 * numbers in a design are these (positions, timeouts), and the core schema's patterns cost more
 * than the rest of reading them. Exact: 15 digits are below 2^53. Undefined for anything else.
 */
function smallInteger(text: string): number | undefined {
  const sign = text.charCodeAt(0);
  const from = sign === DASH || sign === 0x2b ? 1 : 0;
  const length = text.length;
  if (length === from || length - from > 15) return undefined;
  let value = 0;
  for (let i = from; i < length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return sign === DASH ? -value : value;
}

/** A plain scalar's value: only text that could be a null, a boolean or a number is tested. */
function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Digits, + - . ~ and the first letters of null, true, false (any case): everything else is text.
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e) {
    const small = smallInteger(text);
    if (small !== undefined) return small;
    if (INT.test(text) || FLOAT.test(text)) {
      const number = coreNumber(text);
      // NaN and Infinity: the read-time limits refuse them, with their path, on the full path.
      if (!Number.isFinite(number)) throw GIVE_UP;
      return number;
    }
    return text;
  }
  // The core schema's nulls and booleans, compared as text: most keys (`name`, `to`, `from`,
  // `tags`, `timeoutMs`) start with one of their letters, and a pattern per key costs.
  if (c === 0x7e || c === 0x6e || c === 0x4e)
    return text === 'null' || text === 'Null' || text === 'NULL' || text === '~' ? null : text;
  if (c === 0x74 || c === 0x54) return text === 'true' || text === 'True' || text === 'TRUE' ? true : text;
  if (c === 0x66 || c === 0x46) return text === 'false' || text === 'False' || text === 'FALSE' ? false : text;
  return text;
}

/** Characters that may not start a plain scalar (YAML's indicators); `-`, `?`, `:` are checked apart. */
function isIndicator(c: number): boolean {
  switch (c) {
    case COMMA:
    case OPEN_BRACKET:
    case CLOSE_BRACKET:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case SINGLE:
    case DOUBLE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
  }
  return false;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;
}

/** Thrown to give up; caught at the top, never seen outside. */
const GIVE_UP: unique symbol = Symbol('outside the subset');

/** Where the reader found each entry of the top-level map's collections (`nodes`, `links`...). */
export interface SubsetLines {
  /** 1-based line of each key of a top-level map entry's map (`nodes: { order: ... }`). */
  keys: Map<string, Map<string, number>>;
  /** 1-based line of each item of a top-level map entry's list (`links: - ...`): its dash or its `[`. */
  items: Map<string, number[]>;
  /** The lists with an item whose value starts below its dash (`-` alone on its line). */
  detached: Set<string>;
}

export interface SubsetResult {
  value: Record<string, unknown>;
  lines: SubsetLines;
}

class SubsetReader {
  private pos = 0;
  /** 1-based line of `pos`. */
  private line = 1;
  /** Offset where the current line starts. */
  private lineStart = 0;
  /** The indent of the line a block collection stopped at (-1 at the end of the text). */
  private nextIndent = -1;
  private depth = 0;
  /** Values read so far (maps, lists and scalars, the document included), for READ_LIMITS.maxValues. */
  private values = 1;
  /** The top-level key whose collection is being read, while at depth 2. */
  private section: string | undefined;
  readonly lines: SubsetLines = { keys: new Map(), items: new Map(), detached: new Set() };
  /**
   * Keys met so far, by a hash of their text. A design repeats a few dozen keys (`kind`, `name`,
   * `from`, `to`...) a hundred thousand times: a key met before is read as that same string, which
   * V8 has already made a property name, not as a fresh slice to allocate and look up again.
   */
  private readonly knownKeys = new Array<string | undefined>(KEY_SLOTS);

  constructor(private readonly text: string) {}

  read(): Record<string, unknown> {
    const indent = this.skipToContent();
    if (indent !== 0) throw GIVE_UP; // an empty or indented document: the full parser words it
    if (this.isDash()) throw GIVE_UP;
    let value: Record<string, unknown>;
    if (this.code(this.pos) === OPEN_BRACE) {
      value = this.flowMap(true);
      this.nextIndent = this.endLine();
    } else value = this.blockMap(0, true);
    if (this.nextIndent !== -1) throw GIVE_UP;
    return value;
  }

  private code(at: number): number {
    return this.text.charCodeAt(at);
  }

  /** At a line start (or the text's start): skip blank and comment lines; the indent of the next content, or -1. */
  private skipToContent(): number {
    const text = this.text;
    const length = text.length;
    for (;;) {
      let indent = 0;
      while (this.pos < length && text.charCodeAt(this.pos) === SPACE) {
        this.pos++;
        indent++;
      }
      if (this.pos >= length) return -1;
      const c = text.charCodeAt(this.pos);
      if (c === NEWLINE) {
        this.newLine();
        continue;
      }
      if (c === HASH) {
        const end = text.indexOf('\n', this.pos);
        if (end < 0) {
          this.pos = length;
          return -1;
        }
        this.pos = end;
        this.newLine();
        continue;
      }
      return indent;
    }
  }

  private newLine(): void {
    this.pos++;
    this.line++;
    this.lineStart = this.pos;
  }

  /** After a value on its line: only spaces and a comment may follow; then on to the next content. */
  private endLine(): number {
    const text = this.text;
    const start = this.pos;
    while (this.code(this.pos) === SPACE) this.pos++;
    if (this.pos >= text.length) return -1;
    const c = this.code(this.pos);
    if (c === HASH) {
      if (this.pos === start) throw GIVE_UP; // `"a"#b`: not a comment
      const end = text.indexOf('\n', this.pos);
      if (end < 0) {
        this.pos = text.length;
        return -1;
      }
      this.pos = end;
    } else if (c !== NEWLINE) throw GIVE_UP;
    this.newLine();
    return this.skipToContent();
  }

  /** At the end of a line, or at a comment that spaces already set apart: on to the next content. */
  private skipRestOfLine(): number {
    if (this.code(this.pos) === HASH) {
      const end = this.text.indexOf('\n', this.pos);
      if (end < 0) {
        this.pos = this.text.length;
        return -1;
      }
      this.pos = end;
    }
    if (this.pos >= this.text.length) return -1;
    this.newLine();
    return this.skipToContent();
  }

  /** `-` followed by a space or the end of the line: a block list item. */
  private isDash(): boolean {
    if (this.code(this.pos) !== DASH) return false;
    const next = this.code(this.pos + 1);
    return next === SPACE || next === NEWLINE || Number.isNaN(next);
  }

  /**
   * Every value the read-time limits would refuse makes the reader give up (its callers then skip
   * checkValueLimits): too many values, a long key, a long name or channel. NaN and Infinity give
   * up where numbers are read, `__proto__` keys where keys are, and nesting stops short of the limit.
   */
  private keep(key: string | undefined, value: unknown): void {
    if (++this.values >= READ_LIMITS.maxValues) throw GIVE_UP;
    if (key === undefined) return;
    if (key.length > READ_LIMITS.maxNameLength) throw GIVE_UP;
    if (typeof value === 'string' && value.length > READ_LIMITS.maxNameLength && (key === 'name' || key === 'channel'))
      throw GIVE_UP;
  }

  /** The top-level key whose value is being read (a collection at depth 2: `nodes`, `links`...). */
  private getSection(): string | undefined {
    return this.depth === 2 ? this.section : undefined;
  }

  /** Where a section's map notes the line of each key; undefined below the sections. */
  private keyLines(): Map<string, number> | undefined {
    const section = this.getSection();
    if (section === undefined) return undefined;
    const lines = new Map<string, number>();
    this.lines.keys.set(section, lines);
    return lines;
  }

  /** Where a section's list notes the line of each item; undefined below the sections. */
  private itemLines(section: string | undefined): number[] | undefined {
    if (section === undefined) return undefined;
    const lines: number[] = [];
    this.lines.items.set(section, lines);
    return lines;
  }

  /** The plain key `text[start, end)`; one that reads as a number, a boolean or null gives up. */
  private plainKey(start: number, end: number): string {
    const text = this.text;
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const slot = hash & (KEY_SLOTS - 1);
    const known = this.knownKeys[slot];
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
    const key = text.slice(start, end);
    if (resolvePlain(key) !== key) throw GIVE_UP;
    this.knownKeys[slot] = key;
    return key;
  }

  private enter(): void {
    if (++this.depth > SUBSET_MAX_DEPTH) throw GIVE_UP;
  }

  /** A block node starting at `pos`, on a line indented by `indent`. */
  private blockNode(indent: number): unknown {
    if (this.isDash()) return this.blockList(indent);
    const c = this.code(this.pos);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      // A flow collection on a line of its own (`key:` then `  {}` below it).
      const value = c === OPEN_BRACE ? this.flowMap() : this.flowList();
      this.nextIndent = this.endLine();
      return value;
    }
    return this.blockMap(indent, false);
  }

  /** A block map whose keys sit at column `indent`; `pos` is at its first key. */
  private blockMap(indent: number, top: boolean): Record<string, unknown> {
    this.enter();
    const map: Record<string, unknown> = {};
    const lines = this.keyLines();
    for (;;) {
      const keyLine = this.line;
      const key = this.blockKey();
      if (key === undefined) throw GIVE_UP;
      if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      lines?.set(key, keyLine);
      if (top) this.section = key;
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      let value: unknown;
      let next: number;
      if (c === NEWLINE || c === HASH || Number.isNaN(c)) {
        next = this.skipRestOfLine();
        if (next > indent) {
          value = this.blockNode(next);
          next = this.nextIndent;
        } else if (next === indent && this.isDash()) {
          // A list may sit at its key's own indent.
          value = this.blockList(indent);
          next = this.nextIndent;
        } else value = null;
      } else {
        value = this.inlineValue(false);
        next = this.endLine();
      }
      // Deeper than the keys after a value: a continued plain scalar, or bad indentation.
      if (next > indent) throw GIVE_UP;
      this.keep(key, value);
      map[key] = value;
      if (next < indent) {
        this.nextIndent = next;
        this.depth--;
        return map;
      }
      if (this.isDash()) throw GIVE_UP;
    }
  }

  /** A block list whose dashes sit at column `indent`; `pos` is at its first dash. */
  private blockList(indent: number): unknown[] {
    this.enter();
    const list: unknown[] = [];
    const section = this.getSection();
    const lines = this.itemLines(section);
    for (;;) {
      lines?.push(this.line);
      this.pos++; // the dash
      while (this.code(this.pos) === SPACE) this.pos++;
      const c = this.code(this.pos);
      let value: unknown;
      let next: number;
      if (c === NEWLINE || c === HASH || Number.isNaN(c)) {
        if (section !== undefined) this.lines.detached.add(section);
        next = this.skipRestOfLine();
        if (next > indent) {
          value = this.blockNode(next);
          next = this.nextIndent;
        } else value = null;
      } else if (this.isDash()) {
        // `- - x`: a list whose dashes sit at this dash's column.
        value = this.blockList(this.pos - this.lineStart);
        next = this.nextIndent;
      } else if (this.startsKey()) {
        // `- key: value`: a map whose keys sit at this key's column.
        value = this.blockMap(this.pos - this.lineStart, false);
        next = this.nextIndent;
      } else {
        value = this.inlineValue(false);
        next = this.endLine();
      }
      this.keep(undefined, value);
      list.push(value);
      if (next > indent) throw GIVE_UP;
      if (next < indent || !this.isDash()) {
        this.nextIndent = next;
        this.depth--;
        return list;
      }
    }
  }

  /** Does the line at `pos` start with a key (`name:`, `"a b": `)? Looks ahead, moves nothing. */
  private startsKey(): boolean {
    const start = this.pos;
    const line = this.line;
    try {
      return this.blockKey() !== undefined;
    } catch (error) {
      if (error === GIVE_UP) return false;
      throw error;
    } finally {
      this.pos = start;
      this.line = line;
    }
  }

  /**
   * A block map's key and its colon (`pos` then just after the colon), or undefined when the line
   * holds no key. Keys are text: one that reads as a number, a boolean or null gives up.
   */
  private blockKey(): string | undefined {
    const text = this.text;
    const c = this.code(this.pos);
    if (c === DOUBLE || c === SINGLE) {
      const key = this.quoted();
      while (this.code(this.pos) === SPACE) this.pos++;
      if (this.code(this.pos) !== COLON) return undefined;
      this.pos++;
      const after = this.code(this.pos);
      if (after !== SPACE && after !== NEWLINE && !Number.isNaN(after)) throw GIVE_UP;
      return key;
    }
    // `-` and `.` too: `---` and `...` at a line's start end a document.
    if (isIndicator(c) || c === 0x3f /* ? */ || c === COLON || c === DASH || c === 0x2e) return undefined;
    const start = this.pos;
    let at = start;
    for (;;) {
      const d = text.charCodeAt(at);
      if (d === COLON) {
        const after = text.charCodeAt(at + 1);
        if (after === SPACE || after === NEWLINE || Number.isNaN(after)) break;
      } else if (d === NEWLINE || Number.isNaN(d) || d === HASH || isFlowIndicator(d) || d === DOUBLE || d === SINGLE)
        return undefined;
      at++;
    }
    let end = at;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    if (end - start > READ_LIMITS.maxNameLength) throw GIVE_UP;
    const key = this.plainKey(start, end);
    this.pos = at + 1;
    return key;
  }

  /** A value on the rest of the line: a flow collection, a quoted or a plain scalar. */
  private inlineValue(flow: boolean): unknown {
    const c = this.code(this.pos);
    if (c === OPEN_BRACE) return this.flowMap();
    if (c === OPEN_BRACKET) return this.flowList();
    if (c === DOUBLE || c === SINGLE) return this.quoted();
    return resolvePlain(this.plain(flow));
  }

  /** A plain scalar from `pos`: to the end of the line, a comment, or (in flow) `,` `]` `}`. */
  private plain(flow: boolean): string {
    const text = this.text;
    const c = this.code(this.pos);
    if (isIndicator(c)) throw GIVE_UP;
    if (c === DASH || c === 0x3f || c === COLON) {
      const next = this.code(this.pos + 1);
      if (next === SPACE || next === NEWLINE || Number.isNaN(next) || (flow && isFlowIndicator(next))) throw GIVE_UP;
    }
    const start = this.pos;
    let at = start;
    for (;;) {
      const d = text.charCodeAt(at);
      if (d === NEWLINE || Number.isNaN(d)) break;
      if (d === COLON) {
        const after = text.charCodeAt(at + 1);
        // `a: b` on a value's line is a map where none may start; in flow, `:` before `,]}` too.
        if (after === SPACE || after === NEWLINE || Number.isNaN(after) || (flow && isFlowIndicator(after))) throw GIVE_UP;
      } else if (d === HASH) {
        if (text.charCodeAt(at - 1) === SPACE) break;
        // `C#` is text; in a flow collection the parsers' corners differ (`a}#`): leave it to them.
        if (flow) throw GIVE_UP;
      } else if (flow && isFlowIndicator(d)) break;
      at++;
    }
    let end = at;
    while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    return text.slice(start, end);
  }

  /** A one-line quoted scalar at `pos`; `pos` then just after its closing quote. */
  private quoted(): string {
    const text = this.text;
    const quote = this.code(this.pos);
    const start = this.pos + 1;
    let at = start;
    if (quote === SINGLE) {
      let out: string | undefined;
      let from = start;
      for (;;) {
        const d = text.charCodeAt(at);
        if (d === NEWLINE || Number.isNaN(d)) throw GIVE_UP;
        if (d === SINGLE) {
          if (text.charCodeAt(at + 1) === SINGLE) {
            out = (out ?? '') + text.slice(from, at + 1);
            at += 2;
            from = at;
            continue;
          }
          break;
        }
        at++;
      }
      this.pos = at + 1;
      return out === undefined ? text.slice(start, at) : out + text.slice(from, at);
    }
    let out: string | undefined;
    let from = start;
    for (;;) {
      const d = text.charCodeAt(at);
      if (d === NEWLINE || Number.isNaN(d)) throw GIVE_UP;
      if (d === DOUBLE) break;
      if (d === BACKSLASH) {
        out = (out ?? '') + text.slice(from, at) + this.escape(at + 1);
        at += text.charCodeAt(at + 1) === 0x75 /* u */ ? 6 : text.charCodeAt(at + 1) === 0x78 /* x */ ? 4 : 2;
        from = at;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    return out === undefined ? text.slice(start, at) : out + text.slice(from, at);
  }

  /** The character an escape after a backslash stands for; the rarer escapes give up. */
  private escape(at: number): string {
    const text = this.text;
    switch (text[at]) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case '0':
        return '\0';
      case 'x':
      case 'u': {
        const digits = text[at] === 'x' ? 2 : 4;
        const hex = text.slice(at + 1, at + 1 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw GIVE_UP;
        const code = parseInt(hex, 16);
        if (code >= 0xd800 && code <= 0xdfff) throw GIVE_UP;
        return String.fromCharCode(code);
      }
    }
    throw GIVE_UP;
  }

  private skipFlowSpaces(): void {
    while (this.code(this.pos) === SPACE) this.pos++;
    const c = this.code(this.pos);
    if (c === NEWLINE || c === HASH || Number.isNaN(c)) throw GIVE_UP; // a flow collection over several lines
  }

  /** `{ key: value, ... }` on one line; `pos` then just after the `}`. */
  private flowMap(top = false): Record<string, unknown> {
    this.enter();
    const itemLine = this.line;
    const lines = this.keyLines();
    const map: Record<string, unknown> = {};
    this.pos++;
    this.skipFlowSpaces();
    if (this.code(this.pos) === CLOSE_BRACE) {
      this.pos++;
      this.depth--;
      return map;
    }
    for (;;) {
      const key = this.flowKey();
      if (key === '__proto__' || key === '<<' || Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      lines?.set(key, itemLine);
      if (top) this.section = key;
      this.skipFlowSpaces();
      const c = this.code(this.pos);
      const value = c === COMMA || c === CLOSE_BRACE ? null : this.inlineValue(true);
      this.keep(key, value);
      map[key] = value;
      this.skipFlowSpaces();
      const d = this.code(this.pos);
      this.pos++;
      if (d === CLOSE_BRACE) break;
      if (d !== COMMA) throw GIVE_UP;
      this.skipFlowSpaces();
      if (this.code(this.pos) === CLOSE_BRACE) throw GIVE_UP; // a trailing comma
    }
    this.depth--;
    return map;
  }

  /** A flow map's key and its `: ` (`pos` then after the colon). */
  private flowKey(): string {
    const text = this.text;
    const c = this.code(this.pos);
    let key: string;
    if (c === DOUBLE || c === SINGLE) {
      key = this.quoted();
      while (this.code(this.pos) === SPACE) this.pos++;
      if (this.code(this.pos) !== COLON) throw GIVE_UP;
    } else {
      if (isIndicator(c) || c === 0x3f || c === COLON || c === DASH) throw GIVE_UP;
      const start = this.pos;
      let at = start;
      for (;;) {
        const d = text.charCodeAt(at);
        if (d === COLON) break;
        if (d === NEWLINE || Number.isNaN(d) || d === HASH || isFlowIndicator(d) || d === DOUBLE || d === SINGLE) throw GIVE_UP;
        at++;
      }
      let end = at;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === start) throw GIVE_UP;
      key = this.plainKey(start, end);
      this.pos = at;
    }
    this.pos++; // the colon
    if (this.code(this.pos) !== SPACE) throw GIVE_UP; // `{a:b}`, `{"a":1}`: leave to the parsers
    return key;
  }

  /** `[ value, ... ]` on one line; `pos` then just after the `]`. */
  private flowList(): unknown[] {
    this.enter();
    const lines = this.itemLines(this.getSection());
    const list: unknown[] = [];
    this.pos++;
    this.skipFlowSpaces();
    if (this.code(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      this.depth--;
      return list;
    }
    for (;;) {
      lines?.push(this.line);
      const c = this.code(this.pos);
      if (c === COMMA || c === CLOSE_BRACKET) throw GIVE_UP;
      const value = this.inlineValue(true);
      this.keep(undefined, value);
      list.push(value);
      this.skipFlowSpaces();
      const d = this.code(this.pos);
      this.pos++;
      if (d === CLOSE_BRACKET) break;
      if (d !== COMMA) throw GIVE_UP; // `[ a: b ]` and the like
      this.skipFlowSpaces();
      if (this.code(this.pos) === CLOSE_BRACKET) throw GIVE_UP;
    }
    this.depth--;
    return list;
  }
}

/**
 * Read `text` when it is a map in the plain subset (see above): its value, and the line of each
 * entry of its top-level collections. Undefined when the text is anything else.
 */
export function readYamlSubset(text: string): SubsetResult | undefined {
  if (OUTSIDE_SUBSET.test(text)) return undefined;
  const reader = new SubsetReader(text);
  try {
    return { value: reader.read(), lines: reader.lines };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
