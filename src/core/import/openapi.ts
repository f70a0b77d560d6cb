/**
 * OpenAPI 3.0/3.1: the operations go onto the sync links into the service the document
 * describes (by its server URL host, its title, or `--service`); a `/vN` server path gives the
 * version.
 */
import { getLinkId } from '../model/ids';
import type { SourceDoc } from './source';
import { isRecord } from './source';
import type { SpecContext } from './specs';
import { findOrCreateNode, hostOf } from './specs';
import type { Inference } from './types';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function readOpenApi(doc: SourceDoc, ctx: SpecContext, inferences: Inference[]): void {
  const data = doc.data as Record<string, unknown>;
  const note = (element: string, what: string, reason: string, path: (string | number)[]) => {
    const line = doc.lineOf(path);
    inferences.push({ element, what, reason, file: doc.file, ...(line !== undefined ? { line } : {}) });
  };
  const servers = Array.isArray(data.servers) ? data.servers.filter(isRecord) : [];
  let target: { id: string; created: boolean; reason: string } | undefined;
  let version: string | undefined;
  for (const [i, s] of servers.entries()) {
    const url = typeof s.url === 'string' ? s.url : '';
    version ??= /\/(v\d+)(?:\/|$)/i.exec(url)?.[1]?.toLowerCase();
    const host = hostOf(url);
    const id = !ctx.service && host ? ctx.nodeForHost(host) : undefined;
    if (id && !target) {
      target = { id, created: false, reason: `server ${url} is ${id}` };
      note(id, 'described by this document', target.reason, ['servers', i]);
    }
  }
  if (!target) {
    const info = isRecord(data.info) ? data.info : {};
    target = findOrCreateNode(ctx, typeof info.title === 'string' ? info.title : doc.file, 'service');
    note(target.id, target.created ? 'service' : 'described by this document', target.reason, ['info']);
  }
  const operations: string[] = [];
  for (const [path, item] of Object.entries(isRecord(data.paths) ? data.paths : {}))
    if (isRecord(item))
      for (const method of Object.keys(item)) if (METHODS.includes(method)) operations.push(`${method.toUpperCase()} ${path}`);
  const into = ctx.design.links.filter(
    (l) =>
      l.to === target.id &&
      l.kind === 'sync' &&
      (l.protocol === undefined || l.protocol === 'rest') &&
      ctx.design.nodes[target.id]?.kind !== 'database',
  );
  if (into.length === 0) {
    note(target.id, 'operations not placed', `no call into ${target.id} in the files (${operations.length} operations)`, [
      'paths',
    ]);
    return;
  }
  for (const link of into) {
    link.protocol ??= 'rest';
    if (operations.length > 0) link.operations = operations;
    if (version) link.version ??= version;
    note(getLinkId(link), `${operations.length} operations${version ? `, version ${version}` : ''}`, `paths of ${doc.file}`, [
      'paths',
    ]);
  }
}
