import type { Design } from '../../core/model/types';
import { buildShareUrl, encodeShareFragment } from '../../core/share/codec';

/** Chat tools, ticket trackers and mail clients cut or refuse links longer than this (RECIPES.md). */
export const LONG_LINK_CHARS = 2000;

export interface ShareLinks {
  edit: string;
  view: string;
}

/** The app's own address without any fragment: where a link opens. */
export function getAppUrl(): string {
  return location.origin + location.pathname + location.search;
}

export function makeShareLinks(design: Design, appUrl: string = getAppUrl()): ShareLinks {
  return {
    edit: buildShareUrl(appUrl, encodeShareFragment(design, { mode: 'edit' })),
    view: buildShareUrl(appUrl, encodeShareFragment(design, { mode: 'view' })),
  };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An `<iframe>` for a wiki or a doc: the view link, lazily loaded, titled for screen readers. */
export function makeEmbedSnippet(viewUrl: string, designName: string): string {
  return `<iframe src="${escapeAttribute(viewUrl)}" title="${escapeAttribute(`${designName} (Signalbox)`)}" width="100%" height="600" style="border:0" loading="lazy"></iframe>`;
}

export function formatCharacters(count: number): string {
  return `${count.toLocaleString('en')} character${count === 1 ? '' : 's'}`;
}
