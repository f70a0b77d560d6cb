import type { Design } from '../model/types';

export interface ElementLines {
  /** 1-based line of the node's key under `nodes:`. */
  node: (id: string) => number | undefined;
  /** 1-based line where `links[index]` starts. */
  link: (index: number) => number | undefined;
}

const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/;
const MAP_KEY = /^( +)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\-?][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)/;
const ITEM = /^( *)-(?:\s|$)/;

function unquote(key: string): string | undefined {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return undefined; // a YAML-only escape: let the caller fall back
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trimEnd();
}

/**
 * Where each node and link of `design` starts in its YAML `text`, found by a line scan instead of
 * building the `yaml` Document (which costs ~30x the parse on a 5 MB file). It reads the block
 * style the writer produces: `nodes:` and `links:` at column 0, node ids one indent deeper, link
 * items as `- `. Any other shape (flow style, JSON, tags, anchors) gives undefined, and so does a
 * scan that does not find exactly the design's nodes and links: the caller then asks the Document.
 */
export function scanElementLines(text: string, design: Design): ElementLines | undefined {
  const nodeLines = new Map<string, number>();
  const linkLines: number[] = [];
  let section: string | undefined;
  let indent = -1;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    line++;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = content.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (content[0] !== ' ') {
      if (content.startsWith('---') || content.startsWith('...') || /^[&*!%]/.test(content)) return undefined;
      if (section === 'links' && ITEM.test(content)) {
        if (indent < 0) indent = 0;
        if (indent !== 0) return undefined;
        linkLines.push(line);
        continue;
      }
      const top = TOP_KEY.exec(content);
      if (!top) return undefined;
      section = top[1];
      indent = -1;
      const rest = content.slice(top[0].length).trim();
      // `nodes: { ... }` or `links: [ ... ]` on one line: flow style, not scanned.
      if ((section === 'nodes' || section === 'links') && rest !== '' && !rest.startsWith('#')) return undefined;
      continue;
    }
    if (section === 'nodes') {
      const width = content.length - trimmed.length;
      if (indent < 0) indent = width;
      if (width !== indent) continue;
      const key = MAP_KEY.exec(content);
      const id = key ? unquote(key[2]!) : undefined;
      if (id === undefined || nodeLines.has(id)) return undefined;
      nodeLines.set(id, line);
    } else if (section === 'links') {
      const item = ITEM.exec(content);
      if (!item) continue;
      if (indent < 0) indent = item[1]!.length;
      if (item[1]!.length === indent) linkLines.push(line);
    }
  }
  const ids = Object.keys(design.nodes);
  if (ids.length !== nodeLines.size || !ids.every((id) => nodeLines.has(id))) return undefined;
  if (linkLines.length !== design.links.length) return undefined;
  return { node: (id) => nodeLines.get(id), link: (index) => linkLines[index] };
}
