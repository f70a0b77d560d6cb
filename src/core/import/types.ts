import type { Design } from '../model/types';

export const IMPORT_SOURCES = ['compose', 'kubernetes', 'asyncapi', 'openapi'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** One input file: its name (for messages) and its text. */
export interface ImportFile {
  name: string;
  text: string;
  /** Its size in bytes when known without reading it (the app refuses a large file unread). */
  size?: number;
}

/** Why something is in the imported design: what was inferred and the line that says so. */
export interface Inference {
  /** A node id, a link id, or the file when nothing was created. */
  element: string;
  what: string;
  reason: string;
  file: string;
  line?: number;
}

/** A file that cannot be imported: where, and what was expected. */
export interface ImportError {
  file: string;
  line?: number;
  message: string;
}

export interface ImportOptions {
  /** Force the format of every file instead of recognising it from the content. */
  from?: ImportSource;
  /** The node an API spec describes, when its servers and title do not say. */
  service?: string;
  /** Values for `${VAR}` in compose files (the CLI passes the process environment). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The design's name; default from the compose project or the first file. */
  name?: string;
}

export type ImportResult =
  | { ok: true; design: Design; inferences: Inference[]; sources: Record<string, ImportSource> }
  | { ok: false; errors: ImportError[] };

/** Files larger than this are refused before parsing (YAML parsing is ~2 s per MB here). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
