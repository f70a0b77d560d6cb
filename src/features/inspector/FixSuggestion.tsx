import { useEffect, useRef } from 'react';

interface FixSuggestionProps {
  /** The suggested value as the field would show it. */
  text: string;
  /** The field's label, for the button's description. */
  label: string;
  onApply: () => void;
  /** Changes each time a finding asks for this field: scroll to it and focus the button again. */
  focusKey: number;
}

/**
 * Under a field a finding asks to change: the suggested value and one button that applies it
 * (one click, or Enter since it takes focus, as one undo step).
 */
export function FixSuggestion({ text, label, onApply, focusKey }: FixSuggestionProps) {
  const ref = useRef<HTMLButtonElement>(null);
  // A passive effect: the side panel resets its scroll in a layout effect when the selection
  // changes, and this must come after it.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [focusKey]);
  return (
    <div className="field__fix">
      <span className="field__fix-text">
        Suggested: <code>{text}</code>
      </span>
      <button
        ref={ref}
        type="button"
        className="button button--primary button--small"
        aria-label={`Use ${text} for ${label}`}
        onClick={onApply}
      >
        Use {text}
      </button>
    </div>
  );
}
