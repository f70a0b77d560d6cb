import { monaco } from '../../components/monaco/monacoSetup';
import type { Design } from '../../core/model/types';
import { getLinkId } from '../../core/model/ids';
import { getYamlContext } from '../../core/yamlmap/context';
import { getKeyDoc, getKeysFor, getReferenceFor, getValueShape, getValuesFor } from '../../core/yamlmap/schemaHelp';

let registered = false;
/** The design of the open code view (one per page: the model URI is one), for ids in completions. */
let currentDesign: (() => Design) | null = null;

/** The design model's URI: the export view's read-only YAML must not get the design's assist. */
export const DESIGN_MODEL_URI = 'inmemory://signalbox/design.signalbox.yaml';

/** A value that must be quoted to read back as itself: link ids with `:` (`order->bus:order.created`). */
function quoteIfNeeded(value: string): string {
  return /[:#,[\]{}]|^[-?!&*|>'"%@`]/.test(value) ? JSON.stringify(value) : value;
}

/**
 * Completion and hover for design YAML, from our own schema (core/model/schema.ts via
 * core/yamlmap): keys per object, closed value lists, node ids after `from:`/`to:` and link ids
 * after `link:`. Registered once for the 'yaml' language; the only YAML model is the design.
 */
export function registerYamlAssist(getDesign: () => Design): () => void {
  currentDesign = getDesign;
  const unregister = () => {
    if (currentDesign === getDesign) currentDesign = null;
  };
  if (registered) return unregister;
  registered = true;

  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: [' ', ':'],
    provideCompletionItems(model, position, trigger) {
      if (model.uri.toString() !== DESIGN_MODEL_URI) return { suggestions: [] };
      const text = model.getValue();
      const context = getYamlContext(text, model.getOffsetAt(position));
      // A space opens the list only where a value is expected (`kind: `); between keys it would be noise.
      if (trigger.triggerCharacter !== undefined && context.mode === 'key') return { suggestions: [] };
      const range = new monaco.Range(
        position.lineNumber,
        position.column - context.prefix.length,
        position.lineNumber,
        position.column,
      );
      const Kind = monaco.languages.CompletionItemKind;
      const inFlow = /[{[][^}\]]*$/.test(model.getLineContent(position.lineNumber).slice(0, position.column - 1));

      if (context.mode === 'key') {
        const suggestions = getKeysFor(context.object).map((key, i) => {
          const shape = getValueShape(context.object, key);
          const hasValues = getValuesFor(context.object, key).length > 0 || getReferenceFor(context.object, key) !== undefined;
          let insertText = `${key}: `;
          if (!inFlow && shape === 'object')
            insertText = key === 'nodes' || key === 'rules' || key === 'message' ? `${key}:\n\t$0` : `${key}: { $0 }`;
          if (!inFlow && shape === 'list')
            insertText = key === 'links' || key === 'flows' || key === 'steps' ? `${key}:\n\t- $0` : `${key}: [$0]`;
          return {
            label: key,
            kind: Kind.Property,
            insertText,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            documentation: getKeyDoc(context.object, key) ? { value: getKeyDoc(context.object, key)! } : undefined,
            sortText: String(i).padStart(3, '0'),
            range,
            command: hasValues ? { id: 'editor.action.triggerSuggest', title: 'Suggest values' } : undefined,
          };
        });
        return { suggestions };
      }

      const key = context.key ?? '';
      const reference = getReferenceFor(context.object, key);
      const design = currentDesign?.() ?? { nodes: {}, links: [] };
      let values: { label: string; detail?: string }[] = getValuesFor(context.object, key).map((v) => ({ label: v }));
      if (reference === 'node')
        values = Object.entries(design.nodes).map(([id, node]) => ({ label: id, detail: `${node.kind}: ${node.name}` }));
      if (reference === 'link') values = design.links.map((link) => ({ label: getLinkId(link), detail: `${link.kind} link` }));
      return {
        suggestions: values.map((v, i) => ({
          label: v.label,
          kind: reference ? Kind.Reference : Kind.EnumMember,
          detail: v.detail,
          insertText: quoteIfNeeded(v.label),
          sortText: String(i).padStart(3, '0'),
          range,
        })),
      };
    },
  });

  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      if (model.uri.toString() !== DESIGN_MODEL_URI) return null;
      const line = model.getLineContent(position.lineNumber);
      // A key is a word followed by `:`; find the one under the cursor.
      const keyPattern = /([A-Za-z_][\w-]*)\s*:(?=\s|$)/g;
      for (let m = keyPattern.exec(line); m; m = keyPattern.exec(line)) {
        const start = m.index + 1;
        const end = start + m[1]!.length;
        if (position.column < start || position.column > end) continue;
        const offset = model.getOffsetAt({ lineNumber: position.lineNumber, column: start });
        const context = getYamlContext(model.getValue(), offset);
        const doc = getKeyDoc(context.object, m[1]!);
        if (!doc) return null;
        return {
          range: new monaco.Range(position.lineNumber, start, position.lineNumber, end),
          contents: [{ value: `**${m[1]}** (${context.object})` }, { value: doc }],
        };
      }
      return null;
    },
  });
  return unregister;
}
