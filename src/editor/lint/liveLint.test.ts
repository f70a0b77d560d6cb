import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Design } from '../../core/model/types';
import { createDesignStore } from '../../state/designStore';
import type { FindingsState } from '../../state/overlayStores';
import { createLintStatusStore } from '../../state/panelStores';
import { createMainThreadLinter } from './linter';
import { lintDesignOutcome } from './lintDesignOutcome';
import { startLiveLint } from './liveLint';

const flush = () => new Promise((r) => setTimeout(r, 0));

function emptyFindings() {
  return createStore<FindingsState>()(() => ({
    findings: [],
    worstByNode: {},
    worstByLink: {},
    summary: { error: 0, warning: 0, info: 0 },
    pending: false,
  }));
}

// A client calling a service directly with no gateway: no-api-gateway fires on the link.
/** The main-thread linter, telling `onRun` of each design it is given. */
function watchedLinter(onRun: (design: Design) => unknown) {
  const inner = createMainThreadLinter(lintDesignOutcome);
  return { ...inner, run: (design: Design) => (onRun(design), inner.run(design)) };
}

const direct: Design = {
  signalbox: 1,
  name: 'Direct',
  nodes: { web: { kind: 'client', name: 'Web' }, api: { kind: 'service', name: 'API', replicas: 2 } },
  links: [{ from: 'web', to: 'api', kind: 'sync', protocol: 'rest', version: 'v1', timeoutMs: 500 }],
};

describe('startLiveLint', () => {
  it('fills the findings store and follows design edits', async () => {
    const designs = createDesignStore(direct);
    const findings = emptyFindings();
    let runs = 0;
    const stop = startLiveLint({
      designStore: designs,
      findingsStore: findings,
      lintStatusStore: createLintStatusStore(),
      createLinter: () => watchedLinter(() => (runs += 1)),
    });
    expect(findings.getState().pending).toBe(true);
    await flush();
    const first = findings.getState();
    expect(first.pending).toBe(false);
    expect(first.findings.some((f) => f.rule === 'no-api-gateway')).toBe(true);
    expect(first.worstByLink['web->api']).toBeDefined();
    expect(first.summary.error + first.summary.warning + first.summary.info).toBe(first.findings.length);

    // Removing the link removes its finding. Three edits in one tick cost two lints, not three:
    // the first starts at once, the other two coalesce into one run of the newest design.
    designs.getState().select({ links: ['web->api'] });
    designs.getState().deleteSelection();
    designs.getState().updateNode('api', { name: 'Orders API' });
    designs.getState().updateNode('api', { name: 'Orders' });
    await flush();
    await flush();
    expect(findings.getState().findings.some((f) => f.rule === 'no-api-gateway')).toBe(false);
    expect(findings.getState().worstByLink['web->api']).toBeUndefined();
    expect(runs).toBe(3);
    stop();
  });

  it('lints a newly opened document once the page has drawn it, and edits at once', async () => {
    const designs = createDesignStore(direct);
    const findings = emptyFindings();
    const paints: (() => void)[] = [];
    const linted: string[] = [];
    const stop = startLiveLint({
      designStore: designs,
      findingsStore: findings,
      lintStatusStore: createLintStatusStore(),
      createLinter: () => watchedLinter((d) => linted.push(d.name)),
      afterPaint: (run) => paints.push(run),
    });
    await flush();
    expect(linted).toEqual(['Direct']);
    designs.getState().openDesign({ ...direct, name: 'Opened', links: [] });
    await flush();
    // Not yet: the badge says findings are coming.
    expect(linted).toEqual(['Direct']);
    expect(findings.getState().pending).toBe(true);
    paints.forEach((run) => run());
    await flush();
    expect(linted).toEqual(['Direct', 'Opened']);
    expect(findings.getState().findings.some((f) => f.rule === 'no-api-gateway')).toBe(false);
    expect(findings.getState().pending).toBe(false);
    // Near miss: an edit of the same document is linted at once, with nothing to wait for.
    designs.getState().updateNode('api', { name: 'Orders' });
    await flush();
    expect(linted).toEqual(['Direct', 'Opened', 'Opened']);
    expect(paints).toHaveLength(1);
    stop();
  });
});
