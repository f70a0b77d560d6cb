import { useId, useState } from 'react';
import type { FieldCodec } from './fieldCodecs';

interface InspectorFieldProps {
  label: string;
  value: unknown;
  codec: FieldCodec;
  /** Commit a valid value (undefined = remove the key); return a message to refuse it. */
  onCommit: (value: unknown) => string | undefined | void;
  multiline?: boolean;
  rows?: number;
  numeric?: boolean;
  placeholder?: string;
  hint?: string;
  /** Commit on Enter / blur only (a rename), not on every keystroke. */
  commitOnBlur?: boolean;
  mono?: boolean;
}

/**
 * A labelled text input that validates as you type: a bad value shows its message under the
 * field and is not committed, so the design keeps the last valid value.
 */
export function InspectorField({
  label,
  value,
  codec,
  onCommit,
  multiline,
  rows = 3,
  numeric,
  placeholder,
  hint,
  commitOnBlur,
  mono,
}: InspectorFieldProps) {
  const id = useId();
  const formatted = codec.format(value);
  const [draft, setDraft] = useState(formatted);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(formatted);
  // The design changed under the field (undo, another selection, the code editor): follow it,
  // unless it is the value this draft already says ("1." and 1 are the same number).
  if (shown !== formatted) {
    setShown(formatted);
    const parsed = codec.parse(draft);
    if (!parsed.ok || codec.format(parsed.value) !== formatted) {
      setDraft(formatted);
      setError(null);
    }
  }

  const commit = (text: string) => {
    const parsed = codec.parse(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    const refused = onCommit(parsed.value);
    setError(typeof refused === 'string' ? refused : null);
  };

  const onChange = (text: string) => {
    setDraft(text);
    if (commitOnBlur) {
      const parsed = codec.parse(text);
      setError(parsed.ok ? null : parsed.error);
    } else commit(text);
  };

  const finish = () => {
    if (commitOnBlur && draft !== formatted) commit(draft);
  };

  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    className: `field__input${mono ? ' field__input--mono' : ''}`,
    onBlur: finish,
  } as const;

  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} spellCheck={!mono} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finish();
            if (e.key === 'Escape') {
              setDraft(formatted);
              setError(null);
            }
          }}
        />
      )}
      {error ? (
        <div id={`${id}-error`} className="field__error" role="alert">
          {error}
        </div>
      ) : (
        hint && (
          <div id={`${id}-hint`} className="field__hint">
            {hint}
          </div>
        )
      )}
    </div>
  );
}
