import { useId, useRef } from 'react';
import { FixSuggestion } from './FixSuggestion';
import type { FieldFix } from './InspectorField';

import type { SelectOption } from './selectOptions';

interface SelectFieldProps {
  label: string;
  value: string | undefined;
  options: readonly SelectOption[];
  onChange: (value: string | undefined) => void;
  /** Offer "not set" (the key is removed); off for required keys like kind. */
  optional?: boolean;
  /** The option a finding's fix asks for (its value as a string): outlined, with a button. */
  fix?: FieldFix;
}

export function SelectField({ label, value, options, onChange, optional = true, fix }: SelectFieldProps) {
  const id = useId();
  const ref = useRef<HTMLSelectElement>(null);
  const suggested = fix && String(fix.value) !== value ? String(fix.value) : null;
  const suggestedLabel = options.find((o) => o.value === suggested)?.label ?? suggested;
  return (
    <div className={`field${suggested !== null ? ' field--highlighted' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select
        id={id}
        ref={ref}
        className="field__input field__select"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {optional && <option value="">Not set</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {suggested !== null && fix && (
        <FixSuggestion
          text={suggestedLabel ?? suggested}
          label={label}
          focusKey={fix.at}
          onApply={() => {
            onChange(suggested);
            ref.current?.focus();
          }}
        />
      )}
    </div>
  );
}
