import { useEffect, useId, useRef, useState } from 'react';

interface FlowTextFieldProps {
  label: string;
  value: string;
  /** Commit the finished text; return a message to refuse it (the text stays for correcting). */
  onCommit: (text: string) => string | null;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * A text field that commits on Enter or when focus leaves (one undo step per edit, not per
 * key), keeps a refused text with its message, and puts the design's value back on Escape.
 */
export function FlowTextField({ label, value, onCommit, placeholder, autoFocus }: FlowTextFieldProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const [error, setError] = useState<string | null>(null);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }
  useEffect(() => {
    if (autoFocus) ref.current?.select();
  }, [autoFocus]);
  const finish = () => {
    if (draft === value) return setError(null);
    setError(onCommit(draft));
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        className="field__input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={finish}
        onKeyDown={(e) => {
          if (e.key === 'Enter') finish();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && (
        <div id={`${id}-error`} className="field__error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
