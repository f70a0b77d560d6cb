// Every relative link in README.md and docs/*.md resolves inside the repository: the file exists,
// and a #fragment names a heading of the file it points to (GitHub's anchor rules).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const body = markdown.replace(/```[\s\S]*?```/g, '');
  for (const [, heading] of body.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading!
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function linksOf(markdown: string): string[] {
  const body = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const links = [...body.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...body.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!);
  return [...links, ...references];
}

describe('links in README.md and docs/', () => {
  it.each(PAGES)('%s: every relative link and anchor resolves inside the repository', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const link of linksOf(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: — not the repository's
      const [path, fragment] = link.split('#', 2) as [string, string | undefined];
      const target = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), decodeURI(path));
      if (relative(ROOT, target).startsWith('..')) {
        broken.push(`${link} (outside the repository)`);
        continue;
      }
      if (!existsSync(target)) {
        broken.push(`${link} (no such file)`);
        continue;
      }
      if (fragment && statSync(target).isFile() && target.endsWith('.md')) {
        if (!anchorsOf(readFileSync(target, 'utf8')).has(fragment)) broken.push(`${link} (no heading #${fragment})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds links at all (a checker that reads nothing would pass anything)', () => {
    expect(linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).length).toBeGreaterThan(3);
    expect(linksOf('see [a](../shared/x.md) and [b](#top)')).toEqual(['../shared/x.md', '#top']);
    expect([...anchorsOf('# The command line\n## `lint --format` & more\n## The command line')]).toEqual([
      'the-command-line',
      'lint---format--more',
      'the-command-line-1',
    ]);
  });
});
