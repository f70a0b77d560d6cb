import { buildShareUrl, encodeShareFragment } from '../core/share/codec';
import { encryptShareFragment } from '../core/share/protect';
import type { CliIo } from './io';
import { loadDesign, parseFlags } from './io';
import { addViewName } from '../core/views/viewLink';

/** Where `vite dev` and `npm start` serve the app; pass --base for a deployed copy. */
export const DEFAULT_BASE = 'http://localhost:5173/';
/** Chat tools and mail cut links longer than about this (RECIPES.md, Share links). */
const LONG_LINK = 2000;

const USAGE = 'usage: signalbox share FILE [--base URL] [--view] [--named-view NAME] [--passphrase P]';

/** `signalbox share FILE`: prints the link that opens this exact design in the app. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals, error } = parseFlags(args, { values: ['base', 'passphrase', 'named-view'], booleans: ['view'] });
  if (error || positionals.length > 1) {
    io.stderr(`signalbox share: ${error ?? 'one FILE at a time'}\n${USAGE}\n`);
    return 2;
  }
  const loaded = await loadDesign(positionals[0], io);
  if (!loaded) return 2;
  const base = typeof flags.base === 'string' ? flags.base : DEFAULT_BASE;
  // A view link may open on one of the design's named views (`views:`); that implies --view.
  const namedView = typeof flags['named-view'] === 'string' ? flags['named-view'] : undefined;
  if (namedView !== undefined && !Object.prototype.hasOwnProperty.call(loaded.design.views ?? {}, namedView)) {
    const known = Object.keys(loaded.design.views ?? {});
    io.stderr(
      `signalbox share: no view "${namedView}" in the design; ${known.length > 0 ? `known views: ${known.join(', ')}` : 'it has no views: key'}\n`,
    );
    return 2;
  }
  const mode = flags.view === true || namedView !== undefined ? 'view' : 'edit';
  const passphrase = typeof flags.passphrase === 'string' ? flags.passphrase : undefined;
  let fragment: string;
  if (passphrase !== undefined) {
    if (passphrase === '') {
      io.stderr('signalbox share: --passphrase needs a non-empty value\n');
      return 2;
    }
    fragment = await encryptShareFragment(loaded.design, passphrase, { mode });
  } else fragment = encodeShareFragment(loaded.design, { mode });
  const url = addViewName(buildShareUrl(base, fragment), namedView);
  io.stdout(`${url}\n`);
  if (url.length > LONG_LINK) {
    io.stderr(`signalbox share: the link is ${url.length} characters; chat tools and mail may cut links over ~${LONG_LINK}\n`);
  }
  return 0;
}
