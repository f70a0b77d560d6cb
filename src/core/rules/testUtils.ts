import type { Design, DesignNode, Finding, Link, NodeKind, RuleSetting } from '../model/types';
import { validateDesign } from '../model/validate';
import { lintDesign } from './engine';

type NodeSpec = Partial<DesignNode> & { kind: NodeKind };

/**
 * A small design for a test, checked against the schema so a typo in a test fails loudly instead
 * of testing nothing. A node's name defaults to its id capitalised (`order` -> `Order`).
 */
export function makeDesign(
  nodes: Record<string, NodeSpec>,
  links: Link[],
  extra: { flows?: Design['flows']; rules?: Record<string, RuleSetting> } = {},
): Design {
  const named: Record<string, DesignNode> = {};
  for (const [id, node] of Object.entries(nodes)) named[id] = { ...node, name: node.name ?? id[0]!.toUpperCase() + id.slice(1) };
  const raw = { signalbox: 1, name: 'Test design', nodes: named, links, ...extra };
  const result = validateDesign(raw);
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (!result.design || errors.length > 0)
    throw new Error(`invalid test design: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.design;
}

export const service = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'service', ...extra });
export const client = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'client', ...extra });
export const gateway = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'gateway', ...extra });
export const broker = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'broker', ...extra });
export const database = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'database', ...extra });
export const external = (extra: Partial<NodeSpec> = {}): NodeSpec => ({ kind: 'external', ...extra });

export const sync = (from: string, to: string, extra: Partial<Link> = {}): Link => ({ from, to, kind: 'sync', ...extra });
export const async = (from: string, to: string, extra: Partial<Link> = {}): Link => ({ from, to, kind: 'async', ...extra });

/** A sync link with every resilience key set, so only the key a test removes can matter. */
export const safeSync = (from: string, to: string, extra: Partial<Link> = {}): Link =>
  sync(from, to, { protocol: 'rest', version: 'v1', timeoutMs: 1000, breaker: { fallback: 'cached' }, ...extra });

/** The findings of one rule, through the engine (so settings and severities apply). */
export function findingsOf(design: Design, rule: string): Finding[] {
  return lintDesign(design).filter((f) => f.rule === rule);
}

/** A finding reduced to what a test asserts: severity, nodes, links. */
export function shapeOf(f: Finding): { severity: string; nodes: string[]; links: string[] } {
  return { severity: f.severity, nodes: f.nodes, links: f.links };
}
