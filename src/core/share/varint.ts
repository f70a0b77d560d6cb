/**
 * The one unsigned LEB128 varint of the link format (frame length, context-mixed body length,
 * protected links' iteration count): 7 bits a byte, least significant group first, the high bit
 * set on every byte but the last.
 *
 * Writers always emit the shortest form. Readers take an explicit bound and refuse, each with its
 * own code: a varint the bytes end inside (`truncated`), one with a zero top group (`overlong`:
 * `[0x80, 0x00]` for 0; no Signalbox ever wrote one, and accepting them would give one value many
 * spellings) and one over the bound (`too-large`, with the value when it was read whole). A reader
 * looks at no more bytes than the bound needs, so a run of continuation bytes costs nothing.
 *
 * Arithmetic is by multiplication, not shifts: JavaScript shifts are 32-bit, and the format allows
 * any safe integer.
 */

export type VarintError =
  | { ok: false; code: 'truncated'; message: string }
  /** `next`: the offset after the padded varint, for a reader that judges it after other checks. */
  | { ok: false; code: 'overlong'; message: string; next: number }
  /** `value` is set when the varint was read whole (it fit the bound's byte count but not the bound). */
  | { ok: false; code: 'too-large'; message: string; value?: number };

/** `next` is the offset of the first byte after the varint. */
export type VarintRead = { ok: true; value: number; next: number } | VarintError;

/** Bytes the shortest encoding of `n` takes (1 for 0..127, 2 up to 16,383, ...). */
export function varintLength(n: number): number {
  checkWritable(n);
  let bytes = 1;
  for (let v = n; v >= 0x80; v = Math.floor(v / 128)) bytes++;
  return bytes;
}

function checkWritable(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`a varint holds a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${String(n)}`);
  }
}

/** The shortest encoding of `n`; a RangeError for anything but a safe integer >= 0 (a bug in the writer, not bad input). */
export function writeVarint(n: number): number[] {
  checkWritable(n);
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/**
 * The varint at `bytes[offset]`, at most `max` (a safe integer >= 0; it also caps how many bytes
 * are read: `varintLength(max)`). Never throws on any input bytes.
 */
export function readVarint(bytes: Uint8Array, offset: number, max: number): VarintRead {
  const limit = varintLength(max);
  let value = 0;
  let scale = 1;
  for (let k = 0; k < limit; k++) {
    const b = bytes[offset + k];
    if (b === undefined) {
      return { ok: false, code: 'truncated', message: `the number at byte ${offset} is cut off after ${k} of its bytes` };
    }
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      if (b === 0 && k > 0) {
        return {
          ok: false,
          code: 'overlong',
          next: offset + k + 1,
          message: `the number at byte ${offset} is padded with zero bytes`,
        };
      }
      if (value > max) {
        return { ok: false, code: 'too-large', value, message: `the number at byte ${offset} is ${value}, more than ${max}` };
      }
      return { ok: true, value, next: offset + k + 1 };
    }
    scale *= 128;
  }
  return { ok: false, code: 'too-large', message: `the number at byte ${offset} runs past ${limit} bytes, more than ${max}` };
}
