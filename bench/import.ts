// Importing a generated 500-service Kubernetes manifest (Deployments, Services, StatefulSets, Istio
// policies), as `signalbox import` does, next to just parsing its YAML. Prints times; asserts nothing.
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { designToYaml } from '../src/core/format/write';
import { importFiles } from '../src/core/import/importFiles';
import { generateKubernetesManifest } from '../src/core/import/generate';
import { driftDesign } from '../src/core/import/drift';
import { mergeInto } from '../src/core/import/merge';
import { lintDesign } from '../src/core/rules/engine';

const services = Number(process.argv.find((a) => a.startsWith('--services='))?.split('=')[1] ?? 500);
const text = generateKubernetesManifest(services);
const file = { name: 'bench.yaml', text };
const time = <T>(label: string, run: () => T, runs = 3): T => {
  let result: T | undefined;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(36)} median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[runs - 1]!.toFixed(0)})`,
  );
  return result!;
};

console.log(`manifest: ${services} services, ${(text.length / 1024).toFixed(0)} kB, ${text.split('\n---\n').length} documents`);
time('parse YAML only (parseAllDocuments)', () => parseAllDocuments(text));
const result = time('import (parse + infer + validate)', () => importFiles([file]));
if (!result.ok) throw new Error(result.errors[0]?.message);
const { design } = result;
console.log(
  `design: ${Object.keys(design.nodes).length} nodes, ${design.links.length} links, ${result.inferences.length} inferences`,
);
time('write YAML', () => designToYaml(design));
time('merge into itself (--into, no change)', () => mergeInto(design, design));
time('drift against itself', () => driftDesign(design, design));
time('lint the imported design', () => lintDesign(design));
