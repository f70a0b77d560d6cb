/**
 * The canvas as a real SVG picture, written from the design: cards in their kind's shape (as the
 * canvas draws them) with the kind's icon and `text`, links as paths with arrowheads and labels, finding badges optional. No
 * `foreignObject`, no DOM, no stylesheet: any SVG tool reads it, and the browser rasterises the
 * same text for the PNG. The geometry is the canvas's (`core/layout/linkRoutes`).
 */
import type { Design, Severity } from '../model/types';
import { getLinkId } from '../model/ids';
import { KIND_COLOURS, KIND_ICONS, NODE_KIND_LABELS } from '../model/kindStyle';
import { getLabelWidth, getLinkLabel, getShortLabel } from '../model/linkLabel';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/layout';
import { getCardBox, routeLinks, type Box } from '../layout/linkRoutes';

export interface SvgImageOptions {
  /** The worst finding per node id and per link id; left out (or `null`), no badges are drawn. */
  badges?: { nodes: Readonly<Record<string, Severity>>; links: Readonly<Record<string, Severity>> } | null;
  /** Only these nodes (and the links between them), e.g. what a view draws; all when left out. */
  nodeIds?: ReadonlySet<string>;
}

export interface SvgImage {
  svg: string;
  width: number;
  height: number;
}

/** Room around the outermost cards. */
const PADDING = 48;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
const SEVERITY_COLOURS: Record<Severity, string> = { error: '#dc2626', warning: '#f59e0b', info: '#0284c7' };
const SYNC_COLOUR = '#64748b';
const ASYNC_COLOUR = '#b45309';
/** Characters of a name that fit a card beside its icon at 13 px; longer names end in `…`. */
const NAME_CHARS = 19;
const META_CHARS = 24;

/**
 * Text for XML: the five markup characters escaped, and the characters XML 1.0 cannot carry at
 * all (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF) dropped, since even
 * escaped they make the file unreadable.
 */
/* eslint-disable no-control-regex -- exactly the characters XML 1.0 cannot carry */
export const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function cut(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const n = (v: number) => String(Math.round(v * 10) / 10);

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : escapeXml(v)}"`)
    .join('');
}

function badge(x: number, y: number, severity: Severity, r: number): string {
  const glyph =
    severity === 'info'
      ? `<rect x="${n(x - 1)}" y="${n(y - 1)}" width="2" height="5" rx="1" fill="#fff"/><circle cx="${n(x)}" cy="${n(y - 3.5)}" r="1.1" fill="#fff"/>`
      : `<rect x="${n(x - 1)}" y="${n(y - 4)}" width="2" height="5" rx="1" fill="#fff"/><circle cx="${n(x)}" cy="${n(y + 3)}" r="1.1" fill="#fff"/>`;
  return `<g class="badge badge--${severity}"><title>${severity} finding</title><circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="${SEVERITY_COLOURS[severity]}" stroke="#fff" stroke-width="1.5"/>${glyph}</g>`;
}

/** Accents the canvas's cards draw in colours of their own (app.css, `.sb-node--<kind>`). */
const BROKER_ACCENT = '#f59e0b';
const DATABASE_ACCENT = '#34d399';
const EXTERNAL_BORDER = '#ec4899';

/**
 * A card's outline in the canvas's shape language (app.css `.sb-node--<kind>`): a service a
 * rounded box, a gateway a squarer box with a thick left edge, a broker a pill with a thick
 * bottom, a database a cylinder (elliptical top and bottom, the top in green), a client a plain box, an
 * external API a dashed box. Its class names the shape, so a reader (or a test) can tell them apart.
 */
export function cardShape(kind: string, box: Box, colours: { fg: string; border: string }): string {
  const { x, y, width: w, height: h } = box;
  const outline = `stroke="${colours.border}" stroke-width="1.5"`;
  switch (kind) {
    case 'gateway':
      return (
        `<rect class="shape shape--gateway" x="${n(x)}" y="${n(y)}" width="${w}" height="${h}" rx="6" fill="#fff" ${outline}/>` +
        `<rect x="${n(x)}" y="${n(y)}" width="5" height="${h}" rx="2.5" fill="${colours.fg}"/>`
      );
    case 'broker': {
      const r = h / 2;
      // The thick bottom: along the bottom edge and round the pill's lower quarters.
      const inset = r - 2;
      const d = Math.SQRT1_2 * inset;
      const accent =
        `M${n(x + r - d)},${n(y + r + d)} A${n(inset)},${n(inset)} 0 0 0 ${n(x + r)},${n(y + h - 2)} ` +
        `H${n(x + w - r)} A${n(inset)},${n(inset)} 0 0 0 ${n(x + w - r + d)},${n(y + r + d)}`;
      return (
        `<rect class="shape shape--broker" x="${n(x)}" y="${n(y)}" width="${w}" height="${h}" rx="${n(r)}" fill="#fff" ${outline}/>` +
        `<path d="${accent}" fill="none" stroke="${BROKER_ACCENT}" stroke-width="4" stroke-linecap="round"/>`
      );
    }
    case 'database': {
      const rx = w / 2;
      const ry = 14;
      const body =
        `M${n(x)},${n(y + ry)} A${n(rx)},${ry} 0 0 1 ${n(x + w)},${n(y + ry)} V${n(y + h - ry)} ` +
        `A${n(rx)},${ry} 0 0 1 ${n(x)},${n(y + h - ry)} Z`;
      // The lid in the canvas's thick green (no front edge: it would cross the name).
      const lid = `M${n(x + 1)},${n(y + ry)} A${n(rx - 1)},${ry - 2} 0 0 1 ${n(x + w - 1)},${n(y + ry)}`;
      return (
        `<path class="shape shape--database" d="${body}" fill="#fff" ${outline}/>` +
        `<path d="${lid}" fill="none" stroke="${DATABASE_ACCENT}" stroke-width="4"/>`
      );
    }
    case 'client':
      return `<rect class="shape shape--client" x="${n(x)}" y="${n(y)}" width="${w}" height="${h}" rx="4" fill="#f8fafc" ${outline}/>`;
    case 'external':
      return `<rect class="shape shape--external" x="${n(x)}" y="${n(y)}" width="${w}" height="${h}" rx="12" fill="#fffbfd" stroke="${EXTERNAL_BORDER}" stroke-width="1.5" stroke-dasharray="6 4"/>`;
    default:
      return `<rect class="shape shape--service" x="${n(x)}" y="${n(y)}" width="${w}" height="${h}" rx="12" fill="#fff" ${outline}/>`;
  }
}

/** The design's cards and links as an SVG document, framed on the cards. */
export function writeSvgImage(design: Design, options: SvgImageOptions = {}): SvgImage {
  const cards = new Map<string, Box>();
  for (const [id, node] of Object.entries(design.nodes)) {
    if (options.nodeIds && !options.nodeIds.has(id)) continue;
    cards.set(id, getCardBox(node.at ?? [0, 0]));
  }
  const links = design.links.filter((l) => cards.has(l.from) && cards.has(l.to));
  const labels = links.map((l) => getShortLabel(getLinkLabel(l)));
  const labelWidths = labels.map(getLabelWidth);
  const routes = routeLinks(cards, links, { labelWidths });

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const box of cards.values()) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  // Curves and detours may leave the cards' frame: take their points in too.
  for (const route of routes) {
    for (const [x, y] of route?.points ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, NODE_WIDTH, NODE_HEIGHT];
  const x0 = Math.floor(minX - PADDING);
  const y0 = Math.floor(minY - PADDING);
  const width = Math.ceil(maxX + PADDING) - x0;
  const height = Math.ceil(maxY + PADDING) - y0;
  const badges = options.badges ?? null;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}" font-family="${escapeXml(FONT)}">`,
  );
  out.push(`<title>${escapeXml(design.name)}</title>`);
  out.push(
    '<defs>' +
      `<marker id="arrow-sync" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="${SYNC_COLOUR}"/></marker>` +
      `<marker id="arrow-async" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="${ASYNC_COLOUR}"/></marker>` +
      '</defs>',
  );
  out.push(`<rect x="${x0}" y="${y0}" width="${width}" height="${height}" fill="#ffffff"/>`);

  // Links under the cards, as on the canvas; labels above the links.
  out.push('<g class="links">');
  routes.forEach((route, i) => {
    const link = links[i]!;
    if (!route) return;
    const async = link.kind === 'async';
    const colour = async ? ASYNC_COLOUR : SYNC_COLOUR;
    out.push(
      `<path d="${route.path}" fill="none" stroke="${colour}" stroke-width="1.6"${async ? ' stroke-dasharray="6 4"' : ''} marker-end="url(#arrow-${async ? 'async' : 'sync'})"/>`,
    );
  });
  out.push('</g><g class="link-labels">');
  routes.forEach((route, i) => {
    const link = links[i]!;
    if (!route) return;
    const w = labelWidths[i]!;
    const [lx, ly] = route.label;
    const full = getLinkLabel(link);
    const title = full !== labels[i] ? `<title>${escapeXml(full)}</title>` : '';
    out.push(
      `<g class="link-label">${title}<rect x="${n(lx - w / 2)}" y="${n(ly - 10)}" width="${w}" height="20" rx="10" fill="#fff" stroke="#cbd5e1"/>` +
        `<text x="${n(lx)}" y="${n(ly + 3.8)}" text-anchor="middle" font-size="11" font-weight="500" fill="#334155">${escapeXml(labels[i]!)}</text>`,
    );
    const severity = badges?.links[getLinkId(link)];
    if (severity) out.push(badge(lx + w / 2, ly - 10, severity, 7));
    out.push('</g>');
  });
  out.push('</g><g class="nodes">');
  for (const [id, box] of cards) {
    const node = design.nodes[id]!;
    const colours = KIND_COLOURS[node.kind] ?? KIND_COLOURS.service;
    const meta = [NODE_KIND_LABELS[node.kind] ?? node.kind, node.tech, node.team].filter(Boolean).join(' · ');
    const name = cut(node.name, NAME_CHARS);
    const iconX = box.x + 12;
    const iconY = box.y + (box.height - 36) / 2;
    out.push(`<g class="node node--${escapeXml(node.kind)}">`);
    if (name !== node.name) out.push(`<title>${escapeXml(node.name)}</title>`);
    out.push(cardShape(node.kind, box, colours));
    out.push(`<rect x="${n(iconX)}" y="${n(iconY)}" width="36" height="36" rx="8" fill="${colours.bg}"/>`);
    out.push(
      `<g transform="translate(${n(iconX + 8)} ${n(iconY + 8)}) scale(0.8333)" fill="none" stroke="${colours.fg}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">` +
        (KIND_ICONS[node.kind] ?? []).map((shape) => `<${shape.tag}${attrs(shape.attrs)}/>`).join('') +
        '</g>',
    );
    out.push(
      `<text x="${n(box.x + 56)}" y="${n(box.y + 28)}" font-size="13" font-weight="600" fill="#0f172a">${escapeXml(name)}</text>`,
    );
    out.push(
      `<text x="${n(box.x + 56)}" y="${n(box.y + 45)}" font-size="11" fill="#64748b">${escapeXml(cut(meta, META_CHARS))}</text>`,
    );
    if (node.replicas !== undefined && node.replicas > 1) {
      out.push(
        `<text x="${n(box.x + box.width - 8)}" y="${n(box.y + box.height - 6)}" text-anchor="end" font-size="10" fill="#64748b">×${node.replicas}</text>`,
      );
    }
    const severity = badges?.nodes[id];
    if (severity) out.push(badge(box.x + box.width - 1, box.y + 1, severity, 9));
    out.push('</g>');
  }
  out.push('</g></svg>');
  return { svg: out.join('\n'), width, height };
}
