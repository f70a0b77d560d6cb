import { useEffect, useId, useRef, useState } from 'react';
import type { FieldCodec } from './fieldCodecs';
import { FixSuggestion } from './FixSuggestion';

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
  mono?: boolean;
  /** The field a finding asks to change (finding to fix): outlined, scrolled to, with its suggested value. */
  fix?: FieldFix;
}

export interface FieldFix {
  value: unknown;
  /** Bumped each time a finding asks for this field again. */
  at: number;
}

/**
 * A labelled text input that validates as you type and commits on Enter or when focus leaves.
 * Committing per keystroke let a prefix of a bad value into the design (`15x` held 15): only
 * the finished text is committed, and only when it is valid. An invalid text keeps its message
 * visible and the design keeps its last valid value; Escape puts the design's value back.
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
  mono,
  fix,
}: InspectorFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
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
    if (codec.format(parsed.value) === formatted) {
      setError(null);
      return;
    }
    const refused = onCommit(parsed.value);
    setError(typeof refused === 'string' ? refused : null);
  };

  // A field can go away with an unfinished edit (a shortcut changed the selection): keep it.
  const pending = useRef<(() => void) | null>(null);
  pending.current = draft !== formatted ? () => commit(draft) : null;
  useEffect(() => () => pending.current?.(), []);

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = codec.parse(text);
    setError(parsed.ok ? null : parsed.error);
  };

  const finish = () => {
    if (draft !== formatted) commit(draft);
  };

  // Shown until the design holds the suggested value (undo brings it back).
  const suggested = fix && codec.format(fix.value) !== formatted ? codec.format(fix.value) : null;
  const highlighted = suggested !== null;

  const common = {
    id,
    ref: inputRef,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    className: `field__input${mono ? ' field__input--mono' : ''}`,
    onBlur: finish,
  } as const;

  return (
    <div className={`field${error ? ' field--invalid' : ''}${highlighted ? ' field--highlighted' : ''}`}>
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
      {suggested !== null && fix && (
        <FixSuggestion
          text={suggested}
          label={label}
          focusKey={fix.at}
          onApply={() => {
            setDraft(suggested);
            commit(suggested);
            inputRef.current?.focus();
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
