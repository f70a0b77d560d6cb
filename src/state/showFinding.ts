import type { Finding } from '../core/model/types';
import { getFixTarget } from '../core/rules/fixTarget';
import { designStore } from './designStore';
import { requestFrame, uiStore } from './overlayStores';

/**
 * Finding to fix (issue 10): select what a finding names and open it in the inspector, which
 * highlights the field its fix names with the suggested value. A finding whose fix is one field
 * selects that element alone (so the inspector can show it); the canvas frames every element named.
 */
export function showFinding(finding: Finding): void {
  const target = getFixTarget(finding, designStore.getState().design);
  const selection = target
    ? target.element.kind === 'node'
      ? { nodes: [target.element.id], links: [] }
      : { nodes: [], links: [target.element.id] }
    : { nodes: finding.nodes, links: finding.links };
  designStore.getState().select(selection);
  if (finding.nodes.length > 0 || finding.links.length > 0) requestFrame(finding.nodes, finding.links);
  uiStore.setState({ panel: 'inspector', focusedFinding: { finding, at: Date.now() } });
}
