/**
 * Text and ids for Mermaid: user text never reaches Mermaid's lexer as syntax.
 *
 * Mermaid turns `#name;` / `#123;` into HTML entities when it renders, so every character its
 * grammars care about (quotes, brackets, `;`, `|`, `#`, `%`, `<`, `>`, backticks...) is written
 * as a numeric entity code. Letters, digits and non-ASCII text (accents, emoji) stay readable.
 */

// Safe in quoted flowchart labels, sequence participant aliases and message texts alike (measured with mermaid.parse).
const SAFE_ASCII = /[A-Za-z0-9 .,_\-/:'!?@*+=~^$()]/;
// Mermaid's own entity placeholders (encodeEntities); written as codes so user text cannot fake them.
const PLACEHOLDER_CHARS = new Set(['ﬂ', '°', '¶', 'ß']);
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** One line of text as Mermaid label text: every special character as `#code;`. */
function escapeLine(line: string): string {
  let out = '';
  for (const char of line) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += ' ';
    else if (code < 0x80) out += SAFE_ASCII.test(char) ? char : `#${code};`;
    else if (PLACEHOLDER_CHARS.has(char) || (code >= 0xd800 && code <= 0xdfff)) out += `#${code};`;
    else out += char;
  }
  return out;
}

/** The longest label a diagram shows, in characters and in lines; the design keeps the whole text. */
export const MAX_LABEL_CHARS = 60;
export const MAX_LABEL_LINES = 4;

/**
 * A diagram is read at a glance: one 5,000-character name would make its box 70,000px wide and
 * shrink the rest of the drawing to nothing (Mermaid neither wraps unbroken text nor clips it).
 * Longer text is cut, by whole code points, and ends with an ellipsis.
 */
export function shortenLabel(text: string): string {
  const lines = text.split(LINE_BREAKS);
  const chars = [...lines.slice(0, MAX_LABEL_LINES).join('\n')];
  if (lines.length <= MAX_LABEL_LINES && chars.length <= MAX_LABEL_CHARS) return text;
  return `${chars
    .slice(0, MAX_LABEL_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Label text for Mermaid: special characters as entity codes, line breaks as `<br>` (the one
 * piece of markup we emit ourselves, so it is never user text). Leading and trailing spaces are
 * coded too: Mermaid trims them otherwise.
 */
export function escapeMermaidText(text: string): string {
  const escaped = shortenLabel(text).split(LINE_BREAKS).map(escapeLine).join('<br>');
  return escaped.replace(/^ +| +$/g, (spaces) => '#32;'.repeat(spaces.length));
}

/** A label in double quotes, for flowchart nodes, edges and subgraphs. */
export function quoteMermaidText(text: string): string {
  return `"${escapeMermaidText(text)}"`;
}

/** Generated ids (`n0`, `n1`...) for node ids: user text is never a Mermaid id (`end`, `graph`...). */
export function createIdMap(ids: Iterable<string>, prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const id of ids) if (!map.has(id)) map.set(id, `${prefix}${map.size}`);
  return map;
}
