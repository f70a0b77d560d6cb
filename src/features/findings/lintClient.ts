import type { LintOutcome, Linter } from '../../editor/lint/linter';
import type { LintRequest, LintResponse } from './lintProtocol';
import { serializeDesign } from './serializeDesign';

/**
 * The lint worker behind a promise. One request at a time (the coalescing runner guarantees it),
 * so a single pending slot is enough; `seq` guards against a late answer after a restart.
 */
export function createWorkerLinter(): Linter {
  const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'signalbox-lint' });
  let seq = 0;
  let pending: { seq: number; resolve: (o: LintOutcome) => void; reject: (e: Error) => void } | null = null;

  worker.onmessage = (event: MessageEvent<LintResponse>) => {
    const data = event.data;
    if (!pending || data.seq !== pending.seq) return;
    const { resolve, reject } = pending;
    pending = null;
    if (data.ok) resolve(data);
    else reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    const current = pending;
    pending = null;
    current?.reject(new Error(event.message || 'The lint worker failed to start'));
  };

  return {
    where: 'worker',
    run: (design) =>
      new Promise<LintOutcome>((resolve, reject) => {
        seq += 1;
        pending = { seq, resolve, reject };
        // Serialising and posting is the main-thread cost of linting: measured for the bench.
        const start = performance.now();
        const request: LintRequest = { seq, designJson: serializeDesign(design) };
        worker.postMessage(request);
        measure('signalbox:lint-post', start);
      }),
    dispose: () => worker.terminate(),
  };
}

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a diagnostic only.
  }
}
