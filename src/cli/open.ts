import process from 'node:process';
import { formatIssue } from '../core/format/read';
import { designToYaml } from '../core/format/write';
import { decodeShareFragment, type ShareErrorCode } from '../core/share/codec';
import { decryptShareFragment } from '../core/share/protect';
import type { CliIo } from './io';
import { parseFlags } from './io';

const USAGE = 'usage: signalbox open LINK [--passphrase P]   (LINK: a whole link, its #fragment, or - for standard input)';

/** What to try next, by why the link opened nothing (the codec's message says what is wrong). */
function hintFor(code: ShareErrorCode, passphraseFrom: 'flag' | 'env' | null): string {
  switch (code) {
    case 'needs-passphrase':
      return ' (pass --passphrase P or set SIGNALBOX_PASSPHRASE)';
    case 'wrong-passphrase':
      return passphraseFrom === 'env' ? ' (the passphrase tried was SIGNALBOX_PASSPHRASE)' : '';
    case 'truncated':
      return ' (a long link is safer on standard input: signalbox open - < link.txt)';
    default:
      return '';
  }
}

/** `signalbox open LINK`: prints the design a share link holds, as YAML. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals, error } = parseFlags(args, { values: ['passphrase'] });
  if (error || positionals.length !== 1) {
    io.stderr(`signalbox open: ${error ?? (positionals.length === 0 ? 'missing LINK' : 'one LINK at a time')}\n${USAGE}\n`);
    return 2;
  }
  let link = positionals[0]!;
  // Long links are easier to pipe than to quote.
  if (link === '-') link = await io.readText('-');
  const passphrase = typeof flags.passphrase === 'string' ? flags.passphrase : process.env.SIGNALBOX_PASSPHRASE;
  const passphraseFrom = typeof flags.passphrase === 'string' ? 'flag' : passphrase ? 'env' : null;
  const result = passphrase ? await decryptShareFragment(link, passphrase) : decodeShareFragment(link);
  if (!result.ok) {
    io.stderr(`signalbox open: ${result.error.message}${hintFor(result.error.code, passphraseFrom)}\n`);
    return 2;
  }
  for (const warning of result.warnings) io.stderr(`${formatIssue(warning, '<link>')}\n`);
  io.stdout(designToYaml(result.design));
  return 0;
}
