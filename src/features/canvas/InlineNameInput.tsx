import { useState } from 'react';

interface InlineNameInputProps {
  initial: string;
  label: string;
  /** Commit the text; return a message to refuse it (the input stays open with it). */
  onCommit: (text: string) => string | undefined;
  /** Close the editor (after a commit, or to cancel). */
  onClose: () => void;
}

/**
 * The in-place editor of a name on the canvas (double-click a node or a link label): Enter
 * commits, Escape cancels, leaving it commits a valid text and drops an invalid one, so a bad
 * value never reaches the design. `nodrag nopan`: React Flow must not take the mouse from it.
 */
export function InlineNameInput({ initial, label, onCommit, onClose }: InlineNameInputProps) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const commit = (closing: boolean) => {
    if (text === initial) return onClose();
    const refused = onCommit(text);
    if (refused === undefined || closing) return onClose();
    setError(refused);
    return undefined;
  };
  return (
    <span className="sb-rename nodrag nopan">
      <input
        className="sb-rename__input"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        value={text}
        autoFocus
        spellCheck={false}
        onFocus={(e) => e.target.select()}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          // The canvas's own keys (Delete, Ctrl+A...) must not act while a name is typed.
          e.stopPropagation();
          if (e.key === 'Enter') commit(false);
          if (e.key === 'Escape') onClose();
        }}
        onBlur={() => commit(true)}
        onDoubleClick={(e) => e.stopPropagation()}
      />
      {error && (
        <span className="sb-rename__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
