/**
 * docker-compose files: services become workloads. Several files merge as
 * `docker compose -f a.yml -f b.yml` merges them: later files win key by key, environment maps
 * merge, ports and depends_on add up. `${VAR}` values are resolved first, per file.
 */
import type { SourceDoc } from './source';
import { isRecord } from './source';
import type { ImportError } from './types';
import type { EnvVar, SystemBuilder, Where, Workload } from './build';
import { isFrontendName } from './infer';

const VAR_RE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

class UnresolvedVariable extends Error {}

/** Compose interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR:+alt}`. */
export function interpolate(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(
    VAR_RE,
    (whole, braced: string | undefined, op: string | undefined, arg: string | undefined, bare: string | undefined) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = env[name];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      switch (op) {
        case ':-':
          return nonEmpty ? value! : interpolate(arg ?? '', env);
        case '-':
          return set ? value! : interpolate(arg ?? '', env);
        case ':?':
        case '?':
          if (op === ':?' ? nonEmpty : set) return value!;
          throw new UnresolvedVariable(`variable ${name} is required${arg ? `: ${arg}` : ''}`);
        case ':+':
          return nonEmpty ? interpolate(arg ?? '', env) : '';
        case '+':
          return set ? interpolate(arg ?? '', env) : '';
        default:
          if (set) return value!;
          throw new UnresolvedVariable(
            `unresolvable variable \${${name}}: set it in the environment or give a default (\${${name}:-value})`,
          );
      }
    },
  );
}

function interpolateAll(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  path: (string | number)[],
  onError: (path: (string | number)[], message: string) => void,
): unknown {
  if (typeof value === 'string') {
    try {
      return interpolate(value, env);
    } catch (error) {
      if (error instanceof UnresolvedVariable) {
        onError(path, error.message);
        return value;
      }
      throw error;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateAll(v, env, [...path, i], onError));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolateAll(v, env, [...path, k], onError);
    return out;
  }
  return value;
}

interface ComposeService {
  name: string;
  where: Where;
  image?: string;
  env: Map<string, EnvVar>;
  dependsOn: Map<string, Where & { via: string }>;
  ports?: { ports: string } & Where;
  healthCheck?: { reason: string } & Where;
  replicas?: { value: number } & Where;
  hostnames: string[];
}

function environmentOf(raw: unknown): [string, string, string | number][] {
  if (Array.isArray(raw)) {
    return raw.flatMap((item, i) => {
      if (typeof item !== 'string') return [];
      const eq = item.indexOf('=');
      return eq > 0 ? [[item.slice(0, eq), item.slice(eq + 1), i] as [string, string, number]] : [];
    });
  }
  if (isRecord(raw))
    return Object.entries(raw).flatMap(([k, v]) =>
      v === null || v === undefined ? [] : [[k, String(v), k] as [string, string, string]],
    );
  return [];
}

export function readCompose(
  docs: SourceDoc[],
  builder: SystemBuilder,
  env: Readonly<Record<string, string | undefined>>,
): { errors: ImportError[]; projectName?: string } {
  const errors: ImportError[] = [];
  const services = new Map<string, ComposeService>();
  let projectName: string | undefined;
  for (const doc of docs) {
    const data = interpolateAll(doc.data, env, [], (path, message) => {
      const line = doc.lineOf(path);
      errors.push({ file: doc.file, ...(line !== undefined ? { line } : {}), message });
    }) as Record<string, unknown>;
    if (typeof data.name === 'string') projectName = data.name;
    for (const [name, raw] of Object.entries(isRecord(data.services) ? data.services : {})) {
      if (!isRecord(raw)) continue;
      const at = (...path: (string | number)[]): Where => {
        const line = doc.lineOf(['services', name, ...path]);
        return { file: doc.file, ...(line !== undefined ? { line } : {}) };
      };
      const s: ComposeService = services.get(name) ?? { name, where: at(), env: new Map(), dependsOn: new Map(), hostnames: [] };
      services.set(name, s);
      if (typeof raw.image === 'string') s.image = raw.image;
      for (const [key, value, seg] of environmentOf(raw.environment)) s.env.set(key, { key, value, ...at('environment', seg) });
      const deps = Array.isArray(raw.depends_on) ? raw.depends_on : isRecord(raw.depends_on) ? Object.keys(raw.depends_on) : [];
      deps.forEach((d, i) => {
        if (typeof d === 'string')
          s.dependsOn.set(d, { via: 'depends_on', ...at('depends_on', Array.isArray(raw.depends_on) ? i : d) });
      });
      if (Array.isArray(raw.links))
        raw.links.forEach((l, i) => {
          if (typeof l === 'string') {
            const target = l.split(':')[0]!;
            if (!s.dependsOn.has(target)) s.dependsOn.set(target, { via: 'links', ...at('links', i) });
          }
        });
      if (Array.isArray(raw.ports) && raw.ports.length > 0) {
        const list = raw.ports.map((p) => (isRecord(p) ? `${String(p.published ?? '')}:${String(p.target ?? '')}` : String(p)));
        s.ports = { ports: [...(s.ports ? s.ports.ports.split(', ') : []), ...list].join(', '), ...at('ports') };
      }
      if (isRecord(raw.healthcheck)) {
        const test = raw.healthcheck.test;
        const disabled = raw.healthcheck.disable === true || (Array.isArray(test) && test[0] === 'NONE');
        if (disabled) delete s.healthCheck;
        else s.healthCheck = { reason: 'compose healthcheck', ...at('healthcheck') };
      }
      const deploy = isRecord(raw.deploy) ? raw.deploy : undefined;
      const replicas = deploy?.replicas ?? raw.scale;
      if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 1)
        s.replicas = { value: replicas, ...(deploy?.replicas !== undefined ? at('deploy', 'replicas') : at('scale')) };
      for (const key of ['container_name', 'hostname'] as const) if (typeof raw[key] === 'string') s.hostnames.push(raw[key]);
    }
  }
  for (const s of services.values()) {
    const w: Workload = {
      name: s.name,
      ...s.where,
      ...(s.image ? { image: s.image } : {}),
      ...(s.replicas ? { replicas: s.replicas } : {}),
      ...(s.healthCheck ? { healthCheck: s.healthCheck } : {}),
      env: [...s.env.values()],
      dependsOn: [...s.dependsOn.entries()].map(([target, where]) => ({ target, ...where })),
      labels: {},
    };
    if (s.ports) w.published = s.ports;
    builder.addWorkload(w);
    for (const h of s.hostnames) builder.alias(h.toLowerCase(), s.name);
  }
  return { errors, ...(projectName ? { projectName } : {}) };
}

/** Compose entry points depend on kinds, so they are marked once kinds are known. */
export function markComposeEntries(builder: SystemBuilder, kindOf: (name: string) => string | undefined): void {
  for (const w of builder.workloads.values()) {
    if (!w.published) continue;
    const kind = kindOf(w.name);
    if (kind === 'gateway' || (kind === 'service' && isFrontendName(w.name)))
      w.entry = {
        reason: `published ports ${w.published.ports} on a ${kind === 'gateway' ? 'gateway' : 'frontend'}`,
        file: w.published.file,
        ...(w.published.line !== undefined ? { line: w.published.line } : {}),
      };
  }
}
