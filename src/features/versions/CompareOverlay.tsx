import { useDiffOverlayStore, useSignalbox } from '../../editor/react';
import { useEffect, type ReactNode } from 'react';
import { closedAPopup } from '../../components/usePopover';
import type { DesignChange } from '../../core/diff/types';
import type { Finding } from '../../core/model/types';
import type { Signalbox } from '../../editor/createSignalbox';
import { restoreVersion, stopCompare } from './compareVersion';
import { formatSavedAt } from './versionActions';
import './versions.css';

/** Frame what a change is about: its node, or both ends of its link. */
function frameChange(editor: Signalbox, change: DesignChange): void {
  const { requestFrame } = editor.uiActions;
  if (change.element === 'node') requestFrame([change.id]);
  else if (change.element === 'link' || change.element === 'message') requestFrame([], [change.id]);
}

/**
 * `3 -> 5` as `3 → 5` that never breaks across lines (the CLI keeps ASCII arrows), and a line
 * break allowed after `->`, `:` and `.` inside ids: `bus->payment:order.created` wrapped as
 * `order.create` / `d` in the narrow panel.
 */
function showMessage(message: string): ReactNode[] {
  return message
    .replace(/ -> /g, '\u00a0→\u00a0')
    .split(/(?<=->|:|\.)(?=\S)/)
    .flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

function ChangeItem({ change }: { change: DesignChange }) {
  const editor = useSignalbox();
  const frameable = change.element === 'node' || change.element === 'link' || change.element === 'message';
  return (
    <li className={`compare__change compare__change--${change.change}${change.breaking ? ' compare__change--breaking' : ''}`}>
      <span className="compare__tags">
        {change.breaking && <span className="compare__tag compare__tag--breaking">Breaking</span>}
        <span className={`compare__tag compare__tag--${change.change}`}>{change.change}</span>
      </span>
      {frameable ? (
        <button type="button" className="compare__message compare__message--link" onClick={() => frameChange(editor, change)}>
          {showMessage(change.message)}
        </button>
      ) : (
        <span className="compare__message">{showMessage(change.message)}</span>
      )}
    </li>
  );
}

function FindingList({ title, findings, sign }: { title: string; findings: Finding[]; sign: '+' | '−' }) {
  if (findings.length === 0) return null;
  return (
    <section className="compare__section" aria-label={title}>
      <h3 className="compare__heading">
        {title} ({findings.length})
      </h3>
      <ul className="compare__list">
        {findings.map((f, i) => (
          <li key={`${f.rule}-${i}`} className="compare__finding">
            <span className={`compare__sign compare__sign--${f.severity}`} aria-hidden="true">
              {sign}
            </span>
            <span>
              <strong>{f.rule}</strong> <span className={`compare__severity compare__severity--${f.severity}`}>{f.severity}</span>
              <br />
              {f.message}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** While comparing: what changed since the version (breaking first), the findings delta, Restore and Done. */
export function CompareOverlay() {
  const editor = useSignalbox();
  const version = useDiffOverlayStore((s) => s.version);
  const changes = useDiffOverlayStore((s) => s.changes);
  const findings = useDiffOverlayStore((s) => s.findings);
  useEffect(() => {
    if (!version) return undefined;
    const onKey = (e: KeyboardEvent) => {
      // A popup over the panel (Versions, Designs...) takes its Escape: one Escape, one thing closed.
      if (closedAPopup(e)) return;
      if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement))
        stopCompare(editor);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [version, editor]);
  if (!version) return null;
  const breaking = changes.filter((c) => c.breaking).length;
  return (
    <aside className="compare" aria-label="Compare with version">
      <header className="compare__header">
        <div className="compare__title">
          <span className="compare__eyebrow">Comparing with</span>
          <strong title={version.name}>{version.name}</strong>
          <span className="compare__when">{formatSavedAt(version.savedAt)}</span>
        </div>
        <button type="button" className="button" onClick={() => stopCompare(editor)}>
          Done
        </button>
      </header>
      <div className="compare__legend" aria-label="Legend">
        <span className="compare__key compare__key--added">added</span>
        <span className="compare__key compare__key--changed">changed</span>
        <span className="compare__key compare__key--removed">removed</span>
      </div>
      <p className="compare__summary" role="status">
        {changes.length === 0
          ? 'No changes since this version.'
          : `${changes.length} change${changes.length === 1 ? '' : 's'}, ${breaking} breaking`}
        {' · '}findings +{findings.introduced.length} −{findings.resolved.length}
      </p>
      <div className="compare__body">
        {changes.length > 0 && (
          <section className="compare__section" aria-label="Changes">
            <h3 className="compare__heading">Changes ({changes.length})</h3>
            <ul className="compare__list">
              {changes.map((c, i) => (
                <ChangeItem key={`${c.path}-${c.change}-${i}`} change={c} />
              ))}
            </ul>
          </section>
        )}
        <FindingList title="Findings introduced" findings={findings.introduced} sign="+" />
        <FindingList title="Findings resolved" findings={findings.resolved} sign="−" />
      </div>
      <footer className="compare__footer">
        <button type="button" className="button" onClick={() => restoreVersion(editor, version)}>
          Restore this version
        </button>
      </footer>
    </aside>
  );
}
