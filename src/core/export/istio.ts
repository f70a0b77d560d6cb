import { getAttempts, getBackoffMs } from '../graph/worstCase';
import { withLinkDefaults } from '../model/defaults';
import type { Design, Link } from '../model/types';
import { getDnsNames, istioDuration, NODE_ANNOTATION, pairName } from './deployNames';
import { NOT_RAW_RUNS, writeYaml } from './yamlWriter';

/** A Kubernetes object as plain data, in the order it is written. */
export type KubernetesObject = Record<string, unknown> & { apiVersion: string; kind: string };

/** Envoy's retry conditions for a call that never reached the service or failed there. */
const RETRY_ON_HTTP = 'connect-failure,refused-stream,reset,unavailable,cancelled,retriable-status-codes,5xx';
const RETRY_ON_GRPC = 'connect-failure,refused-stream,reset,unavailable,cancelled,resource-exhausted';

/** A sync call the mesh carries: to a service, not data access. */
export function isMeshCall(design: Design, link: Link): boolean {
  return link.kind === 'sync' && link.protocol !== 'sql' && design.nodes[link.to]?.kind === 'service';
}

/**
 * The route for one caller. Istio's `timeout` bounds the whole call and `perTryTimeout` each
 * attempt; the design's `timeoutMs` is per attempt (the worst-case rule counts attempts ×
 * timeout), so the route allows every attempt and its backoff, and each attempt gets timeoutMs.
 */
function routeFor(link: Link, names: Map<string, string>, host: string): Record<string, unknown> {
  const caller = names.get(link.from)!;
  const route: Record<string, unknown> = {
    name: `from-${caller}`,
    match: [{ sourceLabels: { app: caller } }],
    route: [{ destination: { host } }],
  };
  if (link.timeoutMs !== undefined)
    route.timeout = istioDuration(getAttempts(link) * link.timeoutMs + (link.retry ? getBackoffMs(link.retry) : 0));
  if (link.retry) {
    const retries: Record<string, unknown> = { attempts: link.retry.max };
    if (link.retry.max > 0) {
      if (link.timeoutMs !== undefined) retries.perTryTimeout = istioDuration(link.timeoutMs);
      retries.retryOn = link.protocol === 'grpc' ? RETRY_ON_GRPC : RETRY_ON_HTTP;
    }
    route.retries = retries;
  }
  return route;
}

/**
 * The breaker and the bulkhead of one caller's link, applied to that caller's sidecars only
 * (`workloadSelector`): a DestinationRule is per host, and two callers may state different ones.
 * Istio's outlier detection counts consecutive errors, not a failure rate: the ejection time is
 * the breaker's `openMs`, and the rate stays in an annotation.
 */
function destinationRuleFor(link: Link, names: Map<string, string>): KubernetesObject | undefined {
  if (!link.breaker && !link.bulkhead) return undefined;
  const host = names.get(link.to)!;
  const caller = names.get(link.from)!;
  const trafficPolicy: Record<string, unknown> = {};
  if (link.bulkhead) {
    const max = link.bulkhead.maxConcurrent;
    trafficPolicy.connectionPool = {
      tcp: { maxConnections: max },
      http: { http1MaxPendingRequests: max, http2MaxRequests: max },
    };
  }
  if (link.breaker) {
    trafficPolicy.outlierDetection = {
      consecutive5xxErrors: 5,
      interval: '10s',
      baseEjectionTime: istioDuration(link.breaker.openMs ?? 30_000),
      maxEjectionPercent: 100,
    };
  }
  const annotations: Record<string, string> = { [NODE_ANNOTATION]: link.to, 'signalbox.dev/caller': link.from };
  if (link.breaker?.failureRatePct !== undefined)
    annotations['signalbox.dev/breaker-failure-rate-pct'] = String(link.breaker.failureRatePct);
  if (link.breaker?.fallback !== undefined) annotations['signalbox.dev/breaker-fallback'] = link.breaker.fallback;
  return {
    apiVersion: 'networking.istio.io/v1beta1',
    kind: 'DestinationRule',
    metadata: { name: pairName(host, caller), annotations },
    spec: { host, workloadSelector: { matchLabels: { app: caller } }, trafficPolicy },
  };
}

/**
 * Istio objects for every service called synchronously, in design order: a VirtualService with a
 * route per caller, a DestinationRule per caller with a breaker or bulkhead, and a STRICT
 * PeerAuthentication where a caller states `auth: mtls`. Links read with the design's `defaults:`.
 */
export function istioObjects(stated: Design): KubernetesObject[] {
  const design = withLinkDefaults(stated);
  const names = getDnsNames(design);
  const callsTo = new Map<string, Link[]>();
  for (const link of design.links)
    if (isMeshCall(design, link)) (callsTo.get(link.to) ?? callsTo.set(link.to, []).get(link.to)!).push(link);
  const objects: KubernetesObject[] = [];
  for (const nodeId of Object.keys(design.nodes)) {
    const calls = callsTo.get(nodeId);
    if (!calls) continue;
    const host = names.get(nodeId)!;
    // One route per caller: a second link from the same caller (another protocol) adds nothing Istio can match on.
    const seen = new Set<string>();
    const routes = calls.filter((link) => !seen.has(link.from) && seen.add(link.from)).map((link) => routeFor(link, names, host));
    objects.push({
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'VirtualService',
      metadata: { name: host, annotations: { [NODE_ANNOTATION]: nodeId } },
      spec: { hosts: [host], http: [...routes, { name: 'default', route: [{ destination: { host } }] }] },
    });
    const ruled = new Set<string>();
    for (const link of calls) {
      if (ruled.has(link.from)) continue;
      const rule = destinationRuleFor(link, names);
      if (rule) objects.push(rule);
      if (rule) ruled.add(link.from);
    }
    if (calls.some((link) => link.auth === 'mtls'))
      objects.push({
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'PeerAuthentication',
        metadata: { name: host, annotations: { [NODE_ANNOTATION]: nodeId } },
        spec: { selector: { matchLabels: { app: host } }, mtls: { mode: 'STRICT' } },
      });
  }
  return objects;
}

/** Objects as one multi-document YAML stream, with a header naming the design. */
export function kubernetesYamlStream(objects: KubernetesObject[], header: string): string {
  const documents = objects.map(writeYaml);
  return `${header}\n${documents.map((doc) => `---\n${doc}`).join('')}`;
}

export function istioYaml(design: Design): string {
  return kubernetesYamlStream(
    istioObjects(design),
    `# Istio configuration generated by Signalbox from the design: ${headerName(design.name)}`,
  );
}

export function headerName(name: string): string {
  // A YAML comment ends at any line break, and holds only what a YAML stream may hold raw.
  return name.replace(NOT_RAW_RUNS, ' ').replace(/[\uD800-\uDFFF]/g, '\uFFFD');
}
