import { useId, useRef } from 'react';
import { useCopy } from './useCopy';

interface CopyFieldProps {
  label: string;
  value: string;
  buttonLabel: string;
  /** A snippet reads better wrapped over a few lines than scrolled in one. */
  multiline?: boolean;
  testId?: string;
}

/** A read-only field and its Copy button; the field is the fallback when the clipboard is refused. */
export function CopyField({ label, value, buttonLabel, multiline = false, testId }: CopyFieldProps) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { status, copy } = useCopy();
  const select = () => field.current?.select();
  return (
    <div className="field share-copy">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="share-copy__row">
        {multiline ? (
          <textarea
            ref={field}
            id={id}
            className="field__input field__input--mono share-copy__text"
            value={value}
            readOnly
            rows={3}
            onFocus={select}
            data-testid={testId}
          />
        ) : (
          <input
            ref={field}
            id={id}
            className="field__input field__input--mono"
            value={value}
            readOnly
            onFocus={select}
            data-testid={testId}
          />
        )}
        <button
          type="button"
          className="button button--primary share-copy__button"
          onClick={() => void copy(value, field.current)}
        >
          {buttonLabel}
        </button>
      </div>
      <span className="share-copy__status" role="status">
        {status === 'copied' ? 'Copied' : status === 'manual' ? 'Selected: press Ctrl+C (⌘C) to copy' : ''}
      </span>
    </div>
  );
}
