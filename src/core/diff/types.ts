import type { Finding, Severity } from '../model/types';

export const CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** What a change is about: `message` for a link's message (name, version, schema, compatibility). */
export const CHANGE_ELEMENTS = ['design', 'node', 'link', 'message', 'flow', 'settings'] as const;
export type ChangeElement = (typeof CHANGE_ELEMENTS)[number];

/** One difference between BASE and HEAD, as `signalbox diff --format json` prints it (cli.md). */
export interface DesignChange {
  change: ChangeKind;
  element: ChangeElement;
  /** The element's id: node id, link id, flow name, rule id; the key for `design`. */
  id: string;
  /** Where the value sits, in the validator's path syntax: `links["a->b"].timeoutMs`. */
  path: string;
  /** Absent when added (before) or removed (after). */
  before?: unknown;
  after?: unknown;
  /** An independently deployed party breaks (a producer, a consumer of this contract). */
  breaking: boolean;
  message: string;
}

export interface DiffSummary {
  changes: number;
  breaking: number;
  introduced: Record<Severity, number>;
  resolved: number;
}

export interface DesignDiff {
  /** Breaking changes first, then design order. */
  changes: DesignChange[];
  findings: { introduced: Finding[]; resolved: Finding[] };
  summary: DiffSummary;
}
