import type { Design, Flow, FlowStep, SagaKind } from './types';
import type { Patch } from './edit';
import { getLinkId } from './ids';

/**
 * Pure edits of `flows:` (sequence diagrams and sagas, format.md), as the Flows tab makes them.
 * Each returns a result: a bad edit says why in a short message and changes nothing.
 */
export type FlowEditResult = { ok: true; design: Design } | { ok: false; error: string };

const withFlows = (design: Design, flows: Flow[]): Design => {
  const next: Design = { ...design, flows };
  if (flows.length === 0) delete next.flows;
  return next;
};

function editFlow(design: Design, index: number, edit: (flow: Flow) => Flow | string): FlowEditResult {
  const flows = design.flows ?? [];
  const flow = flows[index];
  if (!flow) return { ok: false, error: `no flow ${index + 1}` };
  const next = edit(flow);
  if (typeof next === 'string') return { ok: false, error: next };
  return {
    ok: true,
    design: withFlows(
      design,
      flows.map((f, i) => (i === index ? next : f)),
    ),
  };
}

function checkName(design: Design, name: string, except?: number): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'a flow needs a name';
  if ((design.flows ?? []).some((f, i) => i !== except && f.name === trimmed)) return `a flow named "${trimmed}" already exists`;
  return undefined;
}

/** The first free "Flow N" name. */
export function nextFlowName(design: Design): string {
  const names = new Set((design.flows ?? []).map((f) => f.name));
  let n = names.size + 1;
  while (names.has(`Flow ${n}`)) n++;
  return `Flow ${n}`;
}

export function addFlow(design: Design, name: string): FlowEditResult & { index?: number } {
  const error = checkName(design, name);
  if (error) return { ok: false, error };
  const flows = [...(design.flows ?? []), { name: name.trim(), steps: [] }];
  return { ok: true, design: withFlows(design, flows), index: flows.length - 1 };
}

export function renameFlow(design: Design, index: number, name: string): FlowEditResult {
  const error = checkName(design, name, index);
  if (error) return { ok: false, error };
  return editFlow(design, index, (flow) => ({ ...flow, name: name.trim() }));
}

export function deleteFlow(design: Design, index: number): FlowEditResult {
  const flows = design.flows ?? [];
  if (!flows[index]) return { ok: false, error: `no flow ${index + 1}` };
  return {
    ok: true,
    design: withFlows(
      design,
      flows.filter((_, i) => i !== index),
    ),
  };
}

export function setFlowSaga(design: Design, index: number, saga: SagaKind | undefined): FlowEditResult {
  return editFlow(design, index, (flow) => {
    const next: Flow = { ...flow, saga };
    if (saga === undefined) delete next.saga;
    return next;
  });
}

export function appendStep(design: Design, index: number, linkId: string): FlowEditResult {
  if (!design.links.some((l) => getLinkId(l) === linkId)) return { ok: false, error: `no link ${linkId}` };
  return editFlow(design, index, (flow) => ({ ...flow, steps: [...flow.steps, { link: linkId }] }));
}

export function removeStep(design: Design, index: number, step: number): FlowEditResult {
  return editFlow(design, index, (flow) =>
    flow.steps[step] ? { ...flow, steps: flow.steps.filter((_, i) => i !== step) } : `no step ${step + 1}`,
  );
}

/** Move a step to position `to` (clamped to the list); moving nowhere changes nothing. */
export function moveStep(design: Design, index: number, step: number, to: number): FlowEditResult {
  return editFlow(design, index, (flow) => {
    const moved = flow.steps[step];
    if (!moved) return `no step ${step + 1}`;
    const target = Math.max(0, Math.min(flow.steps.length - 1, to));
    if (target === step) return flow;
    const steps = flow.steps.filter((_, i) => i !== step);
    steps.splice(target, 0, moved);
    return { ...flow, steps };
  });
}

/**
 * Mark a step: compensation (free text; empty removes it), read-only, pivot. A saga has one
 * pivot (its go/no-go step), so marking one unmarks the others. `false` removes a flag: absent
 * and false mean the same for steps (format.md).
 */
export function updateStep(
  design: Design,
  index: number,
  step: number,
  patch: Patch<Pick<FlowStep, 'compensation' | 'readOnly' | 'pivot'>>,
): FlowEditResult {
  return editFlow(design, index, (flow) => {
    if (!flow.steps[step]) return `no step ${step + 1}`;
    const steps = flow.steps.map((s, i) => {
      const next: FlowStep = { ...s };
      if (i === step) {
        if ('compensation' in patch) {
          const text = patch.compensation?.trim();
          if (text) next.compensation = text;
          else delete next.compensation;
        }
        if ('readOnly' in patch) {
          if (patch.readOnly) next.readOnly = true;
          else delete next.readOnly;
        }
        if ('pivot' in patch) {
          if (patch.pivot) next.pivot = true;
          else delete next.pivot;
        }
      } else if (patch.pivot && next.pivot) delete next.pivot;
      return next;
    });
    return { ...flow, steps };
  });
}
