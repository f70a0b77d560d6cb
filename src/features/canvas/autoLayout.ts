/**
 * ELK layered layout in a Web Worker, so a big design never freezes the page (RECIPES.md: 1,000
 * nodes with 2,000 edges take seconds). The worker script is shipped as a plain asset (`?url`):
 * it is a classic script, and bundling it as a module would break its global setup.
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { Design } from '../../core/model/types';
import { toLayoutGraph } from '../../core/layout/layout';

let elk: InstanceType<typeof ELK> | undefined;

/**
 * New positions for every node. Returned as positions (not a design) so the caller applies them
 * with one `moveNodes`: an edit made while the worker ran is kept, and undo is one step.
 */
export async function computeLayout(design: Design): Promise<Record<string, [number, number]>> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  const result = await elk.layout(toLayoutGraph(design));
  const positions: Record<string, [number, number]> = {};
  for (const child of result.children ?? []) positions[child.id] = [Math.round(child.x ?? 0), Math.round(child.y ?? 0)];
  return positions;
}
