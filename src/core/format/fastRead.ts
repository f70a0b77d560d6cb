import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { Document } from 'yaml';
import { validateDesign } from '../model/validate';
import type { ParseMode } from '../model/fastParse';
import type { FileFormat, ReadResult } from './read';
import { checkValueLimits, READ_LIMITS } from './limits';
import { coreNumber, isCoreBool, isCoreNull, isCoreNumber, readYamlSubset } from './yamlSubset';

// Numbers exactly as the `yaml` library's YAML 1.2 core schema reads them (its regular
// expressions, shared with the subset reader), so both paths give the same design: js-yaml's own
// CORE_SCHEMA also takes `0b101`, `-0x1F` and `+0o7` for numbers and `-.5e-3` for text, which
// `yaml` reads the other way round.
const number = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: isCoreNumber,
  construct: coreNumber,
});
const nil = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: isCoreNull,
  construct: () => null,
});
const bool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: isCoreBool,
  construct: (text: string) => text[0] === 't' || text[0] === 'T',
});
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nil, bool, number] });

// An anchor (`&name`) lets aliases expand a small file into a huge tree; js-yaml has no limit on
// that, so such files take the careful path, whose parser counts expansions.
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/m;
// A tag (`!`, `!!binary`, `!custom`) is for the careful path too: the read-time limits refuse
// what is not plain data there, with its line (a false alarm only costs the careful read).
const TAG = /(?:^|[\s[{,])!/m;
// `#` right after a character: js-yaml and `yaml` disagree on some of these (`A}#` in a flow map
// is an error to `yaml`, text to js-yaml), so the careful path decides.
const HASH_AFTER_TEXT = /\S#/;

/**
 * The fast way to read a clean YAML design: js-yaml builds plain objects about 15x faster than
 * the `yaml` library builds its comment-preserving Document. Returns undefined whenever there is
 * anything to report (a syntax error, a duplicate key, a schema error, even a warning) or the
 * text holds anchors: the caller then reads it the careful way, which locates every issue at its
 * line:column. The Document is still available for writing back: built on first use.
 */
export function readCleanYaml(
  text: string,
  format: FileFormat,
  readCarefully: () => ReadResult,
  mode: ParseMode = 'reuse',
): ReadResult | undefined {
  if (format !== 'yaml' || ANCHOR.test(text) || TAG.test(text) || HASH_AFTER_TEXT.test(text)) return undefined;
  let raw: unknown;
  try {
    // No timestamps, no `<<` merges (YAML 1.2, as `yaml` reads); js-yaml throws on duplicate
    // keys and unknown tags, which sends those files the careful way.
    raw = load(text, { schema: SCHEMA });
  } catch {
    return undefined;
  }
  return cleanDesign(raw, format, readCarefully, mode);
}

/**
 * The fastest way to read a clean YAML design: the plain subset most design files are written in
 * (`yamlSubset.ts`, in about half js-yaml's time), with the line of every node and link.
 * Undefined for any text outside the subset or with anything to report, as readCleanYaml.
 */
export function readSubsetYaml(
  text: string,
  format: FileFormat,
  readCarefully: () => ReadResult,
  mode: ParseMode = 'reuse',
): ReadResult | undefined {
  if (format !== 'yaml') return undefined;
  const read = readYamlSubset(text);
  if (!read) return undefined;
  // The reader gives up on every value the limits would refuse, but the counts of nodes and links.
  const nodes = read.lines.keys.get('nodes')?.size ?? 0;
  const links = read.lines.items.get('links')?.length ?? 0;
  if (nodes > READ_LIMITS.maxNodes || links > READ_LIMITS.maxLinks) return undefined;
  const result = cleanDesign(read.value, format, readCarefully, mode, true);
  if (result) result.entryLines = read.lines;
  return result;
}

/**
 * The design when a parsed value is within the limits and valid without a word; the Document on
 * first use. `mode`: `reuse` or `reuse-any-order` (validateDesign), as the fast readers give fresh values.
 */
function cleanDesign(
  raw: unknown,
  format: FileFormat,
  readCarefully: () => ReadResult,
  mode: ParseMode,
  withinLimits = false,
): ReadResult | undefined {
  // Anything past the read-time limits (NaN, Infinity, huge names...) is refused the careful way.
  if (!withinLimits && checkValueLimits(raw).length > 0) return undefined;
  // Both fast readers give fresh plain values, without aliases (anchors take the careful path).
  const result = validateDesign(raw, mode);
  if (!result.design || result.issues.length > 0) return undefined;
  let doc: Document | undefined;
  let built = false;
  return {
    design: result.design,
    issues: [],
    format,
    get doc() {
      if (!built) {
        doc = readCarefully().doc;
        built = true;
      }
      return doc;
    },
  };
}
