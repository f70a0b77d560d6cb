import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { Design, Issue } from '../model/types';
import { FORMAT_VERSION } from '../model/types';
import { isNewerFormat, validateDesign } from '../model/validate';
import { checkNestingInText, checkValueLimits } from '../format/limits';
import { packDesign, unpackDesign } from './compact';
import { cmDecode, cmEncode, Predictor } from './cm';
import { S1_DICTIONARY } from './dictionary';
import { frameToText, textToFrame } from './frame';
import { readVarint, writeVarint } from './varint';
import { splitViewName } from '../views/viewLink';

/** Open a design for editing, or read-only (a link for a review or a wiki page). */
export type ShareMode = 'edit' | 'view';

/**
 * Why a link opened nothing; callers decide on the code, never on the message's words.
 * - `empty`: nothing after the `#`. `unknown-format`: not a Signalbox link (or a prefix that never
 *   existed). `too-new`: a newer link format, body option or design format version.
 * - `truncated`: fewer characters than the link's header asks for (cut off when pasted).
 * - `checksum`: the frame's checks fail (a changed, inserted or foreign character, a damaged header).
 * - `too-large`: intact, but claims more than any design (unpacked size, key derivation rounds).
 * - `corrupt`: intact, but not what Signalbox writes (the body does not unpack).
 * - `invalid-design`: it unpacks, but to a design validation refuses.
 * - `needs-passphrase`, `wrong-passphrase`: a `p1.` link without, or with the wrong, passphrase.
 * - `unsupported`: this runtime cannot open it (no Web Crypto for a `p1.` link).
 */
export const SHARE_ERROR_CODES = [
  'empty',
  'unknown-format',
  'too-new',
  'truncated',
  'checksum',
  'too-large',
  'corrupt',
  'invalid-design',
  'needs-passphrase',
  'wrong-passphrase',
  'unsupported',
] as const;

export type ShareErrorCode = (typeof SHARE_ERROR_CODES)[number];

export interface ShareError {
  code: ShareErrorCode;
  /** A sentence for a person: what is wrong with the link and what to do. */
  message: string;
}

export type ShareDecodeResult =
  { ok: true; design: Design; mode: ShareMode; warnings: Issue[] } | { ok: false; error: ShareError };

export interface ShareEncodeOptions {
  mode?: ShareMode;
}

/** Plain links: `s<version>.`; the version this Signalbox writes and the newest it reads. */
export const SHARE_PREFIX = 's1.';
/** Passphrase-protected links: `p<version>.` (see protect.ts). */
export const PROTECTED_SHARE_PREFIX = 'p1.';
const PLAIN_LINK_VERSION = 1;
export const PROTECTED_LINK_VERSION = 1;

/** The body's first byte. Bits this version does not know mean a newer writer. */
const FLAG_VIEW = 1;
/** The design is deflated (large designs) rather than context-mixed (cm.ts). */
const FLAG_DEFLATE = 2;
const KNOWN_FLAGS = FLAG_VIEW | FLAG_DEFLATE;

/**
 * Compact designs up to this size are coded with the context-mixing coder (~25% shorter than
 * deflate, ~0.5 us a bit); bigger ones, whose links no chat tool keeps anyway, with deflate, 20
 * times faster. A link claiming more context-mixed bytes than this is refused, which bounds the
 * time a hostile link can cost.
 */
export const CM_MAX_BYTES = 128 * 1024;
const CM_TABLE_BITS = 18;

let primed: Predictor | undefined;

/** A model that has learnt the s1 priming text (learnt once, then copied). */
function primedModel(capacity: number): Predictor {
  if (!primed) {
    primed = new Predictor(CM_TABLE_BITS, S1_DICTIONARY.length);
    primed.learn(S1_DICTIONARY);
  }
  return primed.clone(capacity);
}

const PREFIX_PATTERN = /^([a-z])(\d+)\./;

export function fail(code: ShareErrorCode, message: string): { ok: false; error: ShareError } {
  return { ok: false, error: { code, message } };
}

/**
 * The share fragment of a whole link, a `#fragment` or a bare fragment: whitespace a mail client
 * wrapped in is dropped, and so is a view link's `&view=NAME` (core/views/viewLink.ts), which is
 * for the app to open the view and no part of the design.
 */
export function extractFragment(fragmentOrUrl: string): string {
  const hash = fragmentOrUrl.indexOf('#');
  const fragment = hash >= 0 ? fragmentOrUrl.slice(hash + 1) : /^[a-z]+:\/\//i.test(fragmentOrUrl.trim()) ? '' : fragmentOrUrl;
  return splitViewName(fragment.replace(/\s+/g, '')).fragment;
}

/** True when a location hash looks like a share link of any version (a newer one gets a clear refusal, not silence). */
export function isShareFragment(hash: string): boolean {
  const m = PREFIX_PATTERN.exec(hash.startsWith('#') ? hash.slice(1) : hash);
  return m !== null && (m[1] === 's' || m[1] === 'p');
}

/** `base` with any fragment it had replaced by this one. */
export function buildShareUrl(base: string, fragment: string): string {
  const hash = base.indexOf('#');
  const root = hash >= 0 ? base.slice(0, hash) : base;
  return `${root}#${fragment.startsWith('#') ? fragment.slice(1) : fragment}`;
}

/**
 * The body of an s1 link: a flags byte, then the compact design (JSON text) either as
 * [length: LEB128][context-mixed stream] or, past CM_MAX_BYTES, raw deflate level 9, both primed
 * with the s1 text.
 */
export function encodeShareBody(design: Design, mode: ShareMode): Uint8Array {
  const json = strToU8(JSON.stringify(packDesign(design)));
  const view = mode === 'view' ? FLAG_VIEW : 0;
  if (json.length > CM_MAX_BYTES) {
    const deflated = deflateSync(json, { level: 9, dictionary: S1_DICTIONARY });
    const body = new Uint8Array(deflated.length + 1);
    body[0] = view | FLAG_DEFLATE;
    body.set(deflated, 1);
    return body;
  }
  const head = [view, ...writeVarint(json.length)];
  const coded = cmEncode(json, primedModel(json.length));
  const body = new Uint8Array(head.length + coded.length);
  body.set(head, 0);
  body.set(coded, head.length);
  return body;
}

/**
 * The fragment (what goes after `#`) that opens exactly this design: `s1.` then base64url of the
 * framed, compressed compact design. Positions are rounded to whole pixels on the way.
 */
export function encodeShareFragment(design: Design, options: ShareEncodeOptions = {}): string {
  return SHARE_PREFIX + frameToText(encodeShareBody(design, options.mode ?? 'edit'));
}

/**
 * Deflate expands up to ~1,000 times: a 2 MB link could unpack to 2 GB and kill the tab. Real
 * designs are far smaller (1,000 services: ~1 MB of JSON), so unpacking stops past this.
 */
export const MAX_INFLATED_BYTES = 32 * 2 ** 20;
const INFLATE_STEP = 4096;

/** Raw inflate with the s1 dictionary, fed in small steps so the output is counted as it grows; undefined past the cap. */
function inflateCapped(data: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ dictionary: S1_DICTIONARY }, (chunk) => {
    total += chunk.length;
    if (total <= MAX_INFLATED_BYTES) parts.push(chunk);
  });
  let at = 0;
  do {
    inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length);
    at += INFLATE_STEP;
  } while (at < data.length && total <= MAX_INFLATED_BYTES);
  if (total > MAX_INFLATED_BYTES) return undefined;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The compact design's bytes of a body after its flags byte; 'too-big' past the caps, undefined when they do not unpack. */
function unpackBody(flags: number, data: Uint8Array): Uint8Array | undefined | 'too-big' {
  if (flags & FLAG_DEFLATE) return inflateCapped(data) ?? 'too-big';
  const length = readVarint(data, 0, CM_MAX_BYTES);
  if (!length.ok) return length.code === 'too-large' ? 'too-big' : undefined;
  return cmDecode(data.subarray(length.next), length.value, primedModel(length.value));
}

/** The design held by an s1 body (a plain link's, or a protected link's once decrypted). */
export function decodeShareBody(body: Uint8Array): ShareDecodeResult {
  const flags = body[0];
  if (flags === undefined) return fail('corrupt', 'This link is damaged: it holds no design.');
  if ((flags & ~KNOWN_FLAGS) !== 0) {
    return fail('too-new', 'This link uses options this Signalbox does not know; update Signalbox to open it.');
  }
  let raw: unknown;
  try {
    const inflated = unpackBody(flags, body.subarray(1));
    if (inflated === 'too-big') {
      const cap = flags & FLAG_DEFLATE ? `${MAX_INFLATED_BYTES / 2 ** 20} MB` : `${CM_MAX_BYTES / 1024} KB`;
      return fail('too-large', `This link is damaged: its design unpacks to more than ${cap}, far beyond any real design.`);
    }
    if (!inflated) return fail('corrupt', 'This link is damaged: its design cannot be unpacked.');
    const json = strFromU8(inflated);
    // Before unpacking, which walks the value: a hostile link nests thousands of levels deep.
    const nested = checkNestingInText(json);
    if (nested.length > 0)
      return fail('invalid-design', `This link holds a design Signalbox cannot open: ${nested[0]!.message}.`);
    raw = unpackDesign(JSON.parse(json));
  } catch {
    // The checksum matched, so the bytes are as written: whatever wrote them was not Signalbox s1.
    return fail('corrupt', 'This link is damaged: its design cannot be unpacked.');
  }
  // Names, counts, depth and values JSON cannot hold, with the same messages a file gets.
  const limited = checkValueLimits(raw);
  if (limited.length > 0) {
    const listed = limited
      .slice(0, 3)
      .map(({ issue }) => `${issue.path || '(document)'}: ${issue.message}`)
      .join('; ');
    const more = limited.length > 3 ? ` (and ${limited.length - 3} more)` : '';
    return fail('invalid-design', `This link holds a design Signalbox cannot open: ${listed}${more}.`);
  }
  if (isNewerFormat(raw)) {
    const version = (raw as { signalbox?: unknown }).signalbox;
    return fail(
      'too-new',
      `This link holds a design in format version ${String(version)}, newer than this Signalbox reads (${FORMAT_VERSION}); update Signalbox to open it.`,
    );
  }
  const { design, issues } = validateDesign(raw);
  if (!design) {
    const errors = issues.filter((i) => i.severity === 'error');
    const listed = errors
      .slice(0, 3)
      .map((i) => `${i.path || '(document)'}: ${i.message}`)
      .join('; ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    return fail('invalid-design', `This link holds a design Signalbox cannot open: ${listed}${more}.`);
  }
  return {
    ok: true,
    design,
    mode: flags & FLAG_VIEW ? 'view' : 'edit',
    warnings: issues.filter((i) => i.severity === 'warning'),
  };
}

/** What the prefix says: a version this Signalbox reads, or why not. */
export function checkPrefix(fragment: string): { ok: true; kind: 's' | 'p'; payload: string } | { ok: false; error: ShareError } {
  if (fragment === '') return fail('empty', 'This link holds no design: there is nothing after the # in it.');
  const m = PREFIX_PATTERN.exec(fragment);
  if (!m || (m[1] !== 's' && m[1] !== 'p')) {
    return fail('unknown-format', `This is not a Signalbox share link: its part after # should start with ${SHARE_PREFIX}`);
  }
  const kind = m[1];
  const version = Number(m[2]);
  const known = kind === 's' ? PLAIN_LINK_VERSION : PROTECTED_LINK_VERSION;
  if (version > known) {
    return fail(
      'too-new',
      `This link was made by a newer Signalbox (link format ${kind}${version}); update Signalbox to open it.`,
    );
  }
  if (version !== known) {
    return fail('unknown-format', `This is not a Signalbox share link: link format ${kind}${m[2]} does not exist.`);
  }
  return { ok: true, kind, payload: fragment.slice(m[0].length) };
}

/** The frame's verdict as a person reads it. */
export function frameError(payload: string): { ok: false; error: ShareError } | { ok: true; body: Uint8Array } {
  const frame = textToFrame(payload);
  if (frame.ok) return frame;
  if (frame.code === 'truncated') {
    const counts = frame.need !== undefined ? ` (it has ${frame.have} of the ${frame.need} characters after the prefix)` : '';
    return fail('truncated', `This link is incomplete: it was probably cut off when pasted${counts}. Copy the whole link again.`);
  }
  if (frame.code === 'checksum') {
    return fail(
      'checksum',
      `This link is damaged: ${frame.reason}. It was changed after it was made; copy it again from its source.`,
    );
  }
  return fail(frame.code, `This link is damaged: ${frame.reason}; it was not made by Signalbox.`);
}

/**
 * The design a link holds, validated. Accepts a whole URL, `#fragment` or a bare fragment. Never
 * throws: every failure is a ShareError with a message to show as is.
 */
export function decodeShareFragment(fragmentOrUrl: string): ShareDecodeResult {
  try {
    const prefix = checkPrefix(extractFragment(fragmentOrUrl));
    if (!prefix.ok) return prefix;
    const framed = frameError(prefix.payload);
    if (!framed.ok) return framed;
    if (prefix.kind === 'p') {
      return fail('needs-passphrase', 'This link is protected by a passphrase: enter the passphrase to open the design.');
    }
    return decodeShareBody(framed.body);
  } catch (error) {
    return fail('corrupt', `This link is damaged: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
