import { useDesignStore, useSignalbox } from '../../editor/react';
import { useEffect, useRef, useState } from 'react';
import type { Design, SagaKind } from '../../core/model/types';
import { SAGAS } from '../../core/model/types';
import { getLinksById } from '../../core/model/ids';
import {
  addFlow,
  appendStep,
  deleteFlow,
  moveStep,
  nextFlowName,
  removeStep,
  renameFlow,
  setFlowSaga,
  updateStep,
} from '../../core/model/flowEdit';
import { commitFlowEdit } from './flowActions';
import { FlowStepRow } from './FlowStepRow';
import { FlowTextField } from './FlowTextField';
import './flows.css';

const SAGA_LABELS: Record<SagaKind, string> = { orchestration: 'Orchestration saga', choreography: 'Choreography saga' };

function stepTitle(design: Design, linkId: string, links: ReturnType<typeof getLinksById>): string {
  const link = links.get(linkId);
  if (!link) return `unknown link ${linkId}`;
  const name = (id: string) => design.nodes[id]?.name ?? id;
  const what = link.kind === 'async' ? (link.channel ?? 'message') : (link.protocol ?? 'call');
  return `${name(link.from)} → ${name(link.to)} (${what})`;
}

/**
 * The Flows tab (issue 10): create and edit `flows:` (format.md), the sequence diagrams and
 * sagas. New flow, name it, then "Pick links" and click links on the canvas in order: each click
 * appends a step. Steps move and go with buttons or keys, and carry the format's marks. Every
 * change is one undo step through the design store.
 */
/**
 * A key per step that stays with the step when it moves (its link and which of that link's
 * occurrences it is): React then moves the row, with the focused button in it, instead of building
 * new rows, so Alt+↑ pressed twice in a row moves the same step twice.
 */
function getStepKeys(flowIndex: number | null, steps: readonly { link: string }[]): string[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const nth = seen.get(step.link) ?? 0;
    seen.set(step.link, nth + 1);
    return `${flowIndex}:${step.link}:${nth}`;
  });
}

export function FlowsPanel() {
  const editor = useSignalbox();
  const designStore = editor.design;
  const design = useDesignStore((s) => s.design);
  const flows = design.flows ?? [];
  const [chosen, setChosen] = useState(0);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justCreated, setJustCreated] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const index = flows.length === 0 ? null : Math.min(chosen, flows.length - 1);
  const flow = index === null ? undefined : flows[index];

  const run = (message: string | null) => {
    setError(message);
    return message;
  };

  // Picking: a click that selects one link on the canvas appends it (the selection is the click).
  useEffect(() => {
    if (!picking || index === null) return undefined;
    return designStore.subscribe((s, prev) => {
      if (s.selection === prev.selection) return;
      const [link] = s.selection.links;
      if (link === undefined || s.selection.links.length !== 1 || s.selection.nodes.length !== 0) return;
      const same = prev.selection.links.length === 1 && prev.selection.links[0] === link && prev.selection.nodes.length === 0;
      if (!same) setError(commitFlowEdit(designStore, appendStep(s.design, index, link)));
    });
  }, [picking, index, designStore]);
  useEffect(() => {
    if (flow === undefined) setPicking(false);
  }, [flow]);

  const create = () => {
    const current = designStore.getState().design;
    const result = addFlow(current, nextFlowName(current));
    if (run(commitFlowEdit(designStore, result)) === null && result.ok) {
      setChosen(result.index ?? 0);
      setJustCreated(true);
      setPicking(true);
      // A new flow starts empty: its steps come from the canvas, so nothing stays selected.
      designStore.getState().clearSelection();
    }
  };

  const move = (step: number, to: number) => {
    if (index === null || to < 0 || to >= (flow?.steps.length ?? 0)) return;
    if (run(commitFlowEdit(designStore, moveStep(designStore.getState().design, index, step, to))) !== null) return;
    // Focus follows the step it moved, so Alt+↓ pressed again moves it on.
    requestAnimationFrame(() => {
      const row = listRef.current?.children[to];
      const up = row?.querySelector<HTMLButtonElement>('[data-step-action="up"]');
      const down = row?.querySelector<HTMLButtonElement>('[data-step-action="down"]');
      const preferred = to < step ? up : down;
      (preferred && !preferred.disabled ? preferred : preferred === up ? down : up)?.focus();
    });
  };

  const links = getLinksById(design);
  const stepKeys = getStepKeys(index, flow?.steps ?? []);

  return (
    <div className="flows">
      <div className="flows__head">
        <h2 className="flows__title">Flows</h2>
        <button type="button" className="button button--primary" onClick={create}>
          New flow
        </button>
      </div>
      {flows.length === 0 && (
        <p className="flows__empty">
          No flows yet. A flow is a critical path in order, drawn as a sequence diagram; mark it a saga to check its
          compensations. Press <strong>New flow</strong>, then click its links on the canvas in order.
        </p>
      )}
      {flows.length > 1 && (
        <div className="field">
          <label htmlFor="flows-choose" className="field__label">
            Flow
          </label>
          <select
            id="flows-choose"
            className="field__input field__select"
            value={index ?? 0}
            onChange={(e) => {
              setChosen(Number(e.target.value));
              setJustCreated(false);
            }}
          >
            {flows.map((f, i) => (
              <option key={i} value={i}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {flow && index !== null && (
        <section className="flows__flow" aria-label={`Flow ${flow.name}`}>
          <FlowTextField
            key={`name-${index}`}
            label="Flow name"
            value={flow.name}
            autoFocus={justCreated}
            // The field shows its own message.
            onCommit={(name) => commitFlowEdit(designStore, renameFlow(designStore.getState().design, index, name))}
          />
          <div className="field">
            <label htmlFor="flows-saga" className="field__label">
              Saga
            </label>
            <select
              id="flows-saga"
              className="field__input field__select"
              value={flow.saga ?? ''}
              onChange={(e) =>
                run(
                  commitFlowEdit(
                    designStore,
                    setFlowSaga(designStore.getState().design, index, (e.target.value || undefined) as SagaKind | undefined),
                  ),
                )
              }
            >
              <option value="">Not a saga (a plain flow)</option>
              {SAGAS.map((s) => (
                <option key={s} value={s}>
                  {SAGA_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="flows__pick">
            {/* A toggle: one name, its state in aria-pressed and in the switch drawn beside it. */}
            <button type="button" className="flows__toggle" aria-pressed={picking} onClick={() => setPicking(!picking)}>
              <span className="flows__switch" aria-hidden="true" />
              Pick links on the canvas
              <span className="flows__state" aria-hidden="true">
                {picking ? 'On' : 'Off'}
              </span>
            </button>
            <p className="flows__hint" role="status">
              {picking ? 'Click links on the canvas in order: each click adds a step.' : ''}
            </p>
          </div>
          {error && (
            <p className="flows__error" role="alert">
              {error}
            </p>
          )}
          <h3 className="inspector__heading">Steps ({flow.steps.length})</h3>
          {flow.steps.length === 0 ? (
            <p className="flows__empty">No steps yet.</p>
          ) : (
            <ol ref={listRef} className="flows__steps" aria-label="Steps">
              {flow.steps.map((step, i) => (
                <FlowStepRow
                  key={stepKeys[i]}
                  step={step}
                  index={i}
                  count={flow.steps.length}
                  title={stepTitle(design, step.link, links)}
                  onMove={(to) => move(i, to)}
                  onRemove={() => run(commitFlowEdit(designStore, removeStep(designStore.getState().design, index, i)))}
                  onMark={(patch) => {
                    const message = commitFlowEdit(designStore, updateStep(designStore.getState().design, index, i, patch));
                    // The compensation field shows its own message; the checkboxes have none.
                    return 'compensation' in patch ? message : run(message);
                  }}
                />
              ))}
            </ol>
          )}
          <button
            type="button"
            className="button button--danger flows__delete"
            onClick={() => {
              setPicking(false);
              run(commitFlowEdit(designStore, deleteFlow(designStore.getState().design, index)));
            }}
          >
            Delete flow
          </button>
        </section>
      )}
    </div>
  );
}
