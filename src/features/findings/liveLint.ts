import type { Design } from '../../core/model/types';
import { designStore as appDesignStore, type DesignStore } from '../../state/designStore';
import { findingsStore as appFindingsStore } from '../../state/overlayStores';
import { createCoalescingRunner } from './coalesce';
import { createWorkerLinter, type Linter } from './lintClient';
import type { LintOutcome } from './lintProtocol';
import { lintStatusStore } from './lintStatus';

export interface LiveLintOptions {
  designStore?: DesignStore;
  findingsStore?: typeof appFindingsStore;
  /** Injected by unit tests; the app uses the worker, or the main thread where Workers do not exist. */
  createLinter?: () => Linter;
}

/** The name of the User Timing measure each lint leaves (devtools timeline, bench/lint-browser.ts). */
export const LINT_MEASURE = 'signalbox:lint';

/** Storing a lint's result (and whatever re-renders synchronously with it): the other main-thread cost. */
export const LINT_APPLY_MEASURE = 'signalbox:lint-apply';

let running: (() => void) | null = null;

/**
 * Keep findingsStore current with the design: every design change is linted off the main thread,
 * coalesced so a burst of edits costs at most two lints. Idempotent: a second call returns the
 * same stop function. Drags need nothing special: the design changes once, on drag stop.
 */
export function startLiveLint(options: LiveLintOptions = {}): () => void {
  const usingApp = !options.designStore && !options.findingsStore && !options.createLinter;
  if (usingApp && running) return running;

  const designs = options.designStore ?? appDesignStore;
  const findings = options.findingsStore ?? appFindingsStore;
  let linter = (options.createLinter ?? createDefaultLinter)();
  let fellBack = false;
  const startedAt = new Map<Design, number>();

  const runner = createCoalescingRunner<Design, LintOutcome>(
    (design) => {
      startedAt.set(design, performance.now());
      return linter.run(design);
    },
    {
      onResult: (outcome, design, stale) => {
        recordTiming(startedAt, design, outcome, linter.where);
        const applyStart = performance.now();
        findings.setState({
          findings: outcome.findings,
          worstByNode: outcome.worstByNode,
          worstByLink: outcome.worstByLink,
          summary: outcome.summary,
          pending: stale,
        });
        if (lintStatusStore.getState().error !== null) lintStatusStore.setState({ error: null });
        measureSince(LINT_APPLY_MEASURE, applyStart);
      },
      onError: (error, design) => {
        startedAt.delete(design);
        if (linter.where === 'worker' && !fellBack) {
          // A worker that cannot load (a CSP, an old browser) must not leave the panel empty forever.
          fellBack = true;
          linter.dispose();
          linter = createLazyMainThreadLinter();
          console.warn('Signalbox: the lint worker failed, linting on the main thread instead', error);
          queueMicrotask(() => runner.request(designs.getState().design));
          return;
        }
        console.error('Signalbox: linting failed', error);
        lintStatusStore.setState({ error: error instanceof Error ? error.message : String(error) });
        findings.setState({ pending: false });
      },
      onBusyChange: (busy) => {
        if (busy) findings.setState({ pending: true });
      },
    },
  );

  runner.request(designs.getState().design);
  const unsubscribe = designs.subscribe((state, previous) => {
    if (state.design !== previous.design) runner.request(state.design);
  });

  const stop = () => {
    unsubscribe();
    runner.dispose();
    linter.dispose();
    if (running === stop) running = null;
  };
  if (usingApp) running = stop;
  return stop;
}

function createDefaultLinter(): Linter {
  return typeof Worker === 'function' ? createWorkerLinter() : createLazyMainThreadLinter();
}

/** The engine is loaded on demand here, so the main bundle does not carry it for a fallback. */
function createLazyMainThreadLinter(): Linter {
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

function recordTiming(startedAt: Map<Design, number>, design: Design, outcome: LintOutcome, where: Linter['where']) {
  const start = startedAt.get(design);
  startedAt.delete(design);
  if (start === undefined || typeof performance.measure !== 'function') return;
  try {
    performance.measure(LINT_MEASURE, {
      start,
      end: performance.now(),
      detail: { lintMs: outcome.lintMs, where, findings: outcome.findings.length, nodes: Object.keys(design.nodes).length },
    });
  } catch {
    // User Timing is a diagnostic: never let it break linting.
  }
}

function measureSince(name: string, start: number) {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // User Timing is a diagnostic only.
  }
}
