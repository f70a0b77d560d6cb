/**
 * The common ground of the deployment importers: compose and Kubernetes describe workloads, the
 * names callers reach them by, entry points and mesh policies; this turns them into nodes and
 * links, recording the evidence for each.
 */
import { getLinkId, makeNodeId } from '../model/ids';
import type { Breaker, Bulkhead, Design, DesignNode, Link, Protocol, Retry } from '../model/types';
import { findHostReferences, guessKind, protocolHint, type KindGuess } from './infer';
import type { Inference } from './types';

export interface Where {
  file: string;
  line?: number;
}

export interface EnvVar extends Where {
  key: string;
  value: string;
}

export interface Workload extends Where {
  /** The name the file gives it (compose service, Kubernetes workload). */
  name: string;
  image?: string;
  replicas?: { value: number } & Where;
  healthCheck?: { reason: string } & Where;
  env: EnvVar[];
  dependsOn: ({ target: string; via: string } & Where)[];
  /** Pod labels, for Service selectors and Istio `sourceLabels`. */
  labels: Record<string, string>;
  entry?: { reason: string; protocol?: Protocol } & Where;
  /** Set by compose: published ports make a gateway or frontend an entry point. */
  published?: { ports: string } & Where;
}

/** A name callers use to reach a workload (a compose service, a Kubernetes Service). */
export interface HostAlias {
  workload: string;
  /** Port number -> port name (Kubernetes Service ports), for grpc/http hints. */
  portNames: Map<number, string>;
}

export interface MeshPolicy extends Where {
  host: string;
  sourceLabels?: Record<string, string>;
  /** Callers an earlier route of the same VirtualService already matched (first match wins). */
  exceptLabels?: Record<string, string>[];
  timeoutMs?: number;
  retry?: Retry;
  breaker?: Breaker;
  bulkhead?: Bulkhead;
  what: string;
}

const VALID_ID = /^[a-z0-9][a-z0-9_-]*$/;

export class SystemBuilder {
  readonly workloads = new Map<string, Workload>();
  readonly aliases = new Map<string, HostAlias>();
  readonly policies: MeshPolicy[] = [];
  readonly inferences: Inference[] = [];
  /** Workload name -> node id, after build(); hosts that resolve to infrastructure map to null. */
  readonly idOf = new Map<string, string | null>();

  addWorkload(w: Workload): void {
    this.workloads.set(w.name, w);
  }

  alias(host: string, workload: string, portNames = new Map<number, string>()): void {
    const existing = this.aliases.get(host);
    if (existing && existing.workload === workload) for (const [p, n] of portNames) existing.portNames.set(p, n);
    else this.aliases.set(host, { workload, portNames });
  }

  /** `orders`, `orders.shop`, `orders.shop.svc.cluster.local` -> the workload behind it. */
  resolveHost(host: string): { workload: Workload; alias?: HostAlias } | undefined {
    const h = host.toLowerCase();
    const candidates = [h, h.split('.')[0]!];
    for (const c of candidates) {
      const alias = this.aliases.get(c);
      if (alias) {
        const w = this.workloads.get(alias.workload);
        if (w) return { workload: w, alias };
      }
      const w = this.workloads.get(c);
      if (w) return { workload: w };
    }
    return undefined;
  }

  private note(element: string, what: string, reason: string, where: Where): void {
    this.inferences.push({ element, what, reason, file: where.file, ...(where.line !== undefined ? { line: where.line } : {}) });
  }

  build(name: string): Design {
    const nodes: Record<string, DesignNode> = {};
    const guesses = new Map<string, KindGuess>();
    for (const w of this.workloads.values()) {
      const guess = guessKind(w.name, w.image);
      guesses.set(w.name, guess);
      if ('infrastructure' in guess) {
        this.idOf.set(w.name, null);
        this.note(w.name, 'left out', `${guess.reason}: never drawn as a call target`, w);
        continue;
      }
      const id = VALID_ID.test(w.name) && !nodes[w.name] ? w.name : makeNodeId(w.name, nodes);
      this.idOf.set(w.name, id);
      const node: DesignNode = { kind: guess.kind, name: w.name };
      if (guess.tech) node.tech = guess.tech;
      this.note(id, `${guess.kind}${guess.tech ? ` (${guess.tech})` : ''}`, guess.reason, w);
      if (id !== w.name) this.note(id, `id ${id}`, `"${w.name}" is not a valid node id; kept as its name`, w);
      if (w.replicas && guess.kind !== 'client') {
        node.replicas = w.replicas.value;
        this.note(id, `replicas: ${w.replicas.value}`, 'stated in the file', w.replicas);
      }
      if (w.healthCheck && (guess.kind === 'service' || guess.kind === 'gateway')) {
        node.healthCheck = true;
        this.note(id, 'healthCheck: true', w.healthCheck.reason, w.healthCheck);
      }
      nodes[id] = node;
    }
    const links: Link[] = [];
    const linked = new Set<string>();
    const addLink = (link: Link, reason: string, where: Where, what?: string) => {
      const key = `${link.from}\u0000${link.to}`;
      if (linked.has(key)) return;
      linked.add(key);
      links.push(link);
      this.note(getLinkId(link), what ?? describeLink(link), reason, where);
    };
    const linkTo = (from: string, target: DesignNode, to: string, protocol?: { protocol: Protocol; why: string }): Link => {
      if (target.kind === 'database') return { from, to, kind: 'sync', protocol: 'sql' };
      if (target.kind === 'broker') return { from, to, kind: 'async' };
      return protocol ? { from, to, kind: 'sync', protocol: protocol.protocol } : { from, to, kind: 'sync' };
    };
    // Environment values first: they are evidence of an actual call.
    for (const w of this.workloads.values()) {
      const from = this.idOf.get(w.name);
      if (!from) continue;
      for (const env of w.env) {
        for (const ref of findHostReferences(env.key, env.value)) {
          const hit = this.resolveHost(ref.host);
          if (!hit) continue;
          const to = this.idOf.get(hit.workload.name);
          const target = to ? nodes[to] : undefined;
          if (!to || !target || to === from || target.kind === 'client') continue;
          const portName = ref.port !== undefined ? hit.alias?.portNames.get(ref.port) : singlePortName(hit.alias);
          const hint = protocolHint(ref, env.key, portName);
          const link = linkTo(from, target, to, hint);
          const why = `${env.key}=${env.value} names ${ref.host}${link.kind === 'sync' && link.protocol && link.protocol !== 'sql' && hint ? ` (${hint.why})` : ''}`;
          addLink(link, why, env);
        }
      }
    }
    // depends_on / links only where no environment value already showed the call.
    for (const w of this.workloads.values()) {
      const from = this.idOf.get(w.name);
      if (!from) continue;
      for (const dep of w.dependsOn) {
        const to = this.idOf.get(dep.target);
        const target = to ? nodes[to] : undefined;
        if (!to || !target || to === from || target.kind === 'client') continue;
        addLink(linkTo(from, target, to), `${dep.via}: ${dep.target} (no environment value names it)`, dep);
      }
    }
    // Entry points: one client node for the outside world, calling each.
    const entries = [...this.workloads.values()].filter((w) => this.idOf.get(w.name) && w.entry);
    if (entries.length > 0) {
      const clientId = makeNodeId('clients', nodes);
      nodes[clientId] = { kind: 'client', name: 'Clients' };
      this.note(
        clientId,
        'client',
        `the outside world, calling the ${entries.length === 1 ? 'entry point' : `${entries.length} entry points`}`,
        entries[0]!.entry!,
      );
      for (const w of entries) {
        const to = this.idOf.get(w.name)!;
        const link: Link = w.entry!.protocol
          ? { from: clientId, to, kind: 'sync', protocol: w.entry!.protocol }
          : { from: clientId, to, kind: 'sync' };
        addLink(link, w.entry!.reason, w.entry!, 'entry point');
      }
    }
    this.applyPolicies(nodes, links);
    return { signalbox: 1, name, nodes, links };
  }

  private applyPolicies(nodes: Record<string, DesignNode>, links: Link[]): void {
    for (const p of this.policies) {
      const hit = this.resolveHost(p.host);
      const to = hit ? this.idOf.get(hit.workload.name) : undefined;
      if (!to || !nodes[to]) {
        this.note(p.host, 'not applied', `${p.what} for ${p.host}: no workload of that name in the files`, p);
        continue;
      }
      const callers = p.sourceLabels ? this.callersWithLabels(p.sourceLabels) : undefined;
      const except = new Set((p.exceptLabels ?? []).flatMap((labels) => [...this.callersWithLabels(labels)]));
      const into = links.filter(
        (l) => l.to === to && l.kind === 'sync' && (!callers || callers.has(l.from)) && !except.has(l.from),
      );
      if (into.length === 0) {
        this.note(
          to,
          'not applied',
          `${p.what}: no call into ${to} ${callers ? 'from the matching callers ' : ''}in the files`,
          p,
        );
        continue;
      }
      for (const link of into) {
        const set: string[] = [];
        if (p.timeoutMs !== undefined) {
          link.timeoutMs = p.timeoutMs;
          set.push(`timeoutMs: ${p.timeoutMs}`);
        }
        if (p.retry) {
          link.retry = { ...p.retry };
          set.push(`retry: { max: ${p.retry.max} }`);
        }
        if (p.breaker) {
          link.breaker = { ...p.breaker };
          set.push(`breaker${p.breaker.openMs ? `: { openMs: ${p.breaker.openMs} }` : ''}`);
        }
        if (p.bulkhead) {
          link.bulkhead = { ...p.bulkhead };
          set.push(`bulkhead: { maxConcurrent: ${p.bulkhead.maxConcurrent} }`);
        }
        if (set.length > 0) this.note(getLinkId(link), set.join(', '), p.what, p);
      }
    }
  }

  private callersWithLabels(labels: Record<string, string>): Set<string> {
    const ids = new Set<string>();
    for (const w of this.workloads.values()) {
      const id = this.idOf.get(w.name);
      if (id && Object.entries(labels).every(([k, v]) => w.labels[k] === v)) ids.add(id);
    }
    return ids;
  }
}

function singlePortName(alias: HostAlias | undefined): string | undefined {
  if (!alias || alias.portNames.size !== 1) return undefined;
  return [...alias.portNames.values()][0];
}

export function describeLink(link: Link): string {
  if (link.kind === 'async') return `async${link.channel ? ` ${link.channel}` : ''}`;
  return `sync${link.protocol ? ` ${link.protocol}` : ''}`;
}
