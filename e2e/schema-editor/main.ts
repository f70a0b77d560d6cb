/**
 * The JSON Schema check of issue 17, in a real YAML language server: the app's own Monaco setup
 * plus monaco-yaml (yaml-language-server in a worker), fed nothing but schema/signalbox.schema.json.
 * Built and served only by e2e/schema-completion.spec.ts, never part of the app (the code view
 * has its own assist from the zod schema: src/features/code/yamlAssist.ts).
 */
import './environment';
import { configureMonacoYaml } from 'monaco-yaml';
import { monaco } from '../../src/components/monaco/monacoSetup';
import schema from '../../schema/signalbox.schema.json';

type WorkerOptions = Parameters<typeof monaco.editor.createWebWorker>[0];
interface LegacyWorkerOptions {
  moduleId: string;
  label?: string;
  createData?: unknown;
}

/**
 * monaco-yaml 5.5 asks for a worker the pre-0.55 way (`{ moduleId, label, createData }`); Monaco
 * 0.57 wants `{ worker }` and no longer sends createData (monaco-yaml issue #272). The worker's
 * first message only installs Monaco's handler, the second is read as createData.
 */
function createWebWorker(options: WorkerOptions | LegacyWorkerOptions) {
  if ('worker' in options) return monaco.editor.createWebWorker(options);
  const worker = window.MonacoEnvironment!.getWorker(options.moduleId, options.label ?? 'yaml');
  worker.postMessage('initialize');
  worker.postMessage(options.createData);
  return monaco.editor.createWebWorker({ worker });
}

// The file's first line is the one the README tells VS Code users to write; the language server
// resolves it beside the file, to the URI the schema is registered under, so nothing is fetched.
const DESIGN = `# yaml-language-server: $schema=./node_modules/signalbox/signalbox.schema.json
signalbox: 1
name: Orders
nodes:
  web: { kind: client, name: Web shop }
  gateway: { kind: gateway, name: API Gateway, auth: jwt }
links:
  - { from: web, to: gateway, kind: sync, protocol: rest, timeoutMs: 2000 }
`;

configureMonacoYaml({ ...monaco, editor: { ...monaco.editor, createWebWorker } } as typeof monaco, {
  enableSchemaRequest: false,
  schemas: [
    {
      uri: 'file:///work/node_modules/signalbox/signalbox.schema.json',
      fileMatch: ['*.signalbox.yaml'],
      schema: schema as never,
    },
  ],
});

const model = monaco.editor.createModel(DESIGN, 'yaml', monaco.Uri.parse('file:///work/design.signalbox.yaml'));
const editor = monaco.editor.create(document.getElementById('editor')!, {
  model,
  ariaLabel: 'design.signalbox.yaml',
  automaticLayout: true,
  fontSize: 15,
  minimap: { enabled: false },
  // Only the language server's suggestions: Monaco's words-in-the-file list would mix in.
  wordBasedSuggestions: 'off',
  fixedOverflowWidgets: true,
});
editor.focus();
