import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readDesign } from '../core/format/read';
import { deepEqual } from '../core/model/equal';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const example = 'src/core/format/fixtures/format-example.signalbox.yaml';

async function signalbox(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', ['bin/signalbox.mjs', ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function exampleDesign() {
  return readDesign(readFileSync(`${root}/${example}`, 'utf8')).design;
}

describe('signalbox share / open', () => {
  it('share prints a link on the default base that open turns back into the same design', async () => {
    const shared = await signalbox(['share', example]);
    expect(shared.code).toBe(0);
    const link = shared.stdout.trim();
    expect(link).toMatch(/^http:\/\/localhost:5173\/#s1\.[A-Za-z0-9_-]+$/);

    const opened = await signalbox(['open', link]);
    expect(opened.code).toBe(0);
    expect(deepEqual(readDesign(opened.stdout).design, exampleDesign())).toBe(true);

    // Just the fragment works too.
    const byFragment = await signalbox(['open', link.slice(link.indexOf('#'))]);
    expect(byFragment.stdout).toBe(opened.stdout);
  });

  it('share --base and --view make a view link on that base', async () => {
    const shared = await signalbox(['share', example, '--base', 'https://signalbox.example/app/', '--view']);
    expect(shared.stdout).toMatch(/^https:\/\/signalbox\.example\/app\/#s1\./);
  });

  it('a cut-off link exits 2 with a clear message on standard error', async () => {
    const link = (await signalbox(['share', example])).stdout.trim();
    const opened = await signalbox(['open', link.slice(0, link.length - 40)]);
    expect(opened.code).toBe(2);
    expect(opened.stdout).toBe('');
    expect(opened.stderr).toMatch(/incomplete: it was probably cut off/);
    expect(opened.stderr).toContain('(a long link is safer on standard input: signalbox open - < link.txt)');
  });

  it('open accepts a view link that names a view (as share --named-view prints it)', async () => {
    const link = (await signalbox(['share', example, '--view'])).stdout.trim();
    const opened = await signalbox(['open', `${link}&view=around%20order`]);
    expect(opened.stderr).toBe('');
    expect(opened.code).toBe(0);
    expect(deepEqual(readDesign(opened.stdout).design, exampleDesign())).toBe(true);
  });

  it('a changed character exits 2 as damaged', async () => {
    const link = (await signalbox(['share', example])).stdout.trim();
    const i = link.length - 30;
    const opened = await signalbox(['open', link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1)]);
    expect(opened.code).toBe(2);
    expect(opened.stderr).toMatch(/damaged/);
  });

  it('a protected link opens with --passphrase or SIGNALBOX_PASSPHRASE, and not without', async () => {
    const link = (await signalbox(['share', example, '--passphrase', 'correct horse'])).stdout.trim();
    expect(link).toMatch(/#p1\./);

    // Each open derives a key (310,000 PBKDF2 rounds) after a tsx start-up: run them side by side.
    const [withFlag, withEnv, without, wrong, wrongEnv] = await Promise.all([
      signalbox(['open', link, '--passphrase', 'correct horse']),
      signalbox(['open', link], { SIGNALBOX_PASSPHRASE: 'correct horse' }),
      signalbox(['open', link], { SIGNALBOX_PASSPHRASE: '' }),
      signalbox(['open', link, '--passphrase', 'battery staple']),
      signalbox(['open', link], { SIGNALBOX_PASSPHRASE: 'battery staple' }),
    ]);
    expect(withFlag.code).toBe(0);
    expect(deepEqual(readDesign(withFlag.stdout).design, exampleDesign())).toBe(true);
    expect(withEnv.stdout).toBe(withFlag.stdout);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/protected by a passphrase/);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/passphrase is wrong/);
    expect(wrong.stderr).not.toContain('SIGNALBOX_PASSPHRASE');
    // A passphrase nobody typed (left in the environment) is named, so the user knows which one failed.
    expect(wrongEnv.code).toBe(2);
    expect(wrongEnv.stderr).toMatch(/passphrase is wrong.*\(the passphrase tried was SIGNALBOX_PASSPHRASE\)/);
  });

  it('an unreadable file exits 2', async () => {
    const shared = await signalbox(['share', 'no/such/file.yaml']);
    expect(shared.code).toBe(2);
    expect(shared.stderr).toMatch(/cannot read/);
  });
});
