import type { FlowEditResult } from '../../core/model/flowEdit';
import { designStore } from '../../state/designStore';

/**
 * Commit a flow edit as one undo step, or hand back its message (nothing changes). What-if and
 * view mode refuse edits in the store; their notice is the message then.
 */
export function commitFlowEdit(result: FlowEditResult): string | null {
  if (!result.ok) return result.error;
  const store = designStore.getState();
  if (store.editLock !== null) return store.editLock;
  store.replaceDesign(result.design);
  return null;
}
