import type { Design } from '../../core/model/types';
import { lintDesign } from '../../core/rules/engine';
import { buildFindingsOverlay } from './findingsOverlay';
import type { LintOutcome } from './linter';

/** Lint and derive the overlay in one go: the same code runs in the worker and in the fallback. */
export function lintDesignOutcome(design: Design): LintOutcome {
  const started = performance.now();
  const findings = lintDesign(design);
  const overlay = buildFindingsOverlay(findings);
  return { findings, ...overlay, lintMs: performance.now() - started };
}
