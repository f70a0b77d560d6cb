import type { FlowStep } from '../../core/model/types';
import { FlowTextField } from './FlowTextField';

interface FlowStepRowProps {
  step: FlowStep;
  index: number;
  count: number;
  /** What the step's link is, in the design's names: "Gateway → Order (rest)". */
  title: string;
  onMove: (to: number) => void;
  onRemove: () => void;
  onMark: (patch: { readOnly?: boolean; pivot?: boolean; compensation?: string }) => string | null;
}

/**
 * One step of a flow. Alt+Arrow Up/Down moves it, Delete removes it (from any of its buttons or
 * checkboxes; inside the compensation field the keys are the field's own).
 */
export function FlowStepRow({ step, index, count, title, onMove, onRemove, onMark }: FlowStepRowProps) {
  const n = index + 1;
  return (
    <li
      className="flow-step"
      aria-label={`Step ${n}: ${title}`}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === 'text') return;
        if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
          e.preventDefault();
          onMove(e.key === 'ArrowUp' ? index - 1 : index + 1);
        } else if (e.key === 'Delete' || e.key === 'Backspace') {
          e.preventDefault();
          onRemove();
        }
      }}
    >
      <div className="flow-step__head">
        <span className="flow-step__number" aria-hidden="true">
          {n}
        </span>
        <span className="flow-step__title">{title}</span>
        <span className="flow-step__buttons">
          <button
            type="button"
            className="button button--icon button--small"
            aria-label={`Move step ${n} up`}
            title="Move up (Alt+↑)"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            data-step-action="up"
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--icon button--small"
            aria-label={`Move step ${n} down`}
            title="Move down (Alt+↓)"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            data-step-action="down"
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--icon button--small"
            aria-label={`Remove step ${n}`}
            title="Remove (Delete)"
            onClick={onRemove}
          >
            ✕
          </button>
        </span>
      </div>
      <div className="flow-step__marks">
        <label className="flow-step__check">
          <input type="checkbox" checked={step.readOnly === true} onChange={(e) => onMark({ readOnly: e.target.checked })} />
          Read-only
        </label>
        <label className="flow-step__check">
          <input type="checkbox" checked={step.pivot === true} onChange={(e) => onMark({ pivot: e.target.checked })} />
          Pivot
        </label>
      </div>
      <FlowTextField
        label={`Compensation for step ${n}`}
        value={step.compensation ?? ''}
        placeholder="how this step is undone"
        onCommit={(text) => onMark({ compensation: text })}
      />
    </li>
  );
}
