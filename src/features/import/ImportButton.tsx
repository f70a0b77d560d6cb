import { useSignalbox } from '../../editor/react';
import { useRef } from 'react';

export const IMPORT_ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';

/** The top bar's Import: compose files, Kubernetes manifests, AsyncAPI and OpenAPI documents. */
export function ImportButton() {
  const editor = useSignalbox();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => input.current?.click()}
        title="Import docker-compose, Kubernetes, AsyncAPI or OpenAPI files (or drop them on the canvas)"
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        aria-label="Files to import"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          editor.uiActions.requestImport(files);
        }}
      />
    </>
  );
}
