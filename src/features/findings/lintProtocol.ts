import type { LintOutcome } from '../../editor/lint/linter';

export type { LintOutcome };

/**
 * Main thread -> worker: lint this design, sent as JSON text (serializeDesign.ts: cheaper on the
 * main thread than cloning the object graph). `seq` pairs the answer with its request.
 */
export interface LintRequest {
  seq: number;
  designJson: string;
}

/** Worker -> main thread. */
export type LintResponse = ({ seq: number; ok: true } & LintOutcome) | { seq: number; ok: false; error: string };
