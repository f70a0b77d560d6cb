import type { Design, Finding } from '../model/types';
import { getLinkId } from '../model/ids';
import { updateLink, updateNode } from '../model/edit';

/**
 * The one field a finding's fix asks to change, on one element, with a value that answers it
 * ("finding to fix", issue 10). Field names are the format's keys, nested ones dotted
 * (`breaker.failureRatePct`); the inspector names its fields the same way to highlight one.
 */
export interface FixTarget {
  element: { kind: 'node' | 'link'; id: string };
  field: FixField;
  value: string | number | boolean;
}

export const LINK_FIX_FIELDS = [
  'timeoutMs',
  'breaker.failureRatePct',
  'bulkhead.maxConcurrent',
  'dlq',
  'retry.backoff',
  'retry.jitter',
  'idempotent',
  'version',
  'message.version',
  'traceContext',
] as const;
export const NODE_FIX_FIELDS = ['auth', 'rateLimitRps', 'replicas', 'outbox', 'discovery'] as const;
export type FixField = (typeof LINK_FIX_FIELDS)[number] | (typeof NODE_FIX_FIELDS)[number];

/** A timeout near the callee's latency when it states one (three times it, in 100 ms steps), else 2 s. */
function suggestTimeout(design: Design, linkId: string): number {
  const link = design.links.find((l) => getLinkId(l) === linkId);
  const latency = link ? design.nodes[link.to]?.latencyMs : undefined;
  return latency !== undefined && latency > 0 ? Math.max(500, Math.ceil((latency * 3) / 100) * 100) : 2000;
}

/**
 * Where the fix of `finding` goes, or undefined when it is not one field (split a hub, break a
 * cycle). A fix that needs two keys names the first still missing: applying it changes the finding
 * (its message), and the next click names the second.
 */
export function getFixTarget(finding: Finding, design: Design): FixTarget | undefined {
  const linkId = finding.links[0];
  const nodeId = finding.nodes[0];
  const link = linkId !== undefined ? design.links.find((l) => getLinkId(l) === linkId) : undefined;
  const node = nodeId !== undefined ? design.nodes[nodeId] : undefined;
  const onLink = (field: FixTarget['field'], value: FixTarget['value']): FixTarget | undefined =>
    link && linkId !== undefined ? { element: { kind: 'link', id: linkId }, field, value } : undefined;
  const onNode = (field: FixTarget['field'], value: FixTarget['value']): FixTarget | undefined =>
    node && nodeId !== undefined ? { element: { kind: 'node', id: nodeId }, field, value } : undefined;

  switch (finding.rule) {
    case 'missing-timeout':
      return linkId !== undefined ? onLink('timeoutMs', suggestTimeout(design, linkId)) : undefined;
    case 'missing-circuit-breaker':
      return onLink('breaker.failureRatePct', 50);
    case 'missing-bulkhead':
      return onLink('bulkhead.maxConcurrent', 20);
    case 'missing-dlq':
      return onLink('dlq', `${link?.channel ?? `${link?.from ?? 'messages'}.events`}.dlq`);
    case 'retry-without-backoff':
      return link?.retry?.backoff !== 'exponential' ? onLink('retry.backoff', 'exponential') : onLink('retry.jitter', true);
    case 'retry-non-idempotent':
    case 'non-idempotent-consumer':
      return onLink('idempotent', true);
    case 'unversioned-api':
      return onLink('version', 'v1');
    case 'unversioned-event':
      return link?.message?.version === undefined || link.message.version === '' ? onLink('message.version', 1) : undefined;
    case 'async-trace-gap':
      return onLink('traceContext', true);
    case 'gateway-unprotected':
      return node?.auth === undefined || node.auth === 'none' ? onNode('auth', 'jwt') : onNode('rateLimitRps', 100);
    case 'single-point-of-failure':
      return onNode('replicas', 2);
    case 'dual-write':
      return onNode('outbox', true);
    case 'hardcoded-endpoint':
      return onNode('discovery', 'dns');
    default:
      return undefined;
  }
}

/** The design with the target's value set (nested keys merged into their object). */
export function applyFixTarget(design: Design, target: FixTarget): Design {
  const [key, sub] = target.field.split('.') as [string, string | undefined];
  if (target.element.kind === 'node') return updateNode(design, target.element.id, { [key]: target.value });
  const link = design.links.find((l) => getLinkId(l) === target.element.id);
  if (!link) return design;
  const value =
    sub === undefined ? target.value : { ...((link as Record<string, unknown>)[key] as object | undefined), [sub]: target.value };
  const result = updateLink(design, target.element.id, { [key]: value });
  return result.ok ? result.design : design;
}
