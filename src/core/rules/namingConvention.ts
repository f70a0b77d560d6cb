import type { FindingDraft, Rule } from './types';
import type { GraphIndex } from '../graph/graphIndex';

/** The separators a convention may use, in character order (as the style names them). */
const SEPARATORS = '-./:_';

/**
 * A name's convention: its case and the separators between its words. A single lower-case word
 * (`orders`) fits every lower-case convention, so it neither votes nor breaks one.
 */
export function getNamingStyle(name: string): string | undefined {
  // One pass over the name (a big design has thousands of channels): separators as a bit set in
  // character order (- . / : _), and which cases its letters come in.
  let separators = 0;
  let upper = false;
  let lower = false;
  let firstUpper: boolean | undefined;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      upper = true;
      firstUpper ??= true;
    } else if (c >= 0x61 && c <= 0x7a) {
      lower = true;
      firstUpper ??= false;
    } else {
      const at = SEPARATORS.indexOf(name[i]!);
      if (at >= 0) separators |= 1 << at;
    }
  }
  if (firstUpper === undefined) return undefined;
  const casing = !upper ? 'lower' : !lower ? 'upper' : firstUpper ? 'pascal' : 'camel';
  if (casing === 'lower' && separators === 0) return undefined;
  let joined = '';
  for (let b = 0; b < SEPARATORS.length; b++) if (separators & (1 << b)) joined += SEPARATORS[b];
  return `${casing}${joined}`;
}

/** `lower-case words joined by "."`: how a finding names a convention. */
export function describeNamingStyle(style: string): string {
  const casing = style.match(/^[a-z]+/)![0];
  const separators = style.slice(casing.length);
  const words =
    casing === 'pascal'
      ? 'PascalCase words'
      : casing === 'camel'
        ? 'camelCase words'
        : casing === 'upper'
          ? 'upper-case words'
          : 'lower-case words';
  return separators === '' ? words : `${words} joined by ${[...separators].map((s) => `"${s}"`).join(' and ')}`;
}

export interface NamingVote {
  /** The convention most names follow (more than half of those with a convention), if any. */
  style?: string;
  /** Each name with its convention and the links that use it, in design order. */
  names: Map<string, { style: string | undefined; links: number[] }>;
}

/** Fewer names than this say nothing about a convention. */
const MIN_NAMES = 3;

export function voteNamingStyle(graph: GraphIndex, nameOf: (link: number) => string | undefined): NamingVote {
  const names = new Map<string, { style: string | undefined; links: number[] }>();
  for (let j = 0; j < graph.links.length; j++) {
    if (graph.links[j]!.kind !== 'async') continue;
    const name = nameOf(j);
    if (!name) continue;
    const entry = names.get(name) ?? { style: getNamingStyle(name), links: [] };
    entry.links.push(j);
    names.set(name, entry);
  }
  const counts = new Map<string, number>();
  let voters = 0;
  for (const { style } of names.values()) {
    if (!style) continue;
    voters++;
    counts.set(style, (counts.get(style) ?? 0) + 1);
  }
  let style: string | undefined;
  for (const [candidate, count] of counts) if (count * 2 > voters && voters >= MIN_NAMES) style = candidate;
  return { style, names };
}

function check(graph: GraphIndex, what: 'Channel' | 'Message', nameOf: (link: number) => string | undefined): FindingDraft[] {
  const { style, names } = voteNamingStyle(graph, nameOf);
  if (!style) return [];
  const out: FindingDraft[] = [];
  const example = [...names].find(([, entry]) => entry.style === style)![0];
  for (const [name, entry] of names) {
    if (!entry.style || entry.style === style) continue;
    const nodes = new Set<string>();
    for (const j of entry.links) {
      nodes.add(graph.nodeIds[graph.linkFrom[j]!]!);
      nodes.add(graph.nodeIds[graph.linkTo[j]!]!);
    }
    out.push({
      message: `${what} "${name}" breaks the design's naming convention: most ${what === 'Channel' ? 'channels' : 'messages'} use ${describeNamingStyle(style)} (like "${example}")`,
      nodes: [...nodes],
      links: entry.links.map((j) => graph.linkIds[j]!),
    });
  }
  return out;
}

export const namingConvention: Rule = {
  id: 'naming-convention',
  defaultSeverity: 'info',
  title: 'Name breaks the naming convention',
  description:
    'A channel or message name uses another case or separator than most of the design (more than half of at least 3 names): consumers subscribe by name, so one odd name is a bug waiting.',
  fix: "Rename it to the design's convention (for channels usually `domain.entity.event`, for messages `PascalCase`).",
  check({ graph }) {
    return [
      ...check(graph, 'Channel', (j) => graph.links[j]!.channel),
      ...check(graph, 'Message', (j) => graph.links[j]!.message?.name),
    ];
  },
};
