import type { Finding } from '../../core/model/types';
import type { FindingsOverlay } from './findingsOverlay';

/**
 * Main thread -> worker: lint this design, sent as JSON text (serializeDesign.ts: cheaper on the
 * main thread than cloning the object graph). `seq` pairs the answer with its request.
 */
export interface LintRequest {
  seq: number;
  designJson: string;
}

/** What one lint produced, and how long the engine took (for the bench and the devtools timeline). */
export interface LintOutcome extends FindingsOverlay {
  findings: Finding[];
  lintMs: number;
}

/** Worker -> main thread. */
export type LintResponse = ({ seq: number; ok: true } & LintOutcome) | { seq: number; ok: false; error: string };
