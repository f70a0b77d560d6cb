import type { ImportFile } from '../../core/import/types';
import { MAX_IMPORT_BYTES } from '../../core/import/types';

/** A file too large is refused by its size before its text is read (the core checks again). */
export async function readImportFiles(files: readonly File[]): Promise<ImportFile[]> {
  return Promise.all(
    files.map(async (file) =>
      file.size > MAX_IMPORT_BYTES
        ? { name: file.name, text: '', size: file.size }
        : { name: file.name, text: await file.text() },
    ),
  );
}
