import type { DesignRepository } from '../state/repository';

/** Runs `write` once the page has drawn what changed (the app: when the browser is next idle). */
export type AfterPaint = (write: () => void) => void;

/** Without a page there is nothing to draw first: write at once (headless editors, tests). */
export const writeNow: AfterPaint = (write) => write();

/**
 * Library writes held back until the page has drawn: opening a 5 MB design wrote it, its YAML
 * text and its incoming version to localStorage (three 5 MB stringifies and setItems) before the
 * first frame. Nothing can read or write around what is held: every call of the guarded
 * repository writes it first, and so do `flush` (a page hide) and the scheduled run.
 */
export function createHeldWrites(afterPaint: AfterPaint) {
  let held: (() => void)[] = [];
  let scheduled = false;
  const flush = () => {
    const writes = held;
    held = [];
    for (const write of writes) write();
  };
  return {
    hold: (write: () => void) => {
      held.push(write);
      if (scheduled) return;
      scheduled = true;
      afterPaint(() => {
        scheduled = false;
        flush();
      });
    },
    flush,
    /** The same repository, each call made after what is held is written. */
    guard: (repository: DesignRepository): DesignRepository => {
      const guarded: Record<string, unknown> = {};
      for (const [key, method] of Object.entries(repository) as [string, (...args: unknown[]) => unknown][]) {
        guarded[key] = (...args: unknown[]) => {
          flush();
          return method(...args);
        };
      }
      return guarded as unknown as DesignRepository;
    },
  };
}
