import type { Design } from '../model/types';
import { getLinkId } from '../model/ids';

/** Who publishes to and who consumes a channel of one broker. */
export interface ChannelEnds {
  /** `bus:order.created` (broker id, channel name). */
  key: string;
  producers: string[];
  consumers: string[];
}

/**
 * Producers and consumers of each named channel, keyed by broker and channel (the same topic
 * name on two brokers is two channels). A direct service->service event is its own producer and
 * consumer, so it can never be left with one side only: it is not counted here.
 */
export function getChannelEnds(design: Design): Map<string, ChannelEnds> {
  const ends = new Map<string, ChannelEnds>();
  const entry = (key: string) => {
    let e = ends.get(key);
    if (!e) ends.set(key, (e = { key, producers: [], consumers: [] }));
    return e;
  };
  for (const link of design.links) {
    if (link.kind !== 'async' || !link.channel) continue;
    const from = design.nodes[link.from]?.kind;
    const to = design.nodes[link.to]?.kind;
    if (to === 'broker' && from !== 'broker') entry(`${link.to}:${link.channel}`).producers.push(getLinkId(link));
    else if (from === 'broker' && to !== 'broker') entry(`${link.from}:${link.channel}`).consumers.push(getLinkId(link));
  }
  return ends;
}
