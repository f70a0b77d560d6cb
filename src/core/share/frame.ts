import { base64urlLength, base64urlToBytes, bytesToBase64url, isBase64url } from './base64url';
import { crc32 } from './crc32';

/**
 * The envelope around every link payload, so a damaged link is told apart from a cut-off one:
 *
 *   [body length: LEB128 varint][CRC-32 of body: 4 bytes, big-endian][header check: 1 byte][body]
 *
 * The header check (low byte of the CRC-32 of the bytes before it) guards the length itself: a
 * changed length would otherwise read as "cut off". With a sound header, fewer characters than the
 * length asks for means truncated; more, or a body that fails its CRC, means corrupt.
 */

export type FrameResult =
  | { ok: true; body: Uint8Array }
  | { ok: false; code: 'truncated'; have: number; need?: number }
  | { ok: false; code: 'corrupt'; reason: string };

/** Bodies longer than this are not links anyone made (a length this big is damage). */
const MAX_BODY = 1 << 27;

function writeVarint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

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
    return { ok: false, code: 'corrupt', reason: `it holds a character a link cannot contain (${JSON.stringify(bad)})` };
  }
  const bytes = base64urlToBytes(text)!;
  let length = 0;
  let i = 0;
  for (let shift = 1; ; shift *= 128) {
    if (i >= bytes.length) return { ok: false, code: 'truncated', have: text.length };
    const b = bytes[i++]!;
    length += (b & 0x7f) * shift;
    if (b < 0x80) break;
    if (i >= 4) return { ok: false, code: 'corrupt', reason: 'its header is damaged' };
  }
  const headLength = i + 5;
  if (bytes.length < headLength) return { ok: false, code: 'truncated', have: text.length };
  if ((crc32(bytes.subarray(0, headLength - 1)) & 0xff) !== bytes[headLength - 1] || length > MAX_BODY) {
    return { ok: false, code: 'corrupt', reason: 'its header is damaged' };
  }
  const need = base64urlLength(headLength + length);
  if (text.length < need) return { ok: false, code: 'truncated', have: text.length, need };
  if (text.length > need) return { ok: false, code: 'corrupt', reason: `it has ${text.length - need} character(s) too many` };
  // The last character carries spare bits: a change there alters no byte, so check them too.
  if (bytesToBase64url(bytes) !== text) return { ok: false, code: 'corrupt', reason: 'its last character was changed' };
  const body = bytes.subarray(headLength);
  const crc = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  if (crc32(body) !== crc) return { ok: false, code: 'corrupt', reason: 'its contents do not match their checksum' };
  return { ok: true, body };
}
