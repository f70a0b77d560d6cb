/// <reference lib="webworker" />
/**
 * Runs the core exporters off the main thread: the Markdown report runs the simulator and the
 * OpenAPI/AsyncAPI writers serialise the whole design, which on a 1,000-service design is long
 * enough to drop frames while someone drags a node.
 */
import { exportDesign } from '../../core/export/index';
import type { Design } from '../../core/model/types';
import type { ExportRequest, ExportResponse } from './exportProtocol';

self.onmessage = (event: MessageEvent<ExportRequest>) => {
  const { seq, designJson, format, findings, blastRadius } = event.data;
  let response: ExportResponse;
  try {
    const design = JSON.parse(designJson) as Design;
    const files = exportDesign(design, format, { findings, ...(blastRadius ? {} : { blastRadius: false }) });
    response = { seq, ok: true, files };
  } catch (error) {
    response = { seq, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
