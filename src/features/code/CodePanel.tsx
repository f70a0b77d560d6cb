import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useCodeEditor } from './useCodeEditor';
import { usePanelWidth } from './usePanelWidth';
import { useSignalbox } from '../../editor/react';
import './codePanel.css';

function statusText(errors: number, warnings: number): string {
  if (errors > 0) return `${errors} error${errors === 1 ? '' : 's'}`;
  return warnings > 0 ? `valid, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'valid';
}

/**
 * Architecture as code: the design as YAML in Monaco, beside the canvas, two-way with it.
 * Loaded lazily by App (Monaco is about a megabyte); see README.md.
 */
export function CodePanel() {
  const editor = useSignalbox();
  const hostRef = useRef<HTMLDivElement>(null);
  const { issues, reveal } = useCodeEditor(hostRef);
  const [width, setWidth] = usePanelWidth();
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;

  // Drag the left edge to resize; the pointer is captured so a fast drag over the editor still counts.
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => setWidth(startWidth + startX - ev.clientX);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onSeparatorKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    if (e.key === 'ArrowLeft') setWidth(width + step);
    else if (e.key === 'ArrowRight') setWidth(width - step);
    else return;
    e.preventDefault();
  };

  return (
    // `nokey`: React Flow's pan key is Space, and it swallows every Space typed in Monaco unless
    // the editor sits inside its noKeyClassName (docs/recipes.md).
    <section className="code-panel nokey" aria-label="Code view" style={{ width }}>
      <div
        className="code-panel__resizer"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize code view"
        aria-valuenow={width}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onSeparatorKey}
      />
      <header className="code-panel__header">
        <h2 className="code-panel__title">Design as code</h2>
        <span
          className={`code-panel__status code-panel__status--${errors > 0 ? 'error' : 'ok'}`}
          role="status"
          data-testid="code-status"
        >
          {statusText(errors, warnings)}
        </span>
        <button
          className="code-panel__close"
          aria-label="Close code view"
          title="Close code view"
          onClick={() => editor.ui.setState({ codeOpen: false })}
        >
          ×
        </button>
      </header>
      <div className="code-panel__editor" ref={hostRef} data-testid="code-editor" data-typing-surface="" />
      {issues.length > 0 && (
        <ul className="code-panel__problems" aria-label="Problems" data-testid="code-problems">
          {issues.map((issue, i) => (
            <li key={i}>
              <button
                className={`code-panel__problem code-panel__problem--${issue.severity}`}
                onClick={() => reveal(issue.line ?? 1, issue.column ?? 1)}
              >
                {`${issue.line ?? 1}:${issue.column ?? 1} ${issue.severity}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
