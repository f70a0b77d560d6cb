/**
 * Views of a large design: what to show (filters, focus) and at which level (services, groups,
 * teams). A view never edits the design: `projectView` derives what the canvas and the
 * exporters draw, and `designForView` turns that into an ordinary design for the exporters.
 */
import type { Design, DesignNode, DesignView, Finding, Link, NodeKind, Severity } from '../model/types';
import { NODE_KINDS, SEVERITY_RANK } from '../model/types';
import { getLinkId } from '../model/ids';

export const VIEW_LEVELS = ['services', 'groups', 'teams'] as const;
export type ViewLevel = (typeof VIEW_LEVELS)[number];

export const FOCUS_DIRECTIONS = ['both', 'upstream', 'downstream'] as const;
export type FocusDirection = (typeof FOCUS_DIRECTIONS)[number];

/** A link's "protocol" for filtering: a sync link's protocol (or `call`), or `async`. */
export const LINK_FILTERS = ['rest', 'grpc', 'graphql', 'websocket', 'thrift', 'soap', 'sql', 'call', 'async'] as const;

/** A named view as `views:` holds it (format.md, Views): every key optional, `{}` shows everything. */
export type ViewSpec = DesignView;
export type ViewFocus = NonNullable<DesignView['focus']>;

/** A collapsed group or team, drawn as one node. */
export interface ViewAggregate {
  /** `group:payments` or `team:ordering`: never a valid node id, so it cannot collide with one. */
  id: string;
  grouping: 'group' | 'team';
  key: string;
  members: string[];
  /** Links between members, folded into the aggregate. */
  innerLinks: number;
  /** The members' centre, so expanding and collapsing keep the picture in place. */
  at: [number, number];
  worst?: Severity;
  kinds: Partial<Record<NodeKind, number>>;
}

/** Links between two drawn ends folded into one, when at least one end is an aggregate. */
export interface RolledUpLink {
  id: string;
  from: string;
  to: string;
  links: string[];
  sync: number;
  async: number;
  worst?: Severity;
}

export interface ViewProjection {
  /** Design nodes drawn as themselves. */
  nodes: string[];
  /** Design links drawn as themselves (both ends drawn as themselves). */
  links: Link[];
  aggregates: ViewAggregate[];
  rolledUp: RolledUpLink[];
  /** Design nodes neither drawn nor inside an aggregate. */
  hidden: number;
}

export interface ViewFindings {
  worstByNode?: Readonly<Record<string, Severity>>;
  worstByLink?: Readonly<Record<string, Severity>>;
}

export function getLinkFilterKey(link: Link): string {
  return link.kind === 'async' ? 'async' : (link.protocol ?? 'call');
}

const worse = (a: Severity | undefined, b: Severity | undefined): Severity | undefined =>
  a === undefined ? b : b === undefined ? a : SEVERITY_RANK[b] < SEVERITY_RANK[a] ? b : a;

/** True when the view changes nothing: the canvas then draws the design as it is. */
export function isEmptyView(spec: ViewSpec | null | undefined): boolean {
  if (!spec) return true;
  const level = spec.level ?? 'services';
  return (
    level === 'services' &&
    !spec.kinds?.length &&
    !spec.teams?.length &&
    !spec.tags?.length &&
    !spec.groups?.length &&
    !spec.protocols?.length &&
    spec.severity === undefined &&
    spec.focus === undefined
  );
}

/** Node ids within `hops` links of `start`, following links upstream, downstream or both. */
export function getFocusNodes(design: Design, focus: ViewFocus): Set<string> {
  const seen = new Set<string>();
  if (!(focus.node in design.nodes)) return seen;
  const direction = focus.direction ?? 'both';
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const link of design.links) {
    (out.get(link.from) ?? out.set(link.from, []).get(link.from)!).push(link.to);
    (into.get(link.to) ?? into.set(link.to, []).get(link.to)!).push(link.from);
  }
  seen.add(focus.node);
  let frontier = [focus.node];
  for (let hop = 0; hop < Math.max(0, focus.hops) && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      const around = [
        ...(direction !== 'upstream' ? (out.get(id) ?? []) : []),
        ...(direction !== 'downstream' ? (into.get(id) ?? []) : []),
      ];
      for (const other of around) {
        if (seen.has(other) || !(other in design.nodes)) continue;
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return seen;
}

function nodePasses(id: string, node: DesignNode, spec: ViewSpec, findings: ViewFindings): boolean {
  if (spec.kinds?.length && !spec.kinds.includes(node.kind)) return false;
  if (spec.teams?.length && (node.team === undefined || !spec.teams.includes(node.team))) return false;
  if (spec.groups?.length && (node.group === undefined || !spec.groups.includes(node.group))) return false;
  if (spec.tags?.length && !(node.tags ?? []).some((t) => spec.tags!.includes(t))) return false;
  if (spec.severity !== undefined) {
    const worst = findings.worstByNode?.[id];
    if (worst === undefined || SEVERITY_RANK[worst] > SEVERITY_RANK[spec.severity]) return false;
  }
  return true;
}

/** What a view draws of a design. Linear in nodes + links. */
export function projectView(design: Design, spec: ViewSpec, findings: ViewFindings = {}): ViewProjection {
  const focus = spec.focus ? getFocusNodes(design, spec.focus) : null;
  const shown = new Set<string>();
  for (const [id, node] of Object.entries(design.nodes)) {
    if (focus && !focus.has(id)) continue;
    if (nodePasses(id, node, spec, findings)) shown.add(id);
  }
  // A severity filter shows the findings' nodes and what the findings' links join.
  if (spec.severity !== undefined && findings.worstByLink) {
    for (const link of design.links) {
      const worst = findings.worstByLink[getLinkId(link)];
      if (worst === undefined || SEVERITY_RANK[worst] > SEVERITY_RANK[spec.severity]) continue;
      if (!focus || (focus.has(link.from) && focus.has(link.to))) {
        if (link.from in design.nodes) shown.add(link.from);
        if (link.to in design.nodes) shown.add(link.to);
      }
    }
  }
  const protocols = spec.protocols?.length ? new Set(spec.protocols) : null;

  const level = spec.level ?? 'services';
  const grouping = level === 'groups' ? 'group' : level === 'teams' ? 'team' : null;
  const collapsed = spec.collapsed ? new Set(spec.collapsed) : null;
  const aggregateOf = new Map<string, string>();
  const aggregates = new Map<string, ViewAggregate & { sum: [number, number]; placed: number }>();
  if (grouping) {
    for (const id of shown) {
      const node = design.nodes[id]!;
      const key = grouping === 'group' ? node.group : node.team;
      if (key === undefined || key === '' || (collapsed && !collapsed.has(key))) continue;
      const aggId = `${grouping}:${key}`;
      let agg = aggregates.get(aggId);
      if (!agg) {
        agg = { id: aggId, grouping, key, members: [], innerLinks: 0, at: [0, 0], kinds: {}, sum: [0, 0], placed: 0 };
        aggregates.set(aggId, agg);
      }
      agg.members.push(id);
      agg.kinds[node.kind] = (agg.kinds[node.kind] ?? 0) + 1;
      agg.worst = worse(agg.worst, findings.worstByNode?.[id]);
      if (node.at) {
        agg.sum[0] += node.at[0];
        agg.sum[1] += node.at[1];
        agg.placed++;
      }
      aggregateOf.set(id, aggId);
    }
  }

  const links: Link[] = [];
  const rolled = new Map<string, RolledUpLink>();
  for (const link of design.links) {
    if (!shown.has(link.from) || !shown.has(link.to)) continue;
    if (protocols && !protocols.has(getLinkFilterKey(link))) continue;
    const from = aggregateOf.get(link.from) ?? link.from;
    const to = aggregateOf.get(link.to) ?? link.to;
    const id = getLinkId(link);
    if (from === link.from && to === link.to) {
      links.push(link);
      continue;
    }
    if (from === to) {
      aggregates.get(from)!.innerLinks++;
      continue;
    }
    const key = `${from}=>${to}`;
    let r = rolled.get(key);
    if (!r) {
      r = { id: `rollup:${key}`, from, to, links: [], sync: 0, async: 0 };
      rolled.set(key, r);
    }
    r.links.push(id);
    if (link.kind === 'sync') r.sync++;
    else r.async++;
    r.worst = worse(r.worst, findings.worstByLink?.[id]);
  }

  const drawn: string[] = [];
  for (const id of Object.keys(design.nodes)) if (shown.has(id) && !aggregateOf.has(id)) drawn.push(id);
  const aggList: ViewAggregate[] = [];
  for (const { sum, placed, ...agg } of aggregates.values()) {
    aggList.push({ ...agg, at: placed > 0 ? [Math.round(sum[0] / placed), Math.round(sum[1] / placed)] : [0, 0] });
  }
  return {
    nodes: drawn,
    links,
    aggregates: aggList,
    rolledUp: [...rolled.values()],
    hidden: Object.keys(design.nodes).length - shown.size,
  };
}

/** The groups (or teams) a design has, in first-seen order, for the level switch and filters. */
export function getGroupings(design: Design): { groups: string[]; teams: string[]; tags: string[] } {
  const groups = new Set<string>();
  const teams = new Set<string>();
  const tags = new Set<string>();
  for (const node of Object.values(design.nodes)) {
    if (node.group) groups.add(node.group);
    if (node.team) teams.add(node.team);
    for (const tag of node.tags ?? []) tags.add(tag);
  }
  return { groups: [...groups], teams: [...teams], tags: [...tags] };
}

/**
 * The same view with `collapsed` spelled out (a saved `level: groups` means every group), so
 * expanding one group in place keeps the others collapsed.
 */
export function withExplicitCollapsed(design: Design, spec: ViewSpec): ViewSpec {
  const level = spec.level ?? 'services';
  if (level === 'services' || spec.collapsed) return spec;
  const { groups, teams } = getGroupings(design);
  return { ...spec, collapsed: level === 'groups' ? groups : teams };
}

/** Aggregate ids as the exporters' node ids: `group:payments` -> `group-payments`, unique. */
function exportId(aggId: string, taken: Set<string>): string {
  const base = aggId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/g, '') || 'group';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/**
 * A view as an ordinary design, for the exporters (Mermaid of a view): drawn nodes as they are,
 * each aggregate as one node named for its group and size, rolled-up links as one link each
 * (sync when any member link is sync) whose notes say how many links it stands for.
 */
export function designForView(design: Design, spec: ViewSpec, findings: ViewFindings = {}): Design {
  const projection = projectView(design, spec, findings);
  const nodes: Record<string, DesignNode> = {};
  for (const id of projection.nodes) nodes[id] = design.nodes[id]!;
  const taken = new Set(Object.keys(design.nodes));
  const ids = new Map<string, string>();
  for (const agg of projection.aggregates) {
    const id = exportId(agg.id, taken);
    ids.set(agg.id, id);
    const kind = NODE_KINDS.find((k) => agg.kinds[k] === agg.members.length) ?? 'service';
    const what = agg.grouping === 'group' ? 'group' : 'team';
    nodes[id] = { kind, name: `${agg.key} (${what}, ${agg.members.length})`, at: agg.at };
  }
  const links: Link[] = [...projection.links];
  for (const r of projection.rolledUp) {
    const from = ids.get(r.from) ?? r.from;
    const to = ids.get(r.to) ?? r.to;
    const count = r.sync + r.async;
    const notes = `${count} link${count === 1 ? '' : 's'}`;
    links.push(
      r.sync > 0
        ? { from, to, kind: 'sync', notes }
        : { from, to, kind: 'async', channel: `${count} channel${count === 1 ? '' : 's'}`, notes },
    );
  }
  const { views: _views, ...rest } = design;
  return { ...rest, nodes, links, flows: [] };
}

/** Worst severity per node and per link, from a lint's findings (for severity filters and badges). */
export function getWorstFindings(findings: readonly Finding[]): Required<ViewFindings> {
  const worstByNode: Record<string, Severity> = {};
  const worstByLink: Record<string, Severity> = {};
  for (const f of findings) {
    for (const id of f.nodes) worstByNode[id] = worse(worstByNode[id], f.severity)!;
    for (const id of f.links) worstByLink[id] = worse(worstByLink[id], f.severity)!;
  }
  return { worstByNode, worstByLink };
}

/** One of the design's named views as a design of its own, or why not. */
export function getNamedViewDesign(
  design: Design,
  name: string,
  findings: readonly Finding[],
): { ok: true; design: Design } | { ok: false; error: string } {
  const spec = Object.prototype.hasOwnProperty.call(design.views ?? {}, name) ? design.views![name] : undefined;
  if (!spec) {
    const known = Object.keys(design.views ?? {});
    return {
      ok: false,
      error: `no view "${name}" in the design; ${known.length > 0 ? `known views: ${known.join(', ')}` : 'it has no views: key'}`,
    };
  }
  return { ok: true, design: designForView(design, spec as ViewSpec, getWorstFindings(findings)) };
}
