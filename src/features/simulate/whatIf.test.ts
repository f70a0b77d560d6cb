import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { designFromYaml } from '../../core/simulate/testDesign';
import { foodDeliveryYaml } from '../../core/templates/foodDelivery';
import { createSignalbox } from '../../editor/createSignalbox';
import { runScenario } from '../../editor/whatIf';
import { WHAT_IF_LOCK } from '../../state/designStore';
import { getBlastRadius, getCachedBlastRadius, isBlastRadiusOnDemand } from './blastRadiusView';

// One headless editor per test: what-if is its service, the stores are its own.
let editor = createSignalbox({ liveLint: false });
let designStore = editor.design;
let whatIfStore = editor.whatIf;
let scenarioStore = editor.scenario;
const enterWhatIf = (down?: string[]) => editor.whatIfMode.enter(down);
const leaveWhatIf = () => editor.whatIfMode.leave();
const resetWhatIf = () => editor.whatIfMode.reset();
const toggleDown = (id: string) => editor.whatIfMode.toggleDown(id);
const setNodeDown = (id: string, isDown: boolean) => editor.whatIfMode.setNodeDown(id, isDown);
const toggleWhatIf = () => editor.whatIfMode.toggle();

const foodDelivery = designFromYaml(foodDeliveryYaml);

beforeEach(() => {
  editor = createSignalbox({ liveLint: false });
  designStore = editor.design;
  whatIfStore = editor.whatIf;
  scenarioStore = editor.scenario;
  designStore.getState().openDesign(foodDelivery);
});

afterEach(() => {
  leaveWhatIf();
  editor.dispose();
});

describe('what-if mode', () => {
  it('enters with nothing down: every node ok', () => {
    enterWhatIf();
    const s = whatIfStore.getState();
    expect(s.active).toBe(true);
    expect(s.down).toEqual([]);
    expect(Object.keys(s.states)).toHaveLength(Object.keys(foodDelivery.nodes).length);
    expect(new Set(Object.values(s.states))).toEqual(new Set(['ok']));
  });

  it('toggles several nodes down and back, re-running the simulation each time', () => {
    enterWhatIf();
    toggleDown('payment');
    expect(whatIfStore.getState().states.payment).toBe('down');
    expect(whatIfStore.getState().states.order).toBe('degraded');
    expect(whatIfStore.getState().explanations.order).toContain('Order -> Payment');

    toggleDown('kafka');
    expect(whatIfStore.getState().down).toEqual(['payment', 'kafka']);
    expect(whatIfStore.getState().states.notification).toBe('lagging');
    expect(scenarioStore.getState().result?.entries.customer).toBe('degraded');

    toggleDown('payment');
    expect(whatIfStore.getState().down).toEqual(['kafka']);
    expect(whatIfStore.getState().states.payment).toBe('lagging');

    resetWhatIf();
    expect(whatIfStore.getState().down).toEqual([]);
    expect(whatIfStore.getState().active).toBe(true);
    expect(whatIfStore.getState().states.kafka).toBe('ok');
  });

  it('follows writes of `down` from elsewhere (the canvas toggles it on node clicks)', () => {
    enterWhatIf();
    whatIfStore.setState({ down: ['gateway'] });
    expect(whatIfStore.getState().states.customer).toBe('failed');
    expect(scenarioStore.getState().result?.down).toEqual(['gateway']);
  });

  it('a node toggled while what-if is off enters the mode with it down', () => {
    toggleDown('payment');
    expect(whatIfStore.getState()).toMatchObject({ active: true, down: ['payment'] });
    setNodeDown('payment', false);
    expect(whatIfStore.getState().down).toEqual([]);
  });

  it('leaving restores the plain view', () => {
    enterWhatIf(['payment']);
    leaveWhatIf();
    expect(whatIfStore.getState()).toEqual({ active: false, down: [], states: {}, explanations: {} });
    expect(scenarioStore.getState().result).toBeNull();
    // And a later write of `down` while inactive runs nothing.
    whatIfStore.setState({ down: ['payment'] });
    expect(whatIfStore.getState().states).toEqual({});
    whatIfStore.setState({ down: [] });
  });

  it('toggleWhatIf enters and leaves', () => {
    toggleWhatIf();
    expect(whatIfStore.getState().active).toBe(true);
    toggleWhatIf();
    expect(whatIfStore.getState().active).toBe(false);
  });

  it('never changes the design or its undo history', () => {
    designStore.getState().updateNode('payment', { replicas: 4 });
    const before = designStore.getState();
    const { design, history } = before;
    const json = JSON.stringify(design);

    enterWhatIf(['payment']);
    toggleDown('kafka');
    toggleDown('orderdb');
    setNodeDown('kafka', false);
    resetWhatIf();
    enterWhatIf(['stripe']);
    leaveWhatIf();
    getBlastRadius(design);

    const after = designStore.getState();
    expect(after.design).toBe(design);
    expect(after.history).toBe(history);
    expect(after.history.past).toHaveLength(1);
    expect(after.history.future).toHaveLength(0);
    expect(JSON.stringify(after.design)).toBe(json);
  });

  it('re-runs when the design changes, dropping down ids that no longer exist', () => {
    // What-if refuses edits (the design store's edit lock), so the design changes under it the
    // way it still can: another document is opened.
    const original = designStore.getState().design;
    const { payment: _payment, ...withoutPayment } = original.nodes;
    enterWhatIf(['payment']);
    designStore.getState().select({ nodes: ['payment'], links: [] });
    designStore.getState().deleteSelection();
    expect(designStore.getState().design).toBe(original);
    designStore.getState().openDesign({
      ...original,
      nodes: withoutPayment,
      links: original.links.filter((l) => l.from !== 'payment' && l.to !== 'payment'),
    });
    expect(whatIfStore.getState().down).toEqual([]);
    expect(whatIfStore.getState().states.payment).toBeUndefined();
    expect(whatIfStore.getState().states.order).toBe('ok');

    // Payment back; it is no longer part of the scenario (it was dropped).
    designStore.getState().openDesign(original);
    expect(whatIfStore.getState().states.payment).toBe('ok');

    toggleDown('payment');
    designStore
      .getState()
      .openDesign({ ...original, nodes: { ...original.nodes, order: { ...original.nodes.order!, name: 'Orders' } } });
    expect(whatIfStore.getState().explanations.order).toContain('Orders -> Payment');
    designStore.getState().openDesign(original);
    expect(whatIfStore.getState().explanations.order).toContain('Order -> Payment');
    expect(whatIfStore.getState().states.payment).toBe('down');
  });

  it('re-runs when another document is opened', () => {
    enterWhatIf(['payment']);
    designStore.getState().openDesign(designFromYaml('signalbox: 1\nname: Tiny\nnodes:\n  web: { kind: client, name: Web }\n'));
    expect(whatIfStore.getState().down).toEqual([]);
    expect(whatIfStore.getState().states).toEqual({ web: 'ok' });
  });

  it('locks the design while on and unlocks when it ends; a second editor is not locked', () => {
    const other = createSignalbox({ liveLint: false });
    enterWhatIf();
    expect(designStore.getState().editLock).toBe(WHAT_IF_LOCK);
    expect(other.design.getState().editLock).toBeNull();
    leaveWhatIf();
    expect(designStore.getState().editLock).toBeNull();
    other.dispose();
  });

  it('dispose disconnects: a disposed editor runs no scenario', () => {
    editor.dispose();
    whatIfStore.setState({ active: true, down: ['payment'] });
    expect(whatIfStore.getState().states).toEqual({});
  });
});

describe('runScenario', () => {
  it('ignores unknown and repeated ids instead of throwing', () => {
    const result = runScenario(foodDelivery, ['payment', 'ghost', 'payment']);
    expect(result.down).toEqual(['payment']);
  });
});

describe('blast radius view', () => {
  it('computes once per design object, on demand only for big designs', () => {
    expect(getCachedBlastRadius(foodDelivery)).toBeUndefined();
    const rows = getBlastRadius(foodDelivery);
    expect(getBlastRadius(foodDelivery)).toBe(rows);
    expect(rows[0]).toMatchObject({ node: 'gateway', failed: 4 });
    expect(isBlastRadiusOnDemand(foodDelivery)).toBe(false);
    const nodes = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [`s${i}`, { kind: 'service' as const, name: `S${i}` }]),
    );
    expect(isBlastRadiusOnDemand({ ...foodDelivery, nodes })).toBe(true);
  });
});
