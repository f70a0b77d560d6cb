// Its own module with no imports: the export panel shows these lines without loading the exporters.

/** Why a format gave no file for a design: one line for the CLI and the export panel. */
export function getEmptyExportReason(format: string): string {
  switch (format) {
    case 'openapi':
      return 'no service or gateway receives sync REST calls';
    case 'sequence':
      return 'the design has no flows and no client or gateway entry points';
    case 'proto':
      return 'no service receives gRPC calls (links with protocol: grpc)';
    case 'istio':
      return 'no service is called synchronously';
    case 'gateway':
      return 'the design has no gateway node';
    case 'alerts':
      return 'nothing to alert on: no dead-letter channel, consumer, breaker, availability or latencyMs';
    case 'schemas':
      return 'no service publishes a message (async links with message)';
    case 'code':
      return 'no service makes sync calls';
    default:
      return 'the design is empty';
  }
}
