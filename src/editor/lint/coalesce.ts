/**
 * Runs an async job with at most one run in flight. Requests that arrive meanwhile are not
 * queued: only the newest is kept, and it runs when the current run ends (if it differs from
 * what just ran). A burst of 50 keystrokes therefore costs two lints, not 50.
 */
export interface CoalescingRunner<I> {
  request: (input: I) => void;
  /** True while a run is in flight or a newer input waits. */
  isBusy: () => boolean;
  dispose: () => void;
}

export interface CoalescingHandlers<I, O> {
  onResult: (output: O, input: I, stale: boolean) => void;
  onError: (error: unknown, input: I) => void;
  /** Called when the runner goes from idle to busy and back. */
  onBusyChange: (busy: boolean) => void;
}

export function createCoalescingRunner<I, O>(
  run: (input: I) => Promise<O>,
  handlers: CoalescingHandlers<I, O>,
): CoalescingRunner<I> {
  let inFlight: { input: I } | null = null;
  let waiting: { input: I } | null = null;
  let disposed = false;
  let busy = false;

  const setBusy = (next: boolean) => {
    if (next === busy) return;
    busy = next;
    handlers.onBusyChange(next);
  };

  const start = (input: I) => {
    inFlight = { input };
    setBusy(true);
    run(input).then(
      (output) => finish(input, { output }),
      (error: unknown) => finish(input, { error }),
    );
  };

  const finish = (input: I, result: { output: O } | { error: unknown }) => {
    inFlight = null;
    if (disposed) return;
    const next = waiting;
    waiting = null;
    // A result for an input that has since changed is still shown (better than nothing while
    // the user keeps typing), flagged stale so the caller keeps its "pending" state.
    const stale = next !== null && next.input !== input;
    if ('output' in result) handlers.onResult(result.output, input, stale);
    else handlers.onError(result.error, input);
    if (stale) start(next.input);
    else setBusy(false);
  };

  return {
    request: (input) => {
      if (disposed) return;
      if (inFlight) {
        waiting = { input };
        return;
      }
      start(input);
    },
    isBusy: () => busy,
    dispose: () => {
      disposed = true;
      waiting = null;
    },
  };
}
