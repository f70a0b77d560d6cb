import process from 'node:process';
import type { CliIo } from './io';
import { createProcessIo } from './io';

const USAGE = `signalbox: design how microservices talk to each other

usage:
  signalbox lint FILE [--format text|json|sarif] [--fail-on error|warning|never]
  signalbox export FILE --to mermaid|sequence|asyncapi|openapi|yaml|json|markdown|proto|istio|gateway|alerts|schemas|code [--out PATH]
  signalbox share FILE [--base URL]
  signalbox open LINK
  signalbox simulate FILE (--down NODE[,NODE...] | --each) [--format text|json|markdown]
  signalbox import FILE... [--from compose|kubernetes|asyncapi|openapi] [--format yaml|json] [--into DESIGN]
  signalbox drift DESIGN FILE... [--format text|json]
  signalbox diff BASE HEAD [--format text|json|markdown|sarif] [--fail-on breaking|error|warning|never]

  signalbox --version | --help

FILE may be - to read standard input; diff also reads git:REF:PATH.`;

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command lives in its own module; only the one asked for is loaded. */
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  lint: () => import('./lint'),
  export: () => import('./export'),
  share: () => import('./share'),
  open: () => import('./open'),
  simulate: () => import('./simulate'),
  import: () => import('./import'),
  drift: () => import('./drift'),
  diff: () => import('./diff'),
};

/** Every command `main` dispatches; the package test runs each one from the installed tarball. */
export const COMMAND_NAMES = Object.keys(COMMANDS);

export async function main(argv: string[], io: CliIo, version = 'unknown'): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`signalbox: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  return command.run(rest, io);
}

if (process.argv[1] && /main\.(ts|js|mjs)$/.test(process.argv[1])) {
  main(process.argv.slice(2), createProcessIo()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`signalbox: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
