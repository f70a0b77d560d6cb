import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Design, Finding } from '../model/types';
import { getLinkId } from '../model/ids';
import { readDesign } from '../format/read';
import { designArbitrary } from '../fuzz/arbitraries';
import { FIXTURES } from '../fixtures/index';
import { TEMPLATES } from '../templates/index';
import { lintDesign } from './engine';
import { applyFixTarget, getFixTarget } from './fixTarget';

const sameFinding = (a: Finding, b: Finding) =>
  a.rule === b.rule && a.message === b.message && a.nodes.join() === b.nodes.join() && a.links.join() === b.links.join();

/** Applying a finding's suggested value must answer that finding: the rules engine no longer reports it. */
function checkFixes(design: Design): number {
  let checked = 0;
  for (const finding of lintDesign(design)) {
    const target = getFixTarget(finding, design);
    if (!target) continue;
    const fixed = applyFixTarget(design, target);
    expect(fixed, `${finding.rule}: ${finding.message}`).not.toBe(design);
    const after = lintDesign(fixed);
    expect(
      after.some((f) => sameFinding(f, finding)),
      `${finding.rule} still reported: ${finding.message}`,
    ).toBe(false);
    // The value landed where the inspector shows it.
    const [key, sub] = target.field.split('.') as [string, string | undefined];
    const element =
      target.element.kind === 'node'
        ? fixed.nodes[target.element.id]
        : fixed.links.find((l) => getLinkId(l) === target.element.id);
    const holder = (element as Record<string, unknown> | undefined)?.[key];
    expect(sub === undefined ? holder : (holder as Record<string, unknown>)[sub]).toEqual(target.value);
    checked++;
  }
  return checked;
}

describe('getFixTarget', () => {
  const designs = [...TEMPLATES, ...FIXTURES].map((t) => [t.id, readDesign(t.yaml).design!] as const);

  it.each(designs)('every suggested value answers its finding in %s', (_, design) => {
    checkFixes(design);
  });

  it('names a field for the common findings of the templates', () => {
    const rules = new Set<string>();
    for (const [, design] of designs) for (const f of lintDesign(design)) if (getFixTarget(f, design)) rules.add(f.rule);
    expect([...rules]).toEqual(expect.arrayContaining(['missing-timeout', 'missing-dlq', 'single-point-of-failure']));
  });

  it('answers its finding on generated designs', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        checkFixes(design);
      }),
      { numRuns: 150 },
    );
  });

  it('a timeout follows the callee latency when stated', () => {
    const design: Design = {
      signalbox: 1,
      name: 'x',
      nodes: { a: { kind: 'service', name: 'A' }, b: { kind: 'service', name: 'B', latencyMs: 240 } },
      links: [{ from: 'a', to: 'b', kind: 'sync', protocol: 'rest' }],
    };
    const finding = lintDesign(design).find((f) => f.rule === 'missing-timeout')!;
    expect(getFixTarget(finding, design)).toEqual({ element: { kind: 'link', id: 'a->b' }, field: 'timeoutMs', value: 800 });
  });
});
