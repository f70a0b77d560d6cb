import { formatCharacters, LONG_LINK_CHARS } from './shareLinks';

/** How long a link is, and a warning where chat tools would cut it. */
export function LinkLength({ url }: { url: string }) {
  const long = url.length > LONG_LINK_CHARS;
  return (
    <p className={`share-length${long ? ' share-length--long' : ''}`} data-testid="link-length">
      {formatCharacters(url.length)}
      {long && (
        <>
          {' '}
          — over {LONG_LINK_CHARS.toLocaleString('en')}: chat tools and mail clients may cut it. For a big design, save the file
          and attach it instead.
        </>
      )}
    </p>
  );
}
