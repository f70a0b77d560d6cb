import { EXPORT_FORMAT_IDS, exportDesign } from '../export/index';
import { readDesign } from '../format/read';
import { designToYaml, writeDesignJson, writeDesignYaml } from '../format/write';
import { deepEqual } from '../model/equal';
import type { Design } from '../model/types';
import { decodeShareFragment, encodeShareFragment, SHARE_ERROR_CODES } from '../share/codec';
import { quantiseDesign } from '../share/compact';
import { blastRadius } from '../simulate/blastRadius';
import { simulate } from '../simulate/simulate';

/** A stage that failed: threw, was slower than the budget, or did not round-trip exactly. */
export interface FuzzFailure {
  stage: string;
  problem: string;
}

/** No stage may take longer than this on a design under 1 MB (issue 11). */
export const STAGE_BUDGET_MS = 2000;

function timed(stage: string, failures: FuzzFailure[], run: () => string | undefined): void {
  const start = Date.now();
  try {
    const problem = run();
    if (problem !== undefined) failures.push({ stage, problem });
  } catch (error) {
    failures.push({ stage, problem: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` });
  }
  const ms = Date.now() - start;
  if (ms > STAGE_BUDGET_MS) failures.push({ stage, problem: `took ${ms.toFixed(0)} ms` });
}

/** Read arbitrary text: it must answer (a design or issues), never throw, within the budget. */
export function fuzzReader(text: string): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  for (const fileName of ['x.signalbox.yaml', 'x.json']) {
    timed(`read ${fileName}`, failures, () => {
      const result = readDesign(text, fileName);
      return result.design || result.issues.some((i) => i.severity === 'error') ? undefined : 'no design and no error';
    });
  }
  return failures;
}

/** Same design back, or what differs. */
function sameDesign(label: string, design: Design, text: string, fileName: string): string | undefined {
  const back = readDesign(text, fileName);
  if (!back.design) return `${label} does not read back: ${back.issues[0]?.message ?? '?'}`;
  return deepEqual(back.design, design) ? undefined : `${label} reads back as a different design`;
}

/** Every writer round-trips exactly; every exporter, the simulator and the share codec answer. */
export function fuzzDesign(design: Design): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  const clean = JSON.parse(JSON.stringify(design)) as Design;
  timed('write yaml', failures, () => sameDesign('YAML', clean, designToYaml(design), 'x.signalbox.yaml'));
  timed('write json', failures, () => sameDesign('JSON', clean, writeDesignJson(design), 'x.signalbox.json'));
  timed('write yaml over a previous text', failures, () => {
    const first = designToYaml(design);
    const read = readDesign(first, 'x.signalbox.yaml');
    if (!read.doc) return 'no document';
    // An edit that touches a name and adds a key: the in-place writer must still read back exactly.
    const edited = { ...clean, name: `${clean.name}\n- edited: "x"`, owner: 'team #1' } as Design;
    return sameDesign('edited YAML', edited, writeDesignYaml(edited, { text: first, doc: read.doc }), 'x.signalbox.yaml');
  });
  for (const format of EXPORT_FORMAT_IDS) {
    timed(`export ${format}`, failures, () =>
      exportDesign(design, format).every((f) => typeof f.text === 'string') ? undefined : 'no text',
    );
  }
  timed('simulate', failures, () => {
    for (const id of Object.keys(design.nodes)) {
      const result = simulate(design, [id]);
      if (result.states[id] !== 'down') return `${id} is not down in its own scenario`;
    }
    blastRadius(design);
    return undefined;
  });
  timed('share', failures, () => {
    const result = decodeShareFragment(encodeShareFragment(design));
    if (!result.ok) return `its link does not open: ${result.error.message}`;
    return deepEqual(result.design, quantiseDesign(clean)) ? undefined : 'its link opens a different design';
  });
  return failures;
}

/** A link changed at one place: it must answer (open or refuse), never throw. */
export function fuzzLink(link: string): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  timed('open a mutated link', failures, () => {
    const result = decodeShareFragment(link);
    if (result.ok) return undefined;
    if (!SHARE_ERROR_CODES.includes(result.error.code)) return `an unknown error code ${JSON.stringify(result.error.code)}`;
    return typeof result.error.message === 'string' && result.error.message !== '' ? undefined : 'no message';
  });
  return failures;
}
