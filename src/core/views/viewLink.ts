/**
 * A view link can open on a named view: `#s1.BODY&view=payments`. The parameter sits after the
 * share fragment (whose alphabet has no `&`), so older builds' links are unchanged and a link
 * without it opens as before. Still in the fragment: the browser sends none of it to a server.
 */
const VIEW_PARAM = '&view=';

export function addViewName(url: string, viewName: string | null | undefined): string {
  return viewName ? `${url}${VIEW_PARAM}${encodeURIComponent(viewName)}` : url;
}

/** `s1.BODY&view=x` -> `{ fragment: 's1.BODY', viewName: 'x' }`; a malformed name is dropped. */
export function splitViewName(fragment: string): { fragment: string; viewName: string | null } {
  const at = fragment.indexOf(VIEW_PARAM);
  if (at < 0) return { fragment, viewName: null };
  let viewName: string | null = null;
  try {
    viewName = decodeURIComponent(fragment.slice(at + VIEW_PARAM.length)) || null;
  } catch {
    viewName = null;
  }
  return { fragment: fragment.slice(0, at), viewName };
}
