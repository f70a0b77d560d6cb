import { createSignalbox } from '../editor/createSignalbox';
import { createLazyMainThreadLinter } from '../editor/lint/linter';
import { createWorkerLinter } from '../features/findings/lintClient';
import { createDesignRepository } from '../features/library/designRepository';

/** localStorage, or none where the browser blocks it (a sandboxed frame): the design then lives in the tab. */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * After the frame that shows what changed: when the browser is next idle (React has drawn the
 * store's change by then: store updates render at once), at most a second later.
 */
function afterPaint(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: 1000 });
  else requestAnimationFrame(() => setTimeout(run, 0));
}

/**
 * The app's one editor: designs in localStorage, lint in a worker (on the main thread where
 * Workers do not exist or it fails to load), autosave on page events. Autosave waits for the
 * share link to decide what opens (features/share/openShareLink).
 */
export function createAppEditor() {
  return createSignalbox({
    repository: createDesignRepository(browserStorage()),
    createLinter: () => (typeof Worker === 'function' ? createWorkerLinter() : createLazyMainThreadLinter()),
    autosave: false,
    events: { window, document },
    afterPaint,
  });
}
