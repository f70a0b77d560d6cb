import { useDesignStore } from '../../editor/react';
import { useCallback, useMemo } from 'react';
import { getLinkId } from '../../core/model/ids';
import { selectLinks, selectNodes } from '../../state/designStore';

export interface ElementNames {
  node: (id: string) => string;
  link: (id: string) => string;
}

/**
 * Findings name elements by id; the panel speaks the design's own names ("Order → Payment").
 * The link map is rebuilt only when the links change, not per finding.
 */
export function useElementNames(): ElementNames {
  const nodes = useDesignStore(selectNodes);
  const links = useDesignStore(selectLinks);
  const linkEnds = useMemo(() => {
    const byId = new Map<string, { from: string; to: string; channel?: string }>();
    for (const link of links) byId.set(getLinkId(link), link);
    return byId;
  }, [links]);
  const node = useCallback((id: string) => nodes[id]?.name ?? id, [nodes]);
  const link = useCallback(
    (id: string) => {
      const ends = linkEnds.get(id);
      if (!ends) return id;
      const label = `${node(ends.from)} → ${node(ends.to)}`;
      return ends.channel ? `${label} (${ends.channel})` : label;
    },
    [linkEnds, node],
  );
  return useMemo(() => ({ node, link }), [node, link]);
}
