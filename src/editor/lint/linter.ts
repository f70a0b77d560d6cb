import type { Design, Finding } from '../../core/model/types';
import type { FindingsOverlay } from './findingsOverlay';

/** What one lint produced, and how long the engine took (for the bench and the devtools timeline). */
export interface LintOutcome extends FindingsOverlay {
  findings: Finding[];
  lintMs: number;
}

/**
 * Lints one design at a time; `run` must not be called again before its promise settles. The app
 * injects a worker-backed one (features/findings); headless editors lint on the calling thread.
 */
export interface Linter {
  run: (design: Design) => Promise<LintOutcome>;
  /** `worker` or `main-thread`: the bench and the README report which one ran. */
  where: 'worker' | 'main-thread';
  dispose: () => void;
}

/** A linter on the calling thread (Node, tests, or where the worker failed to load). */
export function createMainThreadLinter(lint: (design: Design) => LintOutcome): Linter {
  return {
    where: 'main-thread',
    run: (design) => Promise.resolve().then(() => lint(design)),
    dispose: () => undefined,
  };
}

/** The engine on this thread, loaded on demand: the app's main bundle does not carry it for a fallback. */
export function createLazyMainThreadLinter(): Linter {
  let lint: Promise<(design: Design) => LintOutcome> | null = null;
  return {
    where: 'main-thread',
    run: (design) => {
      lint ??= import('./lintDesignOutcome').then((m) => m.lintDesignOutcome);
      return lint.then((fn) => fn(design));
    },
    dispose: () => undefined,
  };
}
