/**
 * The core's one barrel: what the app and the CLI may use, by name. Pure TypeScript that runs in
 * Node and the browser; it imports no UI library (lint enforces it).
 */

// The design model
export type {
  Design,
  DesignNode,
  Link,
  Flow,
  FlowStep,
  Retry,
  Breaker,
  Bulkhead,
  Message,
  RuleSetting,
  NodeKind,
  LinkKind,
  Protocol,
  Severity,
  Issue,
  Finding,
} from './model/types';
export { FORMAT_VERSION, NODE_KINDS, LINK_KINDS, PROTOCOLS, BACKOFFS, DELIVERIES, SEVERITIES } from './model/types';
export { getLinkId, getLinksById, makeNodeId } from './model/ids';
export { validateDesign, formatPath } from './model/validate';
export { deepEqual, cloneData } from './model/equal';
export {
  addNode,
  updateNode,
  renameNodeId,
  moveNodes,
  suggestLink,
  addLink,
  updateLink,
  removeElements,
  copyElements,
  pasteElements,
  createEmptyDesign,
} from './model/edit';
export type { Patch, Clipboard } from './model/edit';

// Files
export { readDesign, detectFormat, formatIssue } from './format/read';
export type { ReadResult, FileFormat } from './format/read';
export { writeDesignYaml, writeDesignJson, designToYaml } from './format/write';

// Rules
export { lintDesign, summarizeFindings, checkRuleSettings } from './rules/engine';
export type { FindingSummary } from './rules/engine';
export { RULES, ALL_RULES, getRule } from './rules/catalog';
export type { RuleInfo } from './rules/catalog';

// Exporters
export { exportDesign, EXPORT_FORMATS, EXPORT_FORMAT_IDS, isExportFormat } from './export/index';
export type { ExportFormat, ExportFile, ExportOptions } from './export/index';

// Share links
export {
  encodeShareFragment,
  decodeShareFragment,
  buildShareUrl,
  isShareFragment,
  SHARE_PREFIX,
  PROTECTED_SHARE_PREFIX,
  SHARE_ERROR_CODES,
} from './share/codec';
export type { ShareMode, ShareError, ShareErrorCode, ShareDecodeResult, ShareEncodeOptions } from './share/codec';
export { encryptShareFragment, decryptShareFragment } from './share/protect';

// Failure simulation
export { simulate, getEntryPoints } from './simulate/simulate';
export { blastRadius, blastRadiusMarkdown } from './simulate/blastRadius';
export { SIMULATION_STATES, UnknownNodeError } from './simulate/types';
export type { SimulationState, SimulationResult, BlastRadiusRow } from './simulate/types';

// Templates, fixtures and benchmark designs
export { TEMPLATES, getTemplate } from './templates/index';
export type { Template } from './templates/index';
export { FIXTURES, getFixture } from './fixtures/index';
export type { Fixture } from './fixtures/index';
export { generateLargeDesign, generateLargeDesignYaml } from './fixtures/generate';
