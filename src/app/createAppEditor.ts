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
 * Right after the next frame is painted: a store change renders at once (React renders external
 * store updates synchronously), so that frame shows it; a task queued from the frame's callback
 * runs after its paint. An idle callback waited a full second on a busy machine.
 */
function afterPaint(run: () => void): void {
  requestAnimationFrame(() => setTimeout(run, 0));
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
