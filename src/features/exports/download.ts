import { strToU8, zipSync } from 'fflate';
import type { ExportFile } from '../../core/export/index';

/** Save a Blob under a file name through a temporary link: the one way every browser downloads. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadFile(file: ExportFile): void {
  downloadBlob(new Blob([file.text], { type: `${file.mime};charset=utf-8` }), file.fileName);
}

/**
 * Several files as one zip: one download prompt instead of six, and browsers block a burst of
 * programmatic downloads after the first. fflate's zipSync is synchronous and small; the files
 * are text of a few KB each, so it takes no noticeable time.
 */
export function zipFiles(files: readonly ExportFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.fileName] = strToU8(file.text);
  return zipSync(entries, { level: 6 });
}

export function downloadZip(files: readonly ExportFile[], zipName: string): void {
  const bytes = zipFiles(files);
  downloadBlob(new Blob([bytes.slice().buffer], { type: 'application/zip' }), zipName);
}
