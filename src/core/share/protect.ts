import type { Design } from '../model/types';
import type { ShareDecodeResult, ShareEncodeOptions } from './codec';
import {
  checkPrefix,
  decodeShareBody,
  encodeShareBody,
  extractFragment,
  fail,
  frameError,
  PROTECTED_SHARE_PREFIX,
} from './codec';
import { frameToText } from './frame';
import { readVarint, writeVarint } from './varint';

/**
 * Passphrase-protected links (`p1.`): the s1 body (flags + compressed design) sealed with AES-GCM
 * 256, the key derived from the passphrase with PBKDF2-SHA256. Body of the frame:
 *
 *   [iterations: LEB128 varint][salt: 16 bytes][iv: 12 bytes][ciphertext + 16-byte tag]
 *
 * The frame's CRC covers the ciphertext, so a damaged or cut-off link is reported as such, and a
 * GCM failure on an intact link can only mean the wrong passphrase. The iteration count travels in
 * the link so it can grow without a new prefix; it is bounded so a hostile link cannot hang a tab.
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const DEFAULT_PBKDF2_ITERATIONS = 310_000;
const MIN_ITERATIONS = 100_000;
/**
 * A link names its own iteration count, so a hostile one could make every passphrase guess (and
 * the one right answer) cost many seconds: at most about three times the default is accepted.
 */
export const MAX_PBKDF2_ITERATIONS = 1_000_000;
const MAX_ITERATIONS = MAX_PBKDF2_ITERATIONS;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The iteration count is read in at most 4 bytes (as every release has), so a count over the cap can be named. */
const MAX_ITERATIONS_FIELD = 2 ** 28 - 1;

export interface ProtectOptions extends ShareEncodeOptions {
  /** Defaults to DEFAULT_PBKDF2_ITERATIONS; at least 100,000. */
  iterations?: number;
}

// The core's tsconfig has no DOM lib: the few Web Crypto members used, typed here.
interface SubtleCryptoLike {
  importKey(format: 'raw', key: Uint8Array, algorithm: 'PBKDF2', extractable: false, usages: string[]): Promise<unknown>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    baseKey: unknown,
    derivedKeyType: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: string[],
  ): Promise<unknown>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

interface CryptoLike {
  subtle?: SubtleCryptoLike;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function getCrypto(): CryptoLike | undefined {
  const crypto = (globalThis as { crypto?: CryptoLike }).crypto;
  return crypto?.subtle ? crypto : undefined;
}

/** UTF-8 without TextEncoder's DOM typing; NFC so the same passphrase typed on two systems matches. */
function passphraseBytes(passphrase: string): Uint8Array {
  const s = passphrase.normalize('NFC');
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

async function deriveKey(crypto: CryptoLike, passphrase: string, salt: Uint8Array, iterations: number): Promise<unknown> {
  const subtle = crypto.subtle!;
  const base = await subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/**
 * A `p1.` fragment: this design, readable only with the passphrase. Rejects (the one async API that
 * may) when the passphrase is empty or Web Crypto is missing, since no link can be made then.
 */
export async function encryptShareFragment(design: Design, passphrase: string, options: ProtectOptions = {}): Promise<string> {
  const crypto = getCrypto();
  if (!crypto) throw new Error('this runtime has no Web Crypto (crypto.subtle); protected links need it');
  if (passphrase === '') throw new Error('a protected link needs a non-empty passphrase');
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new Error(`iterations must be a whole number from ${MIN_ITERATIONS} to ${MAX_ITERATIONS}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await deriveKey(crypto, passphrase, salt, iterations);
  const sealed = new Uint8Array(
    await crypto.subtle!.encrypt({ name: 'AES-GCM', iv }, key, encodeShareBody(design, options.mode ?? 'edit')),
  );
  const head = writeVarint(iterations);
  const body = new Uint8Array(head.length + SALT_BYTES + IV_BYTES + sealed.length);
  body.set(head, 0);
  body.set(salt, head.length);
  body.set(iv, head.length + SALT_BYTES);
  body.set(sealed, head.length + SALT_BYTES + IV_BYTES);
  return PROTECTED_SHARE_PREFIX + frameToText(body);
}

/**
 * The design a protected link holds. A plain link opens as decodeShareFragment would (the
 * passphrase is not needed). Never rejects: every failure is a ShareError.
 */
export async function decryptShareFragment(fragmentOrUrl: string, passphrase: string): Promise<ShareDecodeResult> {
  try {
    const prefix = checkPrefix(extractFragment(fragmentOrUrl));
    if (!prefix.ok) return prefix;
    const framed = frameError(prefix.payload);
    if (!framed.ok) return framed;
    if (prefix.kind === 's') return decodeShareBody(framed.body);
    if (passphrase === '')
      return fail('needs-passphrase', 'This link is protected by a passphrase: enter the passphrase to open the design.');

    const body = framed.body;
    const read = readVarint(body, 0, MAX_ITERATIONS_FIELD);
    const i = read.ok ? read.next : 0;
    const whole = read.ok && body.length >= i + SALT_BYTES + IV_BYTES + TAG_BYTES;
    if (whole && read.value > MAX_ITERATIONS) {
      return fail(
        'too-large',
        `This link asks for ${read.value.toLocaleString('en-US')} key derivation rounds, more than the ${MAX_ITERATIONS.toLocaleString('en-US')} Signalbox accepts (each passphrase try would take seconds); it was not made by Signalbox.`,
      );
    }
    if (!whole || read.value < MIN_ITERATIONS) {
      return fail('corrupt', 'This link is damaged: its protection header is not one Signalbox writes.');
    }
    const iterations = read.value;
    const crypto = getCrypto();
    if (!crypto) return fail('unsupported', 'This runtime has no Web Crypto (crypto.subtle), so it cannot open protected links.');
    const salt = body.slice(i, i + SALT_BYTES);
    const iv = body.slice(i + SALT_BYTES, i + SALT_BYTES + IV_BYTES);
    const key = await deriveKey(crypto, passphrase, salt, iterations);
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(await crypto.subtle!.decrypt({ name: 'AES-GCM', iv }, key, body.slice(i + SALT_BYTES + IV_BYTES)));
    } catch {
      // The checksum held, so the bytes are intact: only the key can be wrong.
      return fail('wrong-passphrase', 'The passphrase is wrong: this link does not open with it. Check it and try again.');
    }
    return decodeShareBody(plain);
  } catch (error) {
    return fail('corrupt', `This link could not be opened: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
