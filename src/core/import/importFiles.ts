/**
 * The entry point: files in, one design out, with every inference and its evidence. Deployment
 * files (compose, Kubernetes) make the nodes and links; API specs (AsyncAPI, OpenAPI) then go
 * onto the nodes they describe.
 */
import { validateDesign } from '../model/validate';
import type { Design } from '../model/types';
import { SystemBuilder } from './build';
import { markComposeEntries, readCompose } from './compose';
import { guessKind } from './infer';
import { readKubernetes } from './kubernetes';
import { readAsyncApi } from './asyncapi';
import { readOpenApi } from './openapi';
import { readImportFile, type SourceDoc } from './source';
import type { SpecContext } from './specs';
import type { ImportError, ImportFile, ImportOptions, ImportResult, ImportSource, Inference } from './types';

function baseName(file: string): string {
  return file.replace(/^.*[/\\]/, '');
}

export function importFiles(files: readonly ImportFile[], options: ImportOptions = {}): ImportResult {
  const errors: ImportError[] = [];
  const docs: SourceDoc[] = [];
  const sources: Record<string, ImportSource> = {};
  if (files.length === 0) return { ok: false, errors: [{ file: '', message: 'no files to import' }] };
  for (const file of files) {
    const read = readImportFile(file, options.from);
    errors.push(...read.errors);
    docs.push(...read.docs);
    const first = read.docs[0];
    if (first) sources[file.name] = first.source;
  }
  if (errors.length > 0) return { ok: false, errors };
  const of = (s: ImportSource) => docs.filter((d) => d.source === s);
  const builder = new SystemBuilder();
  const inferences: Inference[] = builder.inferences;
  const compose = readCompose(of('compose'), builder, options.env ?? {});
  if (compose.errors.length > 0) return { ok: false, errors: compose.errors };
  markComposeEntries(builder, (name) => {
    const w = builder.workloads.get(name);
    const g = guessKind(name, w?.image);
    return 'kind' in g ? g.kind : undefined;
  });
  readKubernetes(of('kubernetes'), builder, inferences);
  const name = options.name ?? compose.projectName ?? `Imported from ${baseName(files[0]!.name)}`;
  const design: Design = builder.build(name);
  const ctx: SpecContext = {
    design,
    nodeForHost: (host) => {
      const hit = builder.resolveHost(host);
      const id = hit ? builder.idOf.get(hit.workload.name) : undefined;
      if (id) return id;
      const label = host.split('.')[0]!;
      return design.nodes[host] ? host : design.nodes[label] ? label : undefined;
    },
    ...(options.service ? { service: options.service } : {}),
  };
  for (const doc of of('asyncapi')) readAsyncApi(doc, ctx, inferences);
  for (const doc of of('openapi')) readOpenApi(doc, ctx, inferences);
  // What the importer writes must be a design the rest of Signalbox accepts.
  const check = validateDesign(design);
  const invalid = check.issues.filter((i) => i.severity === 'error');
  if (invalid.length > 0)
    return {
      ok: false,
      errors: invalid.map((i) => ({
        file: files[0]!.name,
        message: `the imported design is not valid at ${i.path}: ${i.message}`,
      })),
    };
  return { ok: true, design, inferences, sources };
}

/** `compose.yaml:12: order -> orderdb: sync sql (ORDER_DB_URL=... names orderdb)` */
export function formatInference(i: Inference): string {
  return `${i.file}${i.line !== undefined ? `:${i.line}` : ''}: ${i.element}: ${i.what} (${i.reason})`;
}

export function formatImportError(e: ImportError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
