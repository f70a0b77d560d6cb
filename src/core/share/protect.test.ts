import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { deepEqual } from '../model/equal';
import { decodeShareFragment, encodeShareFragment } from './codec';
import { decryptShareFragment, encryptShareFragment, MAX_PBKDF2_ITERATIONS } from './protect';
import { frameToText } from './frame';
import { readVarint, writeVarint } from './varint';

const design = readDesign(
  readFileSync(fileURLToPath(new URL('../format/fixtures/format-example.signalbox.yaml', import.meta.url)), 'utf8'),
).design!;
// The minimum the link accepts keeps the test quick; the default (310,000) is checked once below.
const fast = { iterations: 100_000 };

describe('passphrase-protected links', () => {
  it('round-trip with the passphrase, keeping view mode', async () => {
    const fragment = await encryptShareFragment(design, 'correct horse 🐎', { ...fast, mode: 'view' });
    expect(fragment.startsWith('p1.')).toBe(true);
    const result = await decryptShareFragment(`https://x.example/#${fragment}`, 'correct horse 🐎');
    expect(result.ok && deepEqual(result.design, design)).toBe(true);
    expect(result.ok && result.mode).toBe('view');
  });

  it('refuse a wrong passphrase cleanly, and ask for one when there is none', async () => {
    const fragment = await encryptShareFragment(design, 'secret', fast);
    expect(await decryptShareFragment(fragment, 'Secret')).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await decryptShareFragment(fragment, '')).toMatchObject({ ok: false, error: { code: 'needs-passphrase' } });
    expect(decodeShareFragment(fragment)).toMatchObject({ ok: false, error: { code: 'needs-passphrase' } });
  });

  it('tell a damaged or cut-off protected link from a wrong passphrase', async () => {
    const fragment = await encryptShareFragment(design, 'secret', fast);
    const i = fragment.length - 10;
    const changed = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(await decryptShareFragment(changed, 'secret')).toMatchObject({ ok: false, error: { code: 'checksum' } });
    expect(await decryptShareFragment(fragment.slice(0, -7), 'secret')).toMatchObject({
      ok: false,
      error: { code: 'truncated' },
    });
  });

  it('salt and IV are fresh for every link; the default work factor is at least 310,000', async () => {
    const a = await encryptShareFragment(design, 'secret');
    const b = await encryptShareFragment(design, 'secret', fast);
    expect(a.slice(3, 40)).not.toBe(b.slice(3, 40));
    const { textToFrame } = await import('./frame');
    // The frame's body starts with the iteration varint.
    const frame = textToFrame(a.slice(3));
    const iterations = frame.ok ? readVarint(frame.body, 0, 2 ** 28 - 1) : undefined;
    expect(iterations?.ok && iterations.value).toBeGreaterThanOrEqual(310_000);
    expect((await decryptShareFragment(a, 'secret')).ok).toBe(true);
  });

  it('open plain links too, passphrase or not', async () => {
    expect((await decryptShareFragment(encodeShareFragment(design), 'anything')).ok).toBe(true);
  });

  it('refuse to make a link with an empty passphrase or a weak work factor', async () => {
    await expect(encryptShareFragment(design, '')).rejects.toThrow(/non-empty/);
    await expect(encryptShareFragment(design, 'x', { iterations: 1000 })).rejects.toThrow(/iterations/);
  });
});

describe('iteration counts a link may ask for (issue 11, item 8)', () => {
  const protectedLink = (iterations: number) =>
    `p1.${frameToText(new Uint8Array([...writeVarint(iterations), ...new Uint8Array(16 + 12 + 32)]))}`;

  it('a link asking for 5,000,000 iterations is refused before any key is derived', async () => {
    const start = Date.now();
    const result = await decryptShareFragment(protectedLink(5_000_000), 'guess');
    expect(Date.now() - start).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(!result.ok && result.error.message).toMatch(/asks for 5,000,000 key derivation rounds, more than the 1,000,000/);
  });

  it('one at the cap is tried (near miss: the wrong passphrase, not a refusal)', async () => {
    const result = await decryptShareFragment(protectedLink(MAX_PBKDF2_ITERATIONS), 'guess');
    expect(!result.ok && result.error.code).toBe('wrong-passphrase');
  }, 30_000);

  it('making a link with more than the cap is refused', async () => {
    await expect(encryptShareFragment(design, 'x', { iterations: MAX_PBKDF2_ITERATIONS + 1 })).rejects.toThrow(/iterations/);
  });
});
