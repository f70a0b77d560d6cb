/** Inline text: HTML and Markdown punctuation escaped, so a name shows as typed (never as a tag or a link). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, '<br>');
}

export type CellValue = string | number | boolean | undefined;

/** A table cell: escaped text; an empty cell shows a dash so columns stay readable. */
function cell(value: CellValue): string {
  if (value === undefined || value === '') return '–';
  return escapeMarkdown(String(value));
}

export function table(header: string[], rows: CellValue[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

export function fence(text: string): string {
  return `\`\`\`mermaid\n${text.trimEnd()}\n\`\`\``;
}

/** `A, B and C`; past `limit` it ends with `and 12 more` so a line stays readable at any size. Not escaped: for table cells. */
export function listOf(list: readonly string[], limit = 8): string {
  const shown = list.slice(0, limit);
  if (list.length > limit) return `${shown.join(', ')} and ${list.length - limit} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}

/** Names in a sentence, escaped. */
export function names(list: readonly string[], limit = 8): string {
  return listOf(list.map(escapeMarkdown), limit);
}

/**
 * The document's checklist line: what the design does not say, for whom. `key` is the format
 * key that would say it, so the reader knows what to write.
 */
export function notStated(what: string, who: readonly string[], key: string): string | undefined {
  if (who.length === 0) return undefined;
  return `- Not stated: ${what} ${names(who)} (\`${key}\`)`;
}

/** Between two lists in a row: GitHub (and CommonMark) would join them into one loose list. */
const LIST_BREAK = '\n\n<!-- -->\n\n';

/**
 * Lines of a section, the undefined ones (a gap that is not there) left out. Two lists in a row
 * stay two lists (the facts, then the "Not stated" checklist), split by an empty HTML comment.
 */
export function lines(...parts: (string | undefined | false)[]): string {
  const present = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  let text = '';
  present.forEach((part, i) => {
    if (i > 0) {
      const previous = present[i - 1]!;
      const endsList = previous.slice(previous.lastIndexOf('\n') + 1).startsWith('- ');
      text += endsList && part.startsWith('- ') ? LIST_BREAK : '\n\n';
    }
    text += part;
  });
  return text;
}

/** `- a\n- b` from the lines that are there. */
export function bullets(items: (string | undefined)[]): string | undefined {
  const present = items.filter((i): i is string => i !== undefined);
  return present.length === 0 ? undefined : present.join('\n');
}
