import type { Design } from '../../core/model/types';
import type { DesignStore } from '../../state/designStore';
import type { FindingsStore } from '../../state/overlayStores';
import type { createLintStatusStore } from '../../state/panelStores';
import { createCoalescingRunner } from './coalesce';
import { createLazyMainThreadLinter, type LintOutcome, type Linter } from './linter';

export interface LiveLintOptions {
  designStore: DesignStore;
  findingsStore: FindingsStore;
  lintStatusStore: ReturnType<typeof createLintStatusStore>;
  /** The app's worker linter; headless editors lint on the calling thread. */
  createLinter?: () => Linter;
  /** Where the injected linter failed to load: the engine on this thread (loaded on demand in the app). */
  createFallbackLinter?: () => Linter;
  /**
   * When a newly opened document is first linted: the app waits until the page has drawn it (the
   * design's serialisation and the worker's CPU would otherwise come before the first frame).
   * Edits are linted at once. By default, at once.
   */
  afterPaint?: (run: () => void) => void;
}

/** The name of the User Timing measure each lint leaves (devtools timeline, bench/lint-browser.ts). */
export const LINT_MEASURE = 'signalbox:lint';

/** Storing a lint's result (and whatever re-renders synchronously with it): the other main-thread cost. */
export const LINT_APPLY_MEASURE = 'signalbox:lint-apply';

/**
 * Keep the findings store current with the design: every design change is linted (off the main
 * thread in the app), coalesced so a burst of edits costs at most two lints. Drags need nothing
 * special: the design changes once, on drag stop. Returns the stop function.
 */
export function startLiveLint(options: LiveLintOptions): () => void {
  const { designStore: designs, findingsStore: findings, lintStatusStore } = options;
  const fallback = options.createFallbackLinter ?? createLazyMainThreadLinter;
  let linter = (options.createLinter ?? fallback)();
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
          linter = fallback();
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

  const afterPaint = options.afterPaint ?? ((run: () => void) => run());
  let stopped = false;
  runner.request(designs.getState().design);
  const unsubscribe = designs.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    if (state.documentVersion === previous.documentVersion) {
      runner.request(state.design);
      return;
    }
    // Another document: its findings are coming (the badge says so at once), after the first frame.
    findings.setState({ pending: true });
    const opened = state.documentVersion;
    afterPaint(() => {
      // Whatever the design is by then (an edit may have linted it already: the runner coalesces).
      if (!stopped && designs.getState().documentVersion === opened) runner.request(designs.getState().design);
    });
  });

  return () => {
    stopped = true;
    unsubscribe();
    runner.dispose();
    linter.dispose();
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
