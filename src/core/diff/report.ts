import type { Finding, Severity } from '../model/types';
import { SEVERITIES } from '../model/types';
import { getRule } from '../rules/catalog';
import type { DesignChange, DesignDiff } from './types';

export const DIFF_FAIL_ON = ['breaking', 'error', 'warning', 'never'] as const;
export type DiffFailOn = (typeof DIFF_FAIL_ON)[number];

/**
 * Whether the diff fails a check at this level. A breaking change sits at the error level (it
 * breaks someone), so `breaking` and `error` both fail on a breaking change or an introduced
 * error; `warning` adds introduced warnings; `never` never fails.
 */
export function diffFails(diff: DesignDiff, failOn: DiffFailOn): boolean {
  if (failOn === 'never') return false;
  const { breaking, introduced } = diff.summary;
  if (breaking > 0 || introduced.error > 0) return true;
  return failOn === 'warning' && introduced.warning > 0;
}

/** The JSON output (cli.md): one object, stable keys. */
export function diffToJson(diff: DesignDiff, base: string, head: string): object {
  return { base, head, changes: diff.changes, findings: diff.findings, summary: diff.summary };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeSummary(diff: DesignDiff): string {
  const { summary } = diff;
  const introduced = SEVERITIES.map((s) => `${summary.introduced[s]} ${s}`).join(', ');
  return `${plural(summary.changes, 'change')} (${summary.breaking} breaking); findings introduced: ${introduced}; resolved: ${summary.resolved}`;
}

function findingLine(f: Finding): string {
  const where = [...f.nodes, ...f.links].join(', ');
  return `${f.severity} ${f.rule}: ${f.message}${where ? ` [${where}]` : ''}`;
}

export function formatDiffText(diff: DesignDiff, base: string, head: string): string {
  const out = [`${base} -> ${head}: ${describeSummary(diff)}`];
  const breaking = diff.changes.filter((c) => c.breaking);
  const other = diff.changes.filter((c) => !c.breaking);
  if (breaking.length) out.push('', `BREAKING (${breaking.length})`, ...breaking.map((c) => `  ${c.change} ${c.message}`));
  if (other.length) out.push('', `CHANGES (${other.length})`, ...other.map((c) => `  ${c.change} ${c.message}`));
  if (diff.findings.introduced.length)
    out.push(
      '',
      `FINDINGS INTRODUCED (${diff.findings.introduced.length})`,
      ...diff.findings.introduced.map((f) => `  ${findingLine(f)}`),
    );
  if (diff.findings.resolved.length)
    out.push(
      '',
      `FINDINGS RESOLVED (${diff.findings.resolved.length})`,
      ...diff.findings.resolved.map((f) => `  ${findingLine(f)}`),
    );
  if (diff.changes.length === 0 && diff.findings.introduced.length === 0 && diff.findings.resolved.length === 0)
    out.push('no changes');
  return `${out.join('\n')}\n`;
}

/**
 * Text inside a Markdown table cell or line, shown as text: a name like `<script>` or `|` or
 * `*` must not become markup on the page the comment is posted to.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1');
}

const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

function changeRows(changes: readonly DesignChange[]): string[] {
  return [
    '| | element | id | change |',
    '|---|---|---|---|',
    ...changes.map((c) => `| ${c.change} | ${c.element} | ${escapeMarkdown(c.id)} | ${escapeMarkdown(c.message)} |`),
  ];
}

function findingRows(findings: readonly Finding[]): string[] {
  return [
    '| severity | rule | finding |',
    '|---|---|---|',
    ...findings.map(
      (f) => `| ${SEVERITY_ICON[f.severity]} ${f.severity} | ${escapeMarkdown(f.rule)} | ${escapeMarkdown(f.message)} |`,
    ),
  ];
}

/** A pull-request comment: the verdict first, then breaking changes, findings, other changes. */
export function formatDiffMarkdown(diff: DesignDiff, base: string, head: string): string {
  const { summary } = diff;
  const verdict =
    summary.breaking > 0
      ? `**${plural(summary.breaking, 'breaking change')}**`
      : summary.introduced.error > 0
        ? `**${plural(summary.introduced.error, 'new error finding')}**`
        : 'No breaking change';
  const out = [
    '## Signalbox design review',
    '',
    `${verdict} · ${describeSummary(diff)}`,
    '',
    `Base \`${escapeMarkdown(base)}\` → head \`${escapeMarkdown(head)}\``,
  ];
  const breaking = diff.changes.filter((c) => c.breaking);
  const other = diff.changes.filter((c) => !c.breaking);
  if (breaking.length) out.push('', '### Breaking changes', '', ...changeRows(breaking));
  if (diff.findings.introduced.length) out.push('', '### Findings introduced', '', ...findingRows(diff.findings.introduced));
  if (diff.findings.resolved.length) out.push('', '### Findings resolved', '', ...findingRows(diff.findings.resolved));
  if (other.length)
    out.push('', '<details><summary>Other changes (' + other.length + ')</summary>', '', ...changeRows(other), '', '</details>');
  if (diff.changes.length === 0 && diff.findings.introduced.length === 0 && diff.findings.resolved.length === 0)
    out.push('', 'No changes.');
  return `${out.join('\n')}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const BREAKING_RULE = 'breaking-change';

/** SARIF 2.1.0 for code scanning: breaking changes (rule `breaking-change`) and introduced findings, on HEAD. */
export function diffToSarif(diff: DesignDiff, headUri: string): object {
  const ruleIds = [BREAKING_RULE, ...new Set(diff.findings.introduced.map((f) => f.rule))];
  const location = (names: { name: string; fullyQualifiedName: string; kind: string }[]) => [
    { physicalLocation: { artifactLocation: { uri: headUri, index: 0 } }, logicalLocations: names },
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'signalbox',
            informationUri: 'https://github.com/signalbox/signalbox',
            rules: ruleIds.map((id) =>
              id === BREAKING_RULE
                ? {
                    id,
                    shortDescription: { text: 'A change that breaks an independently deployed producer or consumer' },
                    defaultConfiguration: { level: 'error' },
                  }
                : { id, shortDescription: { text: getRule(id)?.title ?? id }, help: { text: getRule(id)?.fix ?? '' } },
            ),
          },
        },
        artifacts: [{ location: { uri: headUri } }],
        results: [
          ...diff.changes
            .filter((c) => c.breaking)
            .map((c) => ({
              ruleId: BREAKING_RULE,
              ruleIndex: 0,
              level: 'error',
              message: { text: c.message },
              locations: location([{ name: c.id, fullyQualifiedName: c.path, kind: 'element' }]),
            })),
          ...diff.findings.introduced.map((f) => ({
            ruleId: f.rule,
            ruleIndex: ruleIds.indexOf(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: `${f.message}. Fix: ${f.fix}` },
            locations: location([
              ...f.nodes.map((id) => ({ name: id, fullyQualifiedName: `nodes.${id}`, kind: 'object' })),
              ...f.links.map((id) => ({ name: id, fullyQualifiedName: id, kind: 'element' })),
            ]),
          })),
        ],
      },
    ],
  };
}
