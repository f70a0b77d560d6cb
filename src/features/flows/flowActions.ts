import type { FlowEditResult } from '../../core/model/flowEdit';
import type { DesignStore } from '../../state/designStore';

/**
 * Commit a flow edit as one undo step, or hand back its message (nothing changes). What-if and
 * view mode refuse edits in the store; their reason is the message then.
 */
export function commitFlowEdit(store: DesignStore, result: FlowEditResult): string | null {
  if (!result.ok) return result.error;
  const committed = store.getState().replaceDesign(result.design);
  return committed.ok ? null : committed.error;
}
