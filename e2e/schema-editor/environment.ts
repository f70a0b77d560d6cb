import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';

// Evaluated before the app's monacoSetup (which keeps an environment already set): the YAML
// language server gets its own worker, everything else Monaco's editor worker.
window.MonacoEnvironment = {
  getWorker: (_moduleId: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};
