import { getAttempts, getBackoffMs } from '../graph/worstCase';
import { withLinkDefaults } from '../model/defaults';
import type { Design, Link } from '../model/types';
import { getDnsNames, NODE_ANNOTATION, pairName, wellFormed } from './deployNames';
import type { KubernetesObject } from './istio';
import { headerName, kubernetesYamlStream } from './istio';
import { parseRestOperation } from './openapi';
import { parseGrpcOperation } from './proto';

const GATEWAY_API = 'gateway.networking.k8s.io';
const ENVOY_GATEWAY = 'gateway.envoyproxy.io/v1alpha1';
/** The Gateway API caps an HTTPRoute at 16 rules: more operations spill into a second route. */
const RULES_PER_ROUTE = 16;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);

/** A call a gateway forwards over HTTP: not data access, to a node that serves requests. */
export function isForwardedCall(design: Design, link: Link): boolean {
  const to = design.nodes[link.to]?.kind;
  return (
    link.kind === 'sync' &&
    design.nodes[link.from]?.kind === 'gateway' &&
    link.protocol !== 'sql' &&
    (to === 'service' || to === 'gateway' || to === 'external')
  );
}

/** Gateway API durations: whole milliseconds, `^([0-9]{1,5}(h|m|s|ms)){1,4}$`. */
function duration(ms: number): string {
  const whole = Math.max(1, Math.round(ms));
  return whole < 100_000 ? `${whole}ms` : `${Math.min(99_999, Math.ceil(whole / 1000))}s`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One rule's match for an operation: gRPC `pkg.Service/Method` is the exact path gRPC uses;
 * REST `GET /orders/{id}` matches `/orders/[^/]+` (RE2, which Envoy uses) with its method.
 */
function matchFor(link: Link, operation: string): Record<string, unknown> {
  if (link.protocol === 'grpc') {
    const { pkg, service, method } = parseGrpcOperation(operation);
    const path = `/${[pkg, service].filter(Boolean).join('.') || 'Service'}/${method || 'Call'}`;
    const encoded = wellFormed(path).replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/gu, (char) => encodeURIComponent(char));
    return { path: { type: 'Exact', value: encoded }, method: 'POST' };
  }
  const route = parseRestOperation(operation);
  const method = route.method.toUpperCase();
  const literal = route.path.split(/\{[^{}]*\}/);
  const path =
    route.params.length === 0
      ? { type: 'Exact', value: route.path }
      : { type: 'RegularExpression', value: literal.map(escapeRegex).join('[^/]+') };
  return HTTP_METHODS.has(method) ? { path, method } : { path };
}

function routesFor(gatewayId: string, link: Link, names: Map<string, string>): KubernetesObject[] {
  const gateway = names.get(gatewayId)!;
  const backend = names.get(link.to)!;
  const operations = link.operations?.length ? link.operations : undefined;
  // No operations listed: everything under /<backend> goes there, so two backends never share a path.
  const matches = operations
    ? operations.map((operation) => matchFor(link, operation))
    : [{ path: { type: 'PathPrefix', value: `/${backend}` } }];
  const timeouts =
    link.timeoutMs === undefined
      ? undefined
      : link.retry && link.retry.max > 0
        ? {
            request: duration(getAttempts(link) * link.timeoutMs + getBackoffMs(link.retry)),
            backendRequest: duration(link.timeoutMs),
          }
        : { request: duration(link.timeoutMs) };
  const seen = new Set<string>();
  const rules = matches
    .filter((match) => {
      const key = JSON.stringify(match);
      return !seen.has(key) && seen.add(key);
    })
    .map((match) => ({
      matches: [match],
      backendRefs: [{ name: backend, port: link.protocol === 'grpc' ? 9090 : 80 }],
      ...(timeouts ? { timeouts } : {}),
    }));
  const routes: KubernetesObject[] = [];
  for (let start = 0, part = 1; start < rules.length; start += RULES_PER_ROUTE, part++) {
    routes.push({
      apiVersion: `${GATEWAY_API}/v1`,
      kind: 'HTTPRoute',
      metadata: {
        name: pairName(gateway, `${backend}${part > 1 ? `-${part}` : ''}`, 'to'),
        annotations: { [NODE_ANNOTATION]: link.to, 'signalbox.dev/gateway': gatewayId },
      },
      spec: {
        parentRefs: [{ name: gateway }],
        rules: rules.slice(start, start + RULES_PER_ROUTE),
      },
    });
  }
  return routes.concat(backendPolicyFor(link, routes));
}

/** Retries, breaker (passive health check) and bulkhead of the link, on its routes. */
function backendPolicyFor(link: Link, routes: KubernetesObject[]): KubernetesObject[] {
  const spec: Record<string, unknown> = {};
  if (link.retry && link.retry.max > 0) {
    const backOff = link.retry.baseMs ? { baseInterval: duration(link.retry.baseMs) } : undefined;
    const perRetry = {
      ...(link.timeoutMs !== undefined ? { timeout: duration(link.timeoutMs) } : {}),
      ...(backOff ? { backOff } : {}),
    };
    spec.retry = {
      numRetries: link.retry.max,
      ...(Object.keys(perRetry).length > 0 ? { perRetry } : {}),
      retryOn: {
        triggers: ['connect-failure', 'refused-stream', 'reset', 'retriable-status-codes'],
        httpStatusCodes: [502, 503, 504],
      },
    };
  }
  if (link.breaker)
    spec.healthCheck = {
      passive: {
        ...(link.breaker.failureRatePct !== undefined
          ? { failurePercentageThreshold: Math.round(link.breaker.failureRatePct) }
          : {}),
        baseEjectionTime: duration(link.breaker.openMs ?? 30_000),
        interval: '10s',
        maxEjectionPercent: 100,
      },
    };
  if (link.bulkhead)
    spec.circuitBreaker = { maxParallelRequests: link.bulkhead.maxConcurrent, maxPendingRequests: link.bulkhead.maxConcurrent };
  if (Object.keys(spec).length === 0) return [];
  const first = routes[0]!.metadata as { name: string; annotations: Record<string, string> };
  return [
    {
      apiVersion: ENVOY_GATEWAY,
      kind: 'BackendTrafficPolicy',
      metadata: { name: first.name, annotations: first.annotations },
      spec: {
        targetRefs: routes.map((route) => ({
          group: GATEWAY_API,
          kind: 'HTTPRoute',
          name: (route.metadata as { name: string }).name,
        })),
        ...spec,
      },
    },
  ];
}

/**
 * Authentication as Envoy Gateway's SecurityPolicy (jwt, oauth2, apikey) or, for mtls, a
 * ClientTrafficPolicy validating client certificates. The design names the method, not the
 * issuer, so issuer URLs and secret names are placeholders named after the gateway.
 */
function authFor(gatewayId: string, design: Design, gateway: string): KubernetesObject[] {
  const auth = design.nodes[gatewayId]!.auth;
  const targetRefs = [{ group: GATEWAY_API, kind: 'Gateway', name: gateway }];
  const metadata = {
    name: `${gateway}-auth`,
    annotations: { [NODE_ANNOTATION]: gatewayId, 'signalbox.dev/placeholders': 'issuer, JWKS and secret names' },
  };
  const security = (spec: Record<string, unknown>): KubernetesObject[] => [
    { apiVersion: ENVOY_GATEWAY, kind: 'SecurityPolicy', metadata, spec: { targetRefs, ...spec } },
  ];
  switch (auth) {
    case 'jwt':
      return security({
        jwt: { providers: [{ name: gateway, remoteJWKS: { uri: `https://${gateway}.auth.example.com/.well-known/jwks.json` } }] },
      });
    case 'oauth2':
      return security({
        oidc: {
          provider: { issuer: `https://${gateway}.auth.example.com` },
          clientID: gateway,
          clientSecret: { name: `${gateway}-oidc-client` },
        },
      });
    case 'apikey':
      return security({
        apiKeyAuth: { credentialRefs: [{ name: `${gateway}-api-keys` }], extractFrom: [{ headers: ['x-api-key'] }] },
      });
    case 'mtls':
      return [
        {
          apiVersion: ENVOY_GATEWAY,
          kind: 'ClientTrafficPolicy',
          metadata,
          spec: { targetRefs, tls: { clientValidation: { caCertificateRefs: [{ name: `${gateway}-client-ca` }] } } },
        },
      ];
    default:
      return [];
  }
}

/**
 * Gateway API objects for every gateway node, in design order, with Envoy Gateway's policies:
 * a Gateway, an HTTPRoute per forwarded call (a rule per operation, the link's timeout), a
 * BackendTrafficPolicy for its retries, breaker and bulkhead, one for the gateway's global rate
 * limit, and the authentication policy. Links read with the design's `defaults:`.
 */
export function gatewayObjects(stated: Design): KubernetesObject[] {
  const design = withLinkDefaults(stated);
  const names = getDnsNames(design);
  const objects: KubernetesObject[] = [];
  for (const [gatewayId, node] of Object.entries(design.nodes)) {
    if (node.kind !== 'gateway') continue;
    const gateway = names.get(gatewayId)!;
    const tls = node.auth === 'mtls';
    objects.push({
      apiVersion: `${GATEWAY_API}/v1`,
      kind: 'Gateway',
      metadata: { name: gateway, annotations: { [NODE_ANNOTATION]: gatewayId } },
      spec: {
        gatewayClassName: 'envoy-gateway',
        listeners: [
          tls
            ? {
                name: 'https',
                protocol: 'HTTPS',
                port: 443,
                tls: { mode: 'Terminate', certificateRefs: [{ name: `${gateway}-tls` }] },
              }
            : { name: 'http', protocol: 'HTTP', port: 80 },
        ],
      },
    });
    for (const link of design.links)
      if (link.from === gatewayId && isForwardedCall(design, link)) objects.push(...routesFor(gatewayId, link, names));
    if (node.rateLimitRps !== undefined)
      objects.push({
        apiVersion: ENVOY_GATEWAY,
        kind: 'BackendTrafficPolicy',
        metadata: { name: `${gateway}-rate-limit`, annotations: { [NODE_ANNOTATION]: gatewayId } },
        spec: {
          targetRefs: [{ group: GATEWAY_API, kind: 'Gateway', name: gateway }],
          rateLimit: {
            type: 'Global',
            global: { rules: [{ limit: { requests: Math.max(1, Math.round(node.rateLimitRps)), unit: 'Second' } }] },
          },
        },
      });
    objects.push(...authFor(gatewayId, design, gateway));
  }
  return objects;
}

export function gatewayYaml(design: Design): string {
  return kubernetesYamlStream(
    gatewayObjects(design),
    `# Gateway API + Envoy Gateway configuration generated by Signalbox from the design: ${headerName(design.name)}`,
  );
}
