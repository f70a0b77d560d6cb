import { execFile } from 'node:child_process';
import { diffDesigns } from '../core/diff/diff';
import {
  DIFF_FAIL_ON,
  diffFails,
  diffToJson,
  diffToSarif,
  formatDiffMarkdown,
  formatDiffText,
  type DiffFailOn,
} from '../core/diff/report';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type OutputFormat = (typeof FORMATS)[number];
const USAGE =
  'usage: signalbox diff BASE HEAD [--format text|json|markdown|sarif] [--fail-on breaking|error|warning|never]\n' +
  '  BASE and HEAD are design files, - (standard input, for one of them), or git:REF:PATH';

/** `git:origin/main:arch/shop.signalbox.yaml` -> its ref and path; undefined when not a git input. */
export function parseGitInput(input: string): { ref: string; path: string } | undefined {
  if (!input.startsWith('git:')) return undefined;
  const rest = input.slice(4);
  // Git refs cannot contain ':', so the first one ends the ref.
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return { ref: '', path: '' };
  return { ref: rest.slice(0, colon), path: rest.slice(colon + 1) };
}

/** `git show REF:PATH` in the working directory, without a shell (the ref is the user's text). */
function gitShow(input: string): Promise<string> {
  const git = parseGitInput(input)!;
  if (!git.ref || !git.path)
    return Promise.reject(new Error('expected git:REF:PATH, like git:origin/main:arch/shop.signalbox.yaml'));
  if (git.ref.startsWith('-')) return Promise.reject(new Error(`"${git.ref}" is not a git ref`));
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['show', `${git.ref}:${git.path}`],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout);
        else {
          const code = (error as { code?: unknown }).code;
          const why = code === 'ENOENT' ? 'git is not installed' : (stderr.trim().split('\n')[0] ?? '') || error.message;
          reject(new Error(why.replace(/^fatal: /, '')));
        }
      },
    );
  });
}

/** `signalbox diff BASE HEAD` (docs/cli.md): exit 1 when something at or above --fail-on appears, 2 on bad input. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(args, { values: ['format', 'fail-on'] });
  if (parsed.error) {
    io.stderr(`signalbox diff: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const format = (parsed.flags.format ?? 'text') as OutputFormat;
  const failOn = (parsed.flags['fail-on'] ?? 'breaking') as DiffFailOn;
  if (!FORMATS.includes(format)) {
    io.stderr(`signalbox diff: --format must be text, json, markdown or sarif (got "${String(format)}")\n${USAGE}\n`);
    return 2;
  }
  if (!DIFF_FAIL_ON.includes(failOn)) {
    io.stderr(`signalbox diff: --fail-on must be breaking, error, warning or never (got "${String(failOn)}")\n${USAGE}\n`);
    return 2;
  }
  if (parsed.positionals.length !== 2) {
    io.stderr(
      `signalbox diff: expected BASE and HEAD (got ${parsed.positionals.length} input${parsed.positionals.length === 1 ? '' : 's'})\n${USAGE}\n`,
    );
    return 2;
  }
  const [baseInput, headInput] = parsed.positionals as [string, string];
  if (baseInput === '-' && headInput === '-') {
    io.stderr(`signalbox diff: only one of BASE and HEAD can be - (standard input)\n${USAGE}\n`);
    return 2;
  }
  const sources: CliIo = { ...io, readText: (path) => (parseGitInput(path) ? gitShow(path) : io.readText(path)) };
  const base = await loadDesign(baseInput, sources);
  const head = await loadDesign(headInput, sources);
  if (!base || !head) return 2;

  const diff = diffDesigns(base.design, head.design);
  const label = (input: string) => (input === '-' ? '<stdin>' : input);
  if (format === 'json') io.stdout(`${JSON.stringify(diffToJson(diff, label(baseInput), label(headInput)), null, 2)}\n`);
  else if (format === 'sarif') {
    const uri = parseGitInput(headInput)?.path ?? (headInput === '-' ? 'stdin' : headInput);
    io.stdout(`${JSON.stringify(diffToSarif(diff, uri), null, 2)}\n`);
  } else if (format === 'markdown') io.stdout(formatDiffMarkdown(diff, label(baseInput), label(headInput)));
  else io.stdout(formatDiffText(diff, label(baseInput), label(headInput)));
  return diffFails(diff, failOn) ? 1 : 0;
}
