/**
 * A view link can open on a named view and without finding badges: `#s1.BODY&view=payments`,
 * `#s1.BODY&badges=off`. The parameters sit after the share fragment (whose alphabet has no `&`),
 * so older builds' links are unchanged and a link without them opens as before. Still in the
 * fragment: the browser sends none of it to a server.
 */
const VIEW_PARAM = 'view=';
const BADGES_OFF = 'badges=off';

export function addViewName(url: string, viewName: string | null | undefined): string {
  return viewName ? `${url}&${VIEW_PARAM}${encodeURIComponent(viewName)}` : url;
}

/** A view link that opens with the finding badges hidden, as its sender had them. */
export function addBadgesHidden(url: string, hidden: boolean): string {
  return hidden ? `${url}&${BADGES_OFF}` : url;
}

export interface ViewLinkOptions {
  fragment: string;
  viewName: string | null;
  badgesHidden: boolean;
}

/** `s1.BODY&view=x&badges=off` -> its share fragment and options; a malformed name is dropped, unknown parameters ignored. */
export function splitViewLinkOptions(fragment: string): ViewLinkOptions {
  const at = fragment.indexOf('&');
  if (at < 0) return { fragment, viewName: null, badgesHidden: false };
  let viewName: string | null = null;
  let badgesHidden = false;
  for (const param of fragment.slice(at + 1).split('&')) {
    if (param === BADGES_OFF) badgesHidden = true;
    else if (param.startsWith(VIEW_PARAM)) {
      try {
        viewName = decodeURIComponent(param.slice(VIEW_PARAM.length)) || null;
      } catch {
        viewName = null;
      }
    }
  }
  return { fragment: fragment.slice(0, at), viewName, badgesHidden };
}

/** `s1.BODY&view=x` -> `{ fragment: 's1.BODY', viewName: 'x' }`; a malformed name is dropped. */
export function splitViewName(fragment: string): { fragment: string; viewName: string | null } {
  const { fragment: body, viewName } = splitViewLinkOptions(fragment);
  return { fragment: body, viewName };
}
