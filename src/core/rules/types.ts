import type { Design, Severity } from '../model/types';
import type { Messaging } from '../graph/messaging';
import type { GraphIndex } from '../graph/graphIndex';
import type { Components } from '../graph/scc';
import type { LongestPaths } from '../graph/paths';

/** Thresholds a design may set per rule (`rules: { sync-chain-depth: { max: 3 } }`). */
export interface RuleThresholds {
  max?: number;
  min?: number;
}

/**
 * What every rule reads: the design, its graph index, and analyses computed on first use and then
 * shared, so the whole catalog walks the design a handful of times, not once per rule.
 */
export interface RuleContext {
  design: Design;
  graph: GraphIndex;
  /** This rule's thresholds: the design's `rules:` setting over the rule's defaults. */
  thresholds: RuleThresholds;
  getSyncComponents: () => Components;
  getEntryPoints: () => number[];
  getLongestSyncPaths: () => LongestPaths;
  getWorstCaseMs: () => Float64Array;
  /** Channels with their publishers, consumers and bridges (core/graph/messaging.ts). */
  getMessaging: () => Messaging;
  /** A node's display name by index: messages speak the design's own names. */
  nameOf: (node: number) => string;
}

/** A rule's finding before the engine stamps its id, final severity and fix. */
export interface FindingDraft {
  message: string;
  nodes: string[];
  links: string[];
  /** When the rule grades its findings (sync-chain-depth, retry-amplification, unversioned-api). */
  severity?: Severity;
  fix?: string;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  title: string;
  description: string;
  fix: string;
  /** Threshold names this rule reads, with their defaults. */
  thresholds?: RuleThresholds;
  /** Findings in design order; the engine sorts across rules. */
  check: (context: RuleContext) => FindingDraft[];
}
