/**
 * Lint cost against parse cost on the 10,000-service design (~20,000 nodes): rules.md asks that
 * the whole catalog stay fast, and the target is "no more than parsing its YAML".
 * Run: npx tsx bench/lint.ts [services]
 */
import { performance } from 'node:perf_hooks';
import { generateLargeDesignYaml } from '../src/core/fixtures/generate';
import { readDesign } from '../src/core/format/read';
import { lintDesign, summarizeFindings } from '../src/core/rules/engine';
import { ALL_RULES } from '../src/core/rules/catalog';
import { createRuleContext } from '../src/core/rules/context';

const RUNS = 5;
// readDesign of 7 MB takes tens of seconds here: fewer runs keep the script usable.
const PARSE_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

const services = Number(process.argv[2] ?? 10000);
const yaml = generateLargeDesignYaml({ services });
const first = readDesign(yaml, 'large.signalbox.yaml');
if (!first.design) {
  console.error(first.issues.slice(0, 5));
  throw new Error('the generated design does not validate');
}
const design = first.design;

const parseTimes: number[] = [];
const lintTimes: number[] = [];
let findings = lintDesign(design);
for (let i = 0; i < PARSE_RUNS; i++) parseTimes.push(time(() => readDesign(yaml, 'large.signalbox.yaml')).ms);
for (let i = 0; i < RUNS; i++) {
  const lint = time(() => lintDesign(design));
  lintTimes.push(lint.ms);
  findings = lint.value;
}

// Per-rule cost on a warm shared context, to spot a rule that is not linear.
const context = createRuleContext(design);
context.getSyncComponents();
const perRule = ALL_RULES.map((rule) => {
  const ms = median(
    Array.from({ length: 3 }, () => time(() => rule.check({ ...context, thresholds: { ...rule.thresholds } })).ms),
  );
  return { rule: rule.id, ms };
}).sort((a, b) => b.ms - a.ms);

const nodeCount = Object.keys(design.nodes).length;
const parseMs = median(parseTimes);
const lintMs = median(lintTimes);
console.log(
  `design: ${services} services, ${nodeCount} nodes, ${design.links.length} links, ${(yaml.length / 1e6).toFixed(1)} MB of YAML`,
);
console.log(`parse (readDesign, median of ${PARSE_RUNS}): ${parseMs.toFixed(0)} ms`);
console.log(
  `lint  (lintDesign, median of ${RUNS}): ${lintMs.toFixed(0)} ms  (${((lintMs / parseMs) * 100).toFixed(0)}% of parse)`,
);
console.log(`findings: ${findings.length} ${JSON.stringify(summarizeFindings(findings))}`);
console.log('slowest rules (warm context):');
for (const { rule, ms } of perRule.slice(0, 5)) console.log(`  ${rule.padEnd(28)} ${ms.toFixed(1)} ms`);
