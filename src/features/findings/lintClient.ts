import type { Design } from '../../core/model/types';
import type { LintOutcome, LintRequest, LintResponse } from './lintProtocol';
import { serializeDesign } from './serializeDesign';

/** Lints one design at a time; `run` must not be called again before its promise settles. */
export interface Linter {
  run: (design: Design) => Promise<LintOutcome>;
  /** `worker` or `main-thread`: the bench and the README report which one ran. */
  where: 'worker' | 'main-thread';
  dispose: () => void;
}

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

/** The fallback where Workers do not exist (unit tests in Node) or the worker failed to load. */
export function createMainThreadLinter(lint: (design: Design) => LintOutcome): Linter {
  return {
    where: 'main-thread',
    run: (design) => Promise.resolve().then(() => lint(design)),
    dispose: () => undefined,
  };
}

function measure(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a diagnostic only.
  }
}
