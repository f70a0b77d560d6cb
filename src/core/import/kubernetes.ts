/**
 * Kubernetes manifests (multi-document, `kind: List` too): Deployment, StatefulSet and DaemonSet
 * become workloads; Service names are how callers reach them; LoadBalancer/NodePort Services,
 * Ingress and Gateway API routes are entry points; Istio VirtualService and DestinationRule give
 * the links into their host timeouts, retries, breakers and bulkheads. Other kinds are ignored.
 */
import type { Path, SourceDoc } from './source';
import { isRecord, parseDurationMs } from './source';
import type { Inference } from './types';
import type { MeshPolicy, SystemBuilder, Where, Workload } from './build';
import type { Protocol } from '../model/types';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

interface Resource {
  obj: Record<string, unknown>;
  doc: SourceDoc;
  base: Path;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v))) if (typeof x === 'string' || typeof x === 'number') out[k] = String(x);
  return out;
}

function where(r: Resource, ...path: (string | number)[]): Where {
  const line = r.doc.lineOf([...r.base, ...path]);
  return { file: r.doc.file, ...(line !== undefined ? { line } : {}) };
}

export function readKubernetes(docs: SourceDoc[], builder: SystemBuilder, inferences: Inference[]): void {
  const resources: Resource[] = [];
  for (const doc of docs) {
    const obj = rec(doc.data);
    if (obj.kind === 'List')
      list(obj.items).forEach((item, i) => isRecord(item) && resources.push({ obj: item, doc, base: ['items', i] }));
    else resources.push({ obj, doc, base: [] });
  }
  const services: Resource[] = [];
  const ignored = new Map<string, Where>();
  for (const r of resources) {
    const kind = String(r.obj.kind);
    const name = String(rec(r.obj.metadata).name ?? '');
    if (WORKLOAD_KINDS.has(kind) && name) builder.addWorkload(readWorkload(r, name, kind));
    else if (kind === 'Service') services.push(r);
    else if (
      !['Ingress', 'HTTPRoute', 'GRPCRoute', 'VirtualService', 'DestinationRule', 'Gateway'].includes(kind) &&
      !ignored.has(kind)
    )
      ignored.set(kind, where(r));
  }
  for (const [kind, at] of ignored)
    inferences.push({ element: at.file, what: `${kind} ignored`, reason: 'not a workload, route or mesh policy', ...at });
  for (const r of services) readService(r, builder);
  for (const r of resources) {
    const kind = String(r.obj.kind);
    if (kind === 'Ingress') readIngress(r, builder);
    else if (kind === 'HTTPRoute' || kind === 'GRPCRoute') readRoute(r, builder, kind === 'GRPCRoute' ? 'grpc' : 'rest');
    else if (kind === 'VirtualService') readVirtualService(r, builder);
    else if (kind === 'DestinationRule') readDestinationRule(r, builder);
  }
}

function readWorkload(r: Resource, name: string, kind: string): Workload {
  const spec = rec(r.obj.spec);
  const template = rec(spec.template);
  const pod = rec(template.spec);
  const containers = list(pod.containers).filter(isRecord);
  const w: Workload = {
    name,
    ...where(r, 'metadata', 'name'),
    env: [],
    dependsOn: [],
    labels: strings(rec(template.metadata).labels),
  };
  const first = containers[0];
  if (first && typeof first.image === 'string') w.image = first.image;
  if (kind !== 'DaemonSet' && typeof spec.replicas === 'number' && Number.isInteger(spec.replicas) && spec.replicas >= 1)
    w.replicas = { value: spec.replicas, ...where(r, 'spec', 'replicas') };
  containers.forEach((c, ci) => {
    list(c.env).forEach((e, ei) => {
      if (isRecord(e) && typeof e.name === 'string' && (typeof e.value === 'string' || typeof e.value === 'number'))
        w.env.push({ key: e.name, value: String(e.value), ...where(r, 'spec', 'template', 'spec', 'containers', ci, 'env', ei) });
    });
    if (!w.healthCheck)
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe'])
        if (isRecord(c[probe])) {
          w.healthCheck = {
            reason: `${probe} on container ${String(c.name ?? ci)}`,
            ...where(r, 'spec', 'template', 'spec', 'containers', ci, probe),
          };
          break;
        }
  });
  return w;
}

function readService(r: Resource, builder: SystemBuilder): void {
  const name = String(rec(r.obj.metadata).name ?? '');
  const spec = rec(r.obj.spec);
  const selector = strings(spec.selector);
  const ports = new Map<number, string>();
  for (const p of list(spec.ports))
    if (isRecord(p) && typeof p.port === 'number')
      ports.set(p.port, typeof p.name === 'string' ? p.name : String(p.appProtocol ?? ''));
  const selected = Object.keys(selector).length
    ? [...builder.workloads.values()].filter((w) => Object.entries(selector).every(([k, v]) => w.labels[k] === v))
    : [];
  const workload = selected[0] ?? builder.workloads.get(name);
  if (!name || !workload) return;
  builder.alias(name.toLowerCase(), workload.name, ports);
  const type = spec.type;
  if ((type === 'LoadBalancer' || type === 'NodePort') && !workload.entry)
    workload.entry = { reason: `Service ${name} is type ${type}`, ...where(r, 'spec', 'type') };
}

function markEntry(builder: SystemBuilder, host: string, reason: string, at: Where, protocol?: Protocol): void {
  const hit = builder.resolveHost(host);
  if (hit && !hit.workload.entry) hit.workload.entry = { reason, ...at, ...(protocol ? { protocol } : {}) };
}

function readIngress(r: Resource, builder: SystemBuilder): void {
  const name = String(rec(r.obj.metadata).name ?? '');
  const spec = rec(r.obj.spec);
  const backend = (b: unknown) => String(rec(rec(b).service).name ?? rec(b).serviceName ?? '');
  const def = backend(spec.defaultBackend ?? spec.backend);
  if (def) markEntry(builder, def, `Ingress ${name} routes to it`, where(r, 'spec'), 'rest');
  list(spec.rules).forEach((rule, ri) =>
    list(rec(rec(rule).http).paths).forEach((p, pi) => {
      const svc = backend(rec(p).backend);
      if (svc)
        markEntry(
          builder,
          svc,
          `Ingress ${name} routes ${String(rec(p).path ?? '/')} to it`,
          where(r, 'spec', 'rules', ri, 'http', 'paths', pi),
          'rest',
        );
    }),
  );
}

function readRoute(r: Resource, builder: SystemBuilder, protocol: Protocol): void {
  const name = String(rec(r.obj.metadata).name ?? '');
  list(rec(r.obj.spec).rules).forEach((rule, ri) =>
    list(rec(rule).backendRefs).forEach((ref, bi) => {
      const svc = rec(ref).name;
      if (typeof svc === 'string' && (rec(ref).kind ?? 'Service') === 'Service')
        markEntry(
          builder,
          svc,
          `${String(r.obj.kind)} ${name} routes to it`,
          where(r, 'spec', 'rules', ri, 'backendRefs', bi),
          protocol,
        );
    }),
  );
}

function readVirtualService(r: Resource, builder: SystemBuilder): void {
  const name = String(rec(r.obj.metadata).name ?? '');
  const spec = rec(r.obj.spec);
  const hosts = list(spec.hosts).filter((h): h is string => typeof h === 'string');
  // A VirtualService bound to an ingress gateway routes outside traffic: an entry point.
  const gateways = list(spec.gateways).filter((g) => typeof g === 'string' && g !== 'mesh');
  const matched: Record<string, string>[] = [];
  list(spec.http).forEach((route, i) => {
    const http = rec(route);
    const dest = list(http.route)
      .map((d) => rec(rec(d).destination).host)
      .find((h): h is string => typeof h === 'string');
    const host = dest ?? hosts[0];
    if (!host) return;
    if (gateways.length > 0) {
      markEntry(
        builder,
        host,
        `VirtualService ${name} routes gateway ${String(gateways[0])} to it`,
        where(r, 'spec', 'http', i),
        'rest',
      );
      return;
    }
    const policy: MeshPolicy = { host, what: `VirtualService ${name}`, ...where(r, 'spec', 'http', i) };
    const timeoutMs = parseDurationMs(http.timeout);
    if (timeoutMs !== undefined) policy.timeoutMs = timeoutMs;
    const retries = rec(http.retries);
    if (typeof retries.attempts === 'number' && Number.isInteger(retries.attempts) && retries.attempts >= 0)
      policy.retry = { max: retries.attempts };
    const matches = list(http.match)
      .map((m) => strings(rec(m).sourceLabels))
      .filter((l) => Object.keys(l).length > 0);
    const earlier = [...matched];
    matched.push(...matches);
    if (policy.timeoutMs === undefined && !policy.retry) return;
    if (matches.length === 0) builder.policies.push(earlier.length > 0 ? { ...policy, exceptLabels: earlier } : policy);
    for (const sourceLabels of matches)
      builder.policies.push({
        ...policy,
        sourceLabels,
        what: `${policy.what} (callers with ${Object.entries(sourceLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')})`,
      });
  });
}

function readDestinationRule(r: Resource, builder: SystemBuilder): void {
  const name = String(rec(r.obj.metadata).name ?? '');
  const spec = rec(r.obj.spec);
  if (typeof spec.host !== 'string') return;
  const traffic = rec(spec.trafficPolicy);
  const policy: MeshPolicy = { host: spec.host, what: `DestinationRule ${name}`, ...where(r, 'spec', 'trafficPolicy') };
  if (isRecord(traffic.outlierDetection)) {
    const openMs = parseDurationMs(traffic.outlierDetection.baseEjectionTime);
    policy.breaker = openMs !== undefined ? { openMs } : {};
    policy.what += ' outlierDetection';
  }
  const pool = rec(traffic.connectionPool);
  const max = rec(pool.http).http2MaxRequests ?? rec(pool.tcp).maxConnections;
  if (typeof max === 'number' && Number.isInteger(max) && max >= 1) {
    policy.bulkhead = { maxConcurrent: max };
    policy.what += ' connectionPool';
  }
  if (policy.breaker || policy.bulkhead) builder.policies.push(policy);
}
