import type { ExportFile, ExportFormat } from '../../core/export/index';
import type { Finding } from '../../core/model/types';

/** One export asked of the worker; the design travels as JSON text (cheaper than a structured clone). */
export interface ExportRequest {
  seq: number;
  designJson: string;
  format: ExportFormat;
  findings: Finding[];
  blastRadius: boolean;
}

export type ExportResponse = { seq: number; ok: true; files: ExportFile[] } | { seq: number; ok: false; error: string };
