import type { ReportIndex } from './reportIndex';
import { isOwned } from './reportIndex';
import { describeBreaker, describeRetry } from './policies';
import { bullets, escapeMarkdown, lines, notStated, table } from './text';

/** 6. Discovery, load balancing and health checks per service. */
export function discoverySection(index: ReportIndex): string {
  const { design, graph } = index;
  const owned = graph.nodes.map((_, i) => i).filter((i) => isOwned(index, i));
  const missing = { discovery: [] as string[], loadBalancing: [] as string[], healthCheck: [] as string[] };
  const rows = owned.map((i) => {
    const node = graph.nodes[i]!;
    const called = graph.syncIn[i]!.length > 0;
    if (node.kind === 'service' && called && !node.discovery) missing.discovery.push(node.name);
    if ((node.replicas ?? 0) !== 1 && !node.loadBalancing) missing.loadBalancing.push(node.name);
    if (node.kind === 'service' && node.healthCheck === undefined) missing.healthCheck.push(node.name);
    return [
      node.name,
      node.kind === 'gateway' ? 'gateway (the edge)' : node.discovery,
      node.loadBalancing,
      node.healthCheck === undefined ? undefined : node.healthCheck ? 'yes' : 'no',
      node.replicas,
    ];
  });
  return lines(
    '## 6. Service discovery, load balancing and health checks',
    design.platform ? `Platform: ${design.platform}.` : undefined,
    rows.length === 0
      ? 'The design has no services.'
      : table(['Service', 'Discovery', 'Load balancing', 'Health check', 'Replicas'], rows),
    bullets([
      design.platform ? undefined : '- Not stated: where the system runs (`platform`)',
      notStated('how callers find', missing.discovery, 'discovery'),
      notStated('how calls spread over the replicas of', missing.loadBalancing, 'loadBalancing'),
      notStated('whether a health check guards', missing.healthCheck, 'healthCheck'),
    ]),
  );
}

/** 7. Every sync call's timeout, retry, breaker and bulkhead, in one table. */
export function reliabilitySection(index: ReportIndex): string {
  const { graph } = index;
  const missing = { timeout: [] as string[], breaker: [] as string[] };
  // Clients are outside the design's control, and a database call has no breaker to speak of (rules.md).
  const calls = index.syncLinks.filter((j) => isOwned(index, graph.linkFrom[j]!));
  const rows = calls.map((j) => {
    const link = graph.links[j]!;
    const call = `${index.nameOf(graph.linkFrom[j]!)} → ${index.nameOf(graph.linkTo[j]!)}`;
    const toKind = graph.kinds[graph.linkTo[j]!];
    if (link.timeoutMs === undefined) missing.timeout.push(call);
    if (!link.breaker && (toKind === 'service' || toKind === 'external')) missing.breaker.push(call);
    return [
      index.nameOf(graph.linkFrom[j]!),
      index.nameOf(graph.linkTo[j]!),
      link.timeoutMs === undefined ? undefined : `${link.timeoutMs} ms`,
      describeRetry(link),
      describeBreaker(link),
      link.bulkhead ? `${link.bulkhead.maxConcurrent} concurrent` : undefined,
    ];
  });
  return lines(
    '## 7. Reliability',
    rows.length === 0
      ? 'No service makes a synchronous call.'
      : table(['From', 'To', 'Timeout', 'Retry', 'Breaker', 'Bulkhead'], rows),
    bullets([
      notStated('a timeout on', missing.timeout, 'timeoutMs'),
      notStated('a circuit breaker on', missing.breaker, 'breaker'),
    ]),
  );
}

/** 8. Trace propagation, where context crosses async boundaries and where it stops. */
export function tracingSection(index: ReportIndex): string {
  const { design, graph } = index;
  const services = graph.nodes.map((_, i) => i).filter((i) => graph.kinds[i] === 'service');
  const tracing = services.filter((i) => graph.nodes[i]!.tracing === true).map(index.nameOf);
  const notTracing = services.filter((i) => graph.nodes[i]!.tracing === false).map(index.nameOf);
  const unstated = services.filter((i) => graph.nodes[i]!.tracing === undefined).map(index.nameOf);
  const crosses: string[] = [];
  const stops: string[] = [];
  const unknown: string[] = [];
  for (const group of index.channels) {
    for (const j of new Set([...group.publications, ...group.consumptions])) {
      const channel = graph.links[j]!.channel;
      const hop = `${index.nameOf(graph.linkFrom[j]!)} → ${index.nameOf(graph.linkTo[j]!)}${channel ? ` (${channel})` : ''}`;
      const carried = graph.links[j]!.traceContext;
      (carried === true ? crosses : carried === false ? stops : unknown).push(hop);
    }
  }
  // Sync calls into a service that does not trace end the trace there (the broken-trace rule's view).
  for (const j of index.syncLinks) {
    const from = graph.nodes[graph.linkFrom[j]!];
    const to = graph.nodes[graph.linkTo[j]!];
    if (from?.kind === 'service' && to?.kind === 'service' && from.tracing === true && to.tracing === false)
      stops.push(`${from.name} → ${to.name} (sync)`);
  }
  const line = (label: string, list: string[]) =>
    list.length === 0 ? undefined : `- ${label}: ${list.map(escapeMarkdown).join(', ')}`;
  return lines(
    '## 8. Distributed tracing',
    design.tracePropagation ? `Propagation format: ${design.tracePropagation}.` : undefined,
    bullets([
      line('Services that propagate trace context', tracing),
      line('Services that do not', notTracing),
      line('Async hops that carry the context in message headers', crosses),
      line('Where the trace stops', stops),
    ]) ?? 'Nothing is stated about tracing.',
    bullets([
      design.tracePropagation ? undefined : '- Not stated: the trace propagation format (`tracePropagation`)',
      notStated('whether these services trace:', unstated, 'tracing'),
      notStated('whether these async hops carry trace context:', unknown, 'traceContext'),
    ]),
  );
}

/** 9. The gateway: routes, rate limits, authentication, request transformations. */
export function gatewaySection(index: ReportIndex): string {
  const { graph } = index;
  const gateways = graph.nodes.map((_, i) => i).filter((i) => graph.kinds[i] === 'gateway');
  if (gateways.length === 0) return lines('## 9. API gateway', 'The design has no API gateway: clients call services directly.');
  const parts = gateways.map((i) => {
    const node = graph.nodes[i]!;
    const routes = graph.syncOut[i]!.map((j) => {
      const link = graph.links[j]!;
      return [
        index.nameOf(graph.linkTo[j]!),
        (link.operations ?? []).join(', ') || undefined,
        link.protocol,
        link.version === undefined ? undefined : String(link.version),
      ];
    });
    const transformations = node.transformations ?? [];
    const facts = bullets([
      node.auth ? `- Authentication: ${node.auth}` : undefined,
      node.rateLimitRps === undefined ? undefined : `- Rate limit: ${node.rateLimitRps} requests/s`,
      node.loadBalancing ? `- Load balancing: ${node.loadBalancing}` : undefined,
      transformations.length > 0 ? `- Request transformations: ${transformations.map(escapeMarkdown).join('; ')}` : undefined,
      node.auth ? undefined : `- Not stated: how clients authenticate at ${escapeMarkdown(node.name)} (\`auth\`)`,
      node.rateLimitRps === undefined
        ? `- Not stated: the rate limit of ${escapeMarkdown(node.name)} (\`rateLimitRps\`)`
        : undefined,
      transformations.length > 0
        ? undefined
        : `- Not stated: the request transformations of ${escapeMarkdown(node.name)} (\`transformations\`)`,
    ]);
    return lines(
      `### ${escapeMarkdown(node.name)}`,
      facts,
      routes.length > 0 ? table(['Route to', 'Operations', 'Protocol', 'Version'], routes) : 'It routes to nothing.',
    );
  });
  return lines('## 9. API gateway', ...parts);
}
