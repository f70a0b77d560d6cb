import type { Rule } from './types';
import { syncCycle } from './syncCycle';
import { syncChainDepth } from './syncChainDepth';
import { missingTimeout } from './missingTimeout';
import { missingCircuitBreaker } from './missingCircuitBreaker';
import { timeoutBudget } from './timeoutBudget';
import { retryAmplification } from './retryAmplification';
import { retryWithoutBackoff } from './retryWithoutBackoff';
import { retryNonIdempotent } from './retryNonIdempotent';
import { missingBulkhead } from './missingBulkhead';
import { missingDlq } from './missingDlq';
import { nonIdempotentConsumer } from './nonIdempotentConsumer';
import { dualWrite } from './dualWrite';
import { sharedDatabase } from './sharedDatabase';
import { hubService } from './hubService';
import { noApiGateway } from './noApiGateway';
import { gatewayUnprotected } from './gatewayUnprotected';
import { unversionedApi } from './unversionedApi';
import { unversionedEvent } from './unversionedEvent';
import { hardcodedEndpoint } from './hardcodedEndpoint';
import { brokenTrace } from './brokenTrace';
import { orphanChannel } from './orphanChannel';
import { singlePointOfFailure } from './singlePointOfFailure';
import { availabilityBudget } from './availabilityBudget';
import { sagaWithoutCompensation } from './sagaWithoutCompensation';
import { largeChoreography } from './largeChoreography';
import { namingConvention } from './namingConvention';
import { asyncTraceGap } from './asyncTraceGap';
import { eventSourcingReplay } from './eventSourcingReplay';
import { strongConsistencyAsync } from './strongConsistencyAsync';
import { commandWithoutReply } from './commandWithoutReply';

/** Every rule of spec/rules.md, in the catalog's order (findings of equal severity sort by it). */
export const ALL_RULES: readonly Rule[] = [
  syncCycle,
  syncChainDepth,
  missingTimeout,
  missingCircuitBreaker,
  timeoutBudget,
  retryAmplification,
  retryWithoutBackoff,
  retryNonIdempotent,
  missingBulkhead,
  missingDlq,
  nonIdempotentConsumer,
  dualWrite,
  sharedDatabase,
  hubService,
  noApiGateway,
  gatewayUnprotected,
  unversionedApi,
  unversionedEvent,
  hardcodedEndpoint,
  brokenTrace,
  orphanChannel,
  singlePointOfFailure,
  availabilityBudget,
  sagaWithoutCompensation,
  largeChoreography,
  namingConvention,
  asyncTraceGap,
  eventSourcingReplay,
  strongConsistencyAsync,
  commandWithoutReply,
];

/** What the UI shows about a rule, without its code. */
export interface RuleInfo {
  id: string;
  defaultSeverity: Rule['defaultSeverity'];
  title: string;
  description: string;
  fix: string;
  thresholds?: Rule['thresholds'];
}

export const RULES: readonly RuleInfo[] = ALL_RULES.map(({ id, defaultSeverity, title, description, fix, thresholds }) =>
  thresholds ? { id, defaultSeverity, title, description, fix, thresholds } : { id, defaultSeverity, title, description, fix },
);

const BY_ID = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}
