/// <reference lib="webworker" />
/**
 * Lints designs off the main thread, so a 1,000-service design never stalls typing or dragging.
 * The overlay (badges, counts) is derived here too: the main thread only stores what comes back.
 */
import type { Design } from '../../core/model/types';
import { lintDesignOutcome } from '../../editor/lint/lintDesignOutcome';
import type { LintRequest, LintResponse } from './lintProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LintRequest>) => {
  const { seq, designJson } = event.data;
  let response: LintResponse;
  try {
    const design = JSON.parse(designJson) as Design;
    response = { seq, ok: true, ...lintDesignOutcome(design) };
  } catch (error) {
    response = { seq, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
