import { base64urlLength, base64urlToBytes, bytesToBase64url, isBase64url } from './base64url';
import { crc32 } from './crc32';
import { readVarint, writeVarint } from './varint';

/**
 * The envelope around every link payload, so a damaged link is told apart from a cut-off one:
 *
 *   [body length: LEB128 varint][CRC-32 of body: 4 bytes, big-endian][header check: 1 byte][body]
 *
 * The header check (low byte of the CRC-32 of the bytes before it) guards the length itself: a
 * changed length would otherwise read as "cut off". With a sound header, fewer characters than the
 * length asks for means truncated; more, or a body that fails its CRC, means the text was changed
 * (`checksum`). A sound header whose length is padded or beyond any link was made by hand
 * (`corrupt`, `too-large`).
 */

export type FrameResult =
  | { ok: true; body: Uint8Array }
  | { ok: false; code: 'truncated'; have: number; need?: number }
  /** checksum: the text was changed; corrupt, too-large: intact, but not a frame Signalbox writes. */
  | { ok: false; code: 'checksum' | 'corrupt' | 'too-large'; reason: string };

/** Bodies longer than this are not links anyone made. */
const MAX_BODY = 1 << 27;
/** The length is read in at most 4 bytes (as every release has), then checked by the header byte. */
const MAX_LENGTH_FIELD = 2 ** 28 - 1;

export function frameToText(body: Uint8Array): string {
  const crc = crc32(body);
  const head = [...writeVarint(body.length), crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff];
  head.push(crc32(Uint8Array.from(head)) & 0xff);
  const bytes = new Uint8Array(head.length + body.length);
  bytes.set(head, 0);
  bytes.set(body, head.length);
  return bytesToBase64url(bytes);
}

export function textToFrame(text: string): FrameResult {
  if (!isBase64url(text)) {
    const bad = [...text].find((ch) => !isBase64url(ch)) ?? '?';
    return { ok: false, code: 'checksum', reason: `it holds a character a link cannot contain (${JSON.stringify(bad)})` };
  }
  const bytes = base64urlToBytes(text)!;
  // An overlong or too-large length is judged after the header check: damage is far likelier.
  const read = readVarint(bytes, 0, MAX_LENGTH_FIELD);
  if (!read.ok && read.code === 'truncated') return { ok: false, code: 'truncated', have: text.length };
  if (!read.ok && read.code === 'too-large') return { ok: false, code: 'checksum', reason: 'its header is damaged' };
  const i = read.next;
  const headLength = i + 5;
  if (bytes.length < headLength) return { ok: false, code: 'truncated', have: text.length };
  if ((crc32(bytes.subarray(0, headLength - 1)) & 0xff) !== bytes[headLength - 1]) {
    return { ok: false, code: 'checksum', reason: 'its header is damaged' };
  }
  if (!read.ok) return { ok: false, code: 'corrupt', reason: `its header is not one Signalbox writes (${read.message})` };
  const length = read.value;
  if (length > MAX_BODY) {
    return {
      ok: false,
      code: 'too-large',
      reason: `its header claims ${length.toLocaleString('en-US')} bytes, more than any link holds`,
    };
  }
  const need = base64urlLength(headLength + length);
  if (text.length < need) return { ok: false, code: 'truncated', have: text.length, need };
  if (text.length > need) return { ok: false, code: 'checksum', reason: `it has ${text.length - need} character(s) too many` };
  // The last character carries spare bits: a change there alters no byte, so check them too.
  if (bytesToBase64url(bytes) !== text) return { ok: false, code: 'checksum', reason: 'its last character was changed' };
  const body = bytes.subarray(headLength);
  const crc = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  if (crc32(body) !== crc) return { ok: false, code: 'checksum', reason: 'its contents do not match their checksum' };
  return { ok: true, body };
}
