import type { ExportFile, ExportFormat } from '../../core/export/index';
import type { Design, Finding } from '../../core/model/types';
import type { ExportRequest, ExportResponse } from './exportProtocol';

/**
 * Above this many nodes the Markdown report leaves out the blast radius table: the simulator runs
 * once per node, which takes seconds on the 1,000-service design even in a worker.
 */
export const BLAST_RADIUS_NODE_LIMIT = 400;

export interface ExportJob {
  design: Design;
  format: ExportFormat;
  findings: Finding[];
}

export interface ExportRunner {
  run: (job: ExportJob) => Promise<ExportFile[]>;
  dispose: () => void;
}

function wantsBlastRadius(design: Design): boolean {
  return Object.keys(design.nodes).length <= BLAST_RADIUS_NODE_LIMIT;
}

/** The exporters load only here, so the app's first chunk does without them. */
async function exportHere(job: ExportJob): Promise<ExportFile[]> {
  const { exportDesign } = await import('../../core/export/index');
  return exportDesign(job.design, job.format, {
    findings: job.findings,
    ...(wantsBlastRadius(job.design) ? {} : { blastRadius: false }),
  });
}

/**
 * The export worker behind a promise; only the newest request's answer resolves, older ones never
 * settle (the caller drops them anyway). If the worker cannot start, exports run on the main thread.
 */
function createWorkerRunner(): ExportRunner {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'signalbox-export' });
  let seq = 0;
  let broken = false;
  let pending: { seq: number; job: ExportJob; resolve: (files: ExportFile[]) => void; reject: (error: Error) => void } | null =
    null;
  worker.onmessage = (event: MessageEvent<ExportResponse>) => {
    const data = event.data;
    if (!pending || data.seq !== pending.seq) return;
    const { resolve, reject } = pending;
    pending = null;
    if (data.ok) resolve(data.files);
    else reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    broken = true;
    worker.terminate();
    const current = pending;
    pending = null;
    if (current) runLater(current.job).then(current.resolve, current.reject);
  };
  return {
    run: (job) => {
      if (broken) return runLater(job);
      return new Promise<ExportFile[]>((resolve, reject) => {
        seq += 1;
        pending = { seq, job, resolve, reject };
        const request: ExportRequest = {
          seq,
          designJson: JSON.stringify(job.design),
          format: job.format,
          findings: job.findings,
          blastRadius: wantsBlastRadius(job.design),
        };
        worker.postMessage(request);
      });
    },
    dispose: () => worker.terminate(),
  };
}

/** After the current task, so a click that asked for it paints first. */
function runLater(job: ExportJob): Promise<ExportFile[]> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => exportHere(job));
}

/** Where Workers do not exist (tests in Node): the same exporters on this thread. */
function createMainThreadRunner(): ExportRunner {
  return { run: runLater, dispose: () => undefined };
}

export function createExportRunner(): ExportRunner {
  if (typeof Worker === 'undefined') return createMainThreadRunner();
  try {
    return createWorkerRunner();
  } catch {
    return createMainThreadRunner();
  }
}
