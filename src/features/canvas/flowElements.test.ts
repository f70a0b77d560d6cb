import { describe, expect, it } from 'vitest';
import { getLinkLabel, getShortLabel, LABEL_MAX_CHARS } from './flowElements';

describe('link labels', () => {
  it('labels sync links by protocol and version, async links by channel', () => {
    expect(getLinkLabel({ from: 'a', to: 'b', kind: 'sync', protocol: 'grpc', version: 'v2' })).toBe('gRPC v2');
    expect(getLinkLabel({ from: 'a', to: 'b', kind: 'async', channel: 'order.created' })).toBe('order.created');
  });

  it('keeps short labels as they are and cuts long ones to one short line', () => {
    expect(getShortLabel('order.created')).toBe('order.created');
    const long = getShortLabel(`orders.${'x'.repeat(5000)}`);
    expect(Array.from(long)).toHaveLength(LABEL_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(getShortLabel('a\nb')).toBe('a b');
    // Emoji are not split in half.
    expect(getShortLabel('🚚'.repeat(40)).startsWith('🚚'.repeat(31))).toBe(true);
  });
});
