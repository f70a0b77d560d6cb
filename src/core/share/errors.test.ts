import { deflateSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Design } from '../model/types';
import { bytesToBase64url } from './base64url';
import {
  decodeShareFragment,
  encodeShareFragment,
  SHARE_ERROR_CODES,
  type ShareDecodeResult,
  type ShareErrorCode,
} from './codec';
import { crc32 } from './crc32';
import { S1_DICTIONARY } from './dictionary';
import { frameToText } from './frame';
import { decryptShareFragment, encryptShareFragment } from './protect';
import { writeVarint } from './varint';

const design: Design = { signalbox: 1, name: 'Shop', nodes: { web: { kind: 'client', name: 'Web' } }, links: [] };
const link = encodeShareFragment(design);

/** A frame whose header is sound (its check byte matches) around any length field: only hand-made links have these. */
function handMadeFrame(lengthField: number[], body: Uint8Array): string {
  const crc = crc32(body);
  const head = [...lengthField, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff];
  head.push(crc32(Uint8Array.from(head)) & 0xff);
  return bytesToBase64url(Uint8Array.from([...head, ...body]));
}

const deflated = (json: string) => Uint8Array.from([2, ...deflateSync(strToU8(json), { level: 9, dictionary: S1_DICTIONARY })]);

/** One link for every refusal, so each code is reachable and callers can rely on it. */
const REFUSALS: [ShareErrorCode, string, () => Promise<ShareDecodeResult> | ShareDecodeResult][] = [
  ['empty', 'nothing after #', () => decodeShareFragment('https://signalbox.example/#')],
  ['unknown-format', 'another tool', () => decodeShareFragment(`pako:${link.slice(3)}`)],
  ['too-new', 'a newer prefix', () => decodeShareFragment(`s2.${link.slice(3)}`)],
  ['too-new', 'a body flag this build does not know', () => decodeShareFragment(`s1.${frameToText(Uint8Array.from([4, 0]))}`)],
  ['too-new', 'a newer design format', () => decodeShareFragment(`s1.${frameToText(deflated('{"a":7,"b":"X","d":{}}'))}`)],
  ['truncated', 'cut off', () => decodeShareFragment(link.slice(0, -5))],
  [
    'checksum',
    'a changed character',
    () => decodeShareFragment(link.slice(0, -9) + (link.at(-9) === 'A' ? 'B' : 'A') + link.slice(-8)),
  ],
  ['checksum', 'a character no link holds', () => decodeShareFragment(`${link.slice(0, 20)}%${link.slice(21)}`)],
  [
    'too-large',
    'a frame claiming 200 MB',
    () => decodeShareFragment(`s1.${handMadeFrame(writeVarint(200_000_000), new Uint8Array(4))}`),
  ],
  [
    'too-large',
    'a context-mixed body claiming 1 MB',
    () => decodeShareFragment(`s1.${frameToText(Uint8Array.from([0, ...writeVarint(2 ** 20), 0]))}`),
  ],
  [
    'too-large',
    'a protected link asking for 5,000,000 rounds',
    () => decryptShareFragment(`p1.${frameToText(Uint8Array.from([...writeVarint(5_000_000), ...new Uint8Array(44)]))}`, 'x'),
  ],
  ['corrupt', 'a padded frame length', () => decodeShareFragment(`s1.${handMadeFrame([0x82, 0x00], Uint8Array.from([0, 0]))}`)],
  ['corrupt', 'a padded body length', () => decodeShareFragment(`s1.${frameToText(Uint8Array.from([0, 0x81, 0x00, 1]))}`)],
  [
    'corrupt',
    'a padded iteration count',
    () => decryptShareFragment(`p1.${frameToText(Uint8Array.from([0xa0, 0x8d, 0x86, 0x00, ...new Uint8Array(44)]))}`, 'x'),
  ],
  ['corrupt', 'a stream that runs out', () => decodeShareFragment(`s1.${frameToText(Uint8Array.from([0, 0xe8, 0x07, 1, 2]))}`)],
  ['corrupt', 'a body that is not JSON', () => decodeShareFragment(`s1.${frameToText(deflated('not json'))}`)],
  [
    'invalid-design',
    'a dangling link',
    () => decodeShareFragment(`s1.${frameToText(deflated('{"b":"X","d":{},"e":[{"b":"a","c":"b"}]}'))}`),
  ],
  ['needs-passphrase', 'a protected link, no passphrase', () => decodeShareFragment(`p1.${link.slice(3)}`)],
];

describe('share error codes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(REFUSALS)('%s: %s', async (code, _what, open) => {
    const result = await open();
    expect(result).toMatchObject({ ok: false, error: { code } });
    // A sentence a person can read, never a stack or an empty string.
    expect(!result.ok && result.error.message).toMatch(/^[A-Z].{20,}[.]$/);
  });

  it('padded varints are refused where they stand (the released readers took them)', async () => {
    const frame = await REFUSALS.find(([, what]) => what === 'a padded frame length')![2]();
    expect(!frame.ok && frame.error.message).toMatch(/its header is not one Signalbox writes \(the number at byte 0 is padded/);
    const rounds = await REFUSALS.find(([, what]) => what === 'a padded iteration count')![2]();
    expect(!rounds.ok && rounds.error.message).toMatch(/its protection header is not one Signalbox writes/);
  });

  it('wrong-passphrase and unsupported, on a real protected link', async () => {
    const fragment = await encryptShareFragment(design, 'secret', { iterations: 100_000 });
    expect(await decryptShareFragment(fragment, 'Secret')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    vi.stubGlobal('crypto', undefined);
    expect(await decryptShareFragment(fragment, 'secret')).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });

  it('every code is produced by some link above (the list callers switch on has no dead entry)', () => {
    const covered = new Set<ShareErrorCode>([...REFUSALS.map(([code]) => code), 'wrong-passphrase', 'unsupported']);
    expect([...SHARE_ERROR_CODES].filter((code) => !covered.has(code))).toEqual([]);
  });
});
