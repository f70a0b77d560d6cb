/** `Place order` -> `place-order`: a file-name-safe slug; `fallback` when nothing is left. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/**
 * File-name bases for node ids, unique in the order asked: node ids are free text, so a base never
 * carries a path separator or a leading dot. The OpenAPI and proto exports and the document's
 * links to them name files this one way.
 */
export function createNodeFileNamer(): (nodeId: string) => string {
  const unique = createUniqueNamer();
  return (nodeId) => unique(nodeId.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '') || 'service');
}

/** Returns a function that makes each name unique by a `-2`, `-3`... suffix. */
export function createUniqueNamer(): (name: string) => string {
  const taken = new Set<string>();
  // Where each name's search for a free suffix resumes: 8,000 clients called "Web" are linear, not quadratic.
  const nextSuffix = new Map<string, number>();
  return (name) => {
    let candidate = name;
    let i = nextSuffix.get(name.toLowerCase()) ?? 2;
    while (taken.has(candidate.toLowerCase())) candidate = `${name}-${i++}`;
    if (candidate !== name) nextSuffix.set(name.toLowerCase(), i);
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
