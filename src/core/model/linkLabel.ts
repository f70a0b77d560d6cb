import type { Link } from './types';

/** How each protocol reads in a label: `gRPC v2`, not `grpc v2`. */
export const PROTOCOL_LABELS: Record<string, string> = {
  rest: 'REST',
  grpc: 'gRPC',
  graphql: 'GraphQL',
  websocket: 'WebSocket',
  thrift: 'Thrift',
  soap: 'SOAP',
  sql: 'SQL',
};

/** Longest label drawn on the canvas: a 5,000-character channel must not cover the design. */
export const LABEL_MAX_CHARS = 32;

/** The label as drawn: one line, at most LABEL_MAX_CHARS, `…` where cut (the full text is its tooltip). */
export function getShortLabel(label: string): string {
  const oneLine = label.replace(/\s+/g, ' ');
  const chars = Array.from(oneLine);
  return chars.length <= LABEL_MAX_CHARS ? oneLine : `${chars.slice(0, LABEL_MAX_CHARS - 1).join('')}…`;
}

/** The label a link shows: `gRPC v2` for a call, the channel for a message. */
export function getLinkLabel(link: Link): string {
  if (link.kind === 'async') return link.channel ?? 'event';
  const protocol = link.protocol ? (PROTOCOL_LABELS[link.protocol] ?? link.protocol) : 'call';
  return link.version !== undefined && link.version !== '' ? `${protocol} ${link.version}` : protocol;
}

/** Average advance of the label's 11 px font: labels are sized from their text, never measured. */
export const LABEL_CHAR_WIDTH = 6.4;

/** The width of a label's pill, from its drawn text. */
export function getLabelWidth(shortLabel: string): number {
  return Math.ceil(Array.from(shortLabel).length * LABEL_CHAR_WIDTH) + 14;
}
