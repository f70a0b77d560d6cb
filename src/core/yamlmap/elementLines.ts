import { isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { getLinkId } from '../model/ids';

/** 1-based, like an editor: the start and end of an element's key or list item. */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ElementSpans {
  /** Node id -> its key under `nodes:` (`order:`). */
  nodes: Map<string, SourceSpan>;
  /** Link id -> its item's first line under `links:`. */
  links: Map<string, SourceSpan>;
}

/** Offset -> 1-based line and column, with a line index built once per text. */
export function createPositionFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

function span(pos: ReturnType<typeof createPositionFinder>, start: number, end: number): SourceSpan {
  const a = pos(start);
  const b = pos(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

/**
 * Where each node and link of a design sits in its YAML text, so findings about `order` or
 * `gateway->order` can be shown on those lines. A link spans only its item's first line: a
 * marker over a whole block link would underline its comments too.
 */
export function getElementSpans(text: string, doc: Document): ElementSpans {
  const pos = createPositionFinder(text);
  const nodes = new Map<string, SourceSpan>();
  const links = new Map<string, SourceSpan>();
  const root = doc.contents;
  if (!isMap(root)) return { nodes, links };
  const nodesMap = root.get('nodes', true);
  if (isMap(nodesMap)) {
    for (const pair of nodesMap.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const [start, end] = pair.key.range;
      nodes.set(String(pair.key.value), span(pos, start, end));
    }
  }
  const linksSeq = root.get('links', true);
  if (isSeq(linksSeq)) {
    for (const item of linksSeq.items as YamlNode[]) {
      if (!isMap(item) || !item.range) continue;
      const js = item.toJS(doc) as { from?: unknown; to?: unknown; channel?: unknown; id?: unknown };
      if (typeof js.from !== 'string' || typeof js.to !== 'string') continue;
      const id = getLinkId({
        from: js.from,
        to: js.to,
        channel: typeof js.channel === 'string' ? js.channel : undefined,
        id: typeof js.id === 'string' ? js.id : undefined,
      });
      const start = item.range[0];
      const eol = text.indexOf('\n', start);
      const end = Math.min(eol === -1 ? text.length : eol, item.range[1]);
      if (!links.has(id)) links.set(id, span(pos, start, end));
    }
  }
  return { nodes, links };
}
