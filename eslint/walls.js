/**
 * The walls between Signalbox's layers, enforced (issue 18). Imports are resolved against the
 * importing file, so `../../features/x` and `../x` are the same import:
 * - a feature (src/features/<name>) imports no other feature;
 * - the editor and state layers (src/editor, src/state) import no feature, app or component;
 * - code outside src/core reaches core through its entry points: src/core/index.ts or a module
 *   directly in a core folder (src/core/<folder>/<module>), never a file nested deeper;
 * - production code finds no element by a test id or by a library's CSS class.
 * Tests are exempt from the second wall: a headless editor test wires a real repository.
 */
import path from 'node:path';

const SRC = `${path.sep}src${path.sep}`;

/** `features/canvas/x.ts` -> ['features', 'canvas', 'x.ts'], or null outside src/. */
function srcParts(file) {
  const i = file.lastIndexOf(SRC);
  return i < 0 ? null : file.slice(i + SRC.length).split(path.sep);
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

function checkImport(context, node, source) {
  if (typeof source !== 'string' || !source.startsWith('.')) return;
  const file = context.filename;
  const from = srcParts(file);
  const to = srcParts(path.resolve(path.dirname(file), source));
  if (!from || !to) return;
  const report = (message) => context.report({ node, message });
  if (from[0] === 'features' && to[0] === 'features' && to[1] !== from[1])
    return report(
      `A feature imports no other feature: features/${from[1]} imports features/${to[1]} (go through the editor or state)`,
    );
  if ((from[0] === 'editor' || from[0] === 'state') && ['features', 'app', 'components'].includes(to[0]) && !isTest(file))
    return report(`The ${from[0]} layer imports no ${to[0]}: inject it into createSignalbox instead`);
  if (from[0] !== 'core' && to[0] === 'core' && to.length > 3)
    return report(`Outside src/core, import core through its entry points (src/core/<folder>/<module>), not ${to.join('/')}`);
}

const walls = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    return {
      ImportDeclaration: (node) => checkImport(context, node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && checkImport(context, node, node.source.value),
      ExportAllDeclaration: (node) => checkImport(context, node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && checkImport(context, node, node.source.value),
    };
  },
};

const SELECTOR_CALLS = /^(querySelector|querySelectorAll|closest|matches)$/;
/** A test id, or a class of a library we render through (React Flow, Monaco, Mermaid). */
const FORBIDDEN_SELECTOR = /data-testid|\.(react-flow__|monaco-|mermaid)/;

const noTestHooks = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    if (isTest(context.filename)) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!SELECTOR_CALLS.test(callee.property.name)) return;
        const arg = node.arguments[0];
        const text =
          arg?.type === 'Literal'
            ? arg.value
            : arg?.type === 'TemplateLiteral'
              ? arg.quasis.map((q) => q.value.raw).join('')
              : null;
        if (typeof text === 'string' && FORBIDDEN_SELECTOR.test(text))
          context.report({
            node,
            message: `Production code finds no element by a test id or a library's class ("${text}"): ask the component`,
          });
      },
    };
  },
};

export default { rules: { walls, 'no-test-hooks': noTestHooks } };
