/**
 * The smallest Monaco a read-only export view needs, bundled from the local package (never a
 * CDN): the editor, find, folding, copy and the context menu, and the colouring of YAML, JSON and
 * Markdown. Loaded only through `import()` by ReadOnlyCodeView, so none of it is in the initial
 * bundle. Our own on purpose: features do not import each other (STYLE.md), and the code view's
 * setup registers its YAML assist, which a read-only view must not get.
 */
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/definitions/markdown/register';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

// JSON colouring runs on the main thread; its language service (validation, hovers, formatting)
// needs a JSON worker, and a read-only export of our own serialiser has nothing to validate.
jsonDefaults.setDiagnosticsOptions({ validate: false });
jsonDefaults.setModeConfiguration({ tokens: true });

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
  }
}

// The code view may have set the same environment first (it is one global); keep it if so.
window.MonacoEnvironment ??= { getWorker: () => new EditorWorker() };

export { monaco };
