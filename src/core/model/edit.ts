/**
 * Pure edits of a design. Each returns a new design (structural sharing), never mutates.
 * The store wraps them in history; the CLI and tests call them directly.
 */
import type { Design, DesignNode, Link, NodeKind } from './types';
import { getLinkId, makeNodeId } from './ids';
import { cloneData } from './equal';

/** A patch: a key set to `undefined` is removed. */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

function applyPatch<T extends object>(target: T, patch: Patch<T>): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

export const DEFAULT_NODE_NAMES: Record<NodeKind, string> = {
  client: 'Web app',
  gateway: 'API Gateway',
  service: 'Service',
  broker: 'Message broker',
  database: 'Database',
  external: 'Third-party API',
};

/** Add a node of `kind`; returns the design and the new node's id. */
export function addNode(design: Design, kind: NodeKind, at?: [number, number], name?: string): { design: Design; id: string } {
  const base = name ?? DEFAULT_NODE_NAMES[kind];
  // Number repeated default names so two new services do not read alike on the canvas.
  const taken = new Set(Object.values(design.nodes).map((n) => n.name));
  let display = base;
  for (let i = 2; taken.has(display); i++) display = `${base} ${i}`;
  const id = makeNodeId(display, design.nodes);
  const node: DesignNode = { kind, name: display, ...(at ? { at } : {}) };
  if (kind === 'broker') node.tech = 'kafka';
  if (kind === 'database') node.tech = 'postgres';
  return { design: { ...design, nodes: { ...design.nodes, [id]: node } }, id };
}

/**
 * A connection dropped on empty canvas: a new node of `kind` at `at`, linked to `other` (from it
 * when `direction` is 'out', into it when 'in') with the link their kinds suggest. One edit, so
 * one undo step removes both.
 */
export function addConnectedNode(
  design: Design,
  kind: NodeKind,
  at: [number, number],
  other: string,
  direction: 'out' | 'in',
): { design: Design; id: string; linkId: string } | undefined {
  if (!design.nodes[other]) return undefined;
  const added = addNode(design, kind, at);
  const [from, to] = direction === 'out' ? [other, added.id] : [added.id, other];
  const linked = addLink(added.design, suggestLink(added.design, from, to));
  if (!linked.ok) return undefined;
  return { design: linked.design, id: added.id, linkId: linked.id };
}

export function updateNode(design: Design, id: string, patch: Patch<DesignNode>): Design {
  const node = design.nodes[id];
  if (!node) return design;
  return { ...design, nodes: { ...design.nodes, [id]: applyPatch(node, patch) } };
}

/** Rename a node id, following every link and flow step that names it. */
export function renameNodeId(design: Design, from: string, to: string): Design {
  if (from === to || !design.nodes[from] || design.nodes[to]) return design;
  const nodes: Record<string, DesignNode> = {};
  for (const [id, node] of Object.entries(design.nodes)) nodes[id === from ? to : id] = node;
  const renames = new Map<string, string>();
  const links = design.links.map((link) => {
    if (link.from !== from && link.to !== from) return link;
    const next = { ...link, from: link.from === from ? to : link.from, to: link.to === from ? to : link.to };
    renames.set(getLinkId(link), getLinkId(next));
    return next;
  });
  return renameFlowSteps({ ...design, nodes, links }, renames);
}

/**
 * Whether `id` is still the one the app made from the node's name (`service`, `service-2`,
 * `payment-3-2` after a paste) rather than one a person chose: only such an id follows a rename.
 */
export function isGeneratedNodeId(id: string, name: string): boolean {
  const base = makeNodeId(name, {});
  return id === base || (id.startsWith(`${base}-`) && /^(-\d+)+$/.test(id.slice(base.length)));
}

/**
 * Rename a node; while its id is still the generated one, the id follows the new name (unique:
 * `payment-2` when `payment` is taken), and every link, link id and flow step that names it too,
 * so exports do not end up with `service-2`. Returns the node's id after the rename.
 */
export function renameNode(design: Design, id: string, name: string): { design: Design; id: string } {
  const node = design.nodes[id];
  if (!node || node.name === name) return { design, id };
  const named = updateNode(design, id, { name });
  if (!isGeneratedNodeId(id, node.name)) return { design: named, id };
  const others = Object.fromEntries(Object.entries(design.nodes).filter(([other]) => other !== id));
  const nextId = makeNodeId(name, others);
  if (nextId === id) return { design: named, id };
  return { design: renameNodeId(named, id, nextId), id: nextId };
}

export function moveNodes(design: Design, positions: Record<string, [number, number]>): Design {
  const nodes = { ...design.nodes };
  let changed = false;
  for (const [id, at] of Object.entries(positions)) {
    const node = nodes[id];
    if (!node) continue;
    const rounded: [number, number] = [Math.round(at[0]), Math.round(at[1])];
    if (node.at && node.at[0] === rounded[0] && node.at[1] === rounded[1]) continue;
    nodes[id] = { ...node, at: rounded };
    changed = true;
  }
  return changed ? { ...design, nodes } : design;
}

/**
 * The link a user means when dragging from one node to another (issue 2): toward or from a
 * broker it is async; a call into a database is sync SQL; service to service is sync REST.
 */
export function suggestLink(design: Design, from: string, to: string): Link {
  const a = design.nodes[from];
  const b = design.nodes[to];
  if (a?.kind === 'broker' || b?.kind === 'broker') {
    const channel = a?.kind === 'broker' ? (publishedChannels(design, from)[0] ?? `${to}.events`) : `${from}.events`;
    return { from, to, kind: 'async', channel };
  }
  if (b?.kind === 'database') return { from, to, kind: 'sync', protocol: 'sql' };
  return { from, to, kind: 'sync', protocol: 'rest' };
}

function publishedChannels(design: Design, broker: string): string[] {
  const published = design.links.filter((l) => l.to === broker && l.kind === 'async' && l.channel).map((l) => l.channel!);
  const consumed = new Set(design.links.filter((l) => l.from === broker && l.channel).map((l) => l.channel!));
  // Prefer a channel nobody consumes yet: that is the one a new consumer most likely wants.
  return [...published.filter((c) => !consumed.has(c)), ...published];
}

export type LinkEditResult = { ok: true; design: Design; id: string } | { ok: false; error: string };

export function addLink(design: Design, link: Link): LinkEditResult {
  if (!design.nodes[link.from] || !design.nodes[link.to]) return { ok: false, error: 'both ends must be nodes of the design' };
  const id = getLinkId(link);
  if (design.links.some((l) => getLinkId(l) === id)) return { ok: false, error: `a link ${id} already exists` };
  return { ok: true, design: { ...design, links: [...design.links, link] }, id };
}

/** Update the link with id `id`; if its id changes, flow steps that name it follow. */
export function updateLink(design: Design, id: string, patch: Patch<Link>): LinkEditResult {
  const index = design.links.findIndex((l) => getLinkId(l) === id);
  if (index < 0) return { ok: false, error: `no link ${id}` };
  const next = applyPatch(design.links[index]!, patch);
  const nextId = getLinkId(next);
  if (nextId !== id && design.links.some((l, i) => i !== index && getLinkId(l) === nextId)) {
    return { ok: false, error: `a link ${nextId} already exists` };
  }
  const links = design.links.slice();
  links[index] = next;
  const renamed = nextId === id ? { ...design, links } : renameFlowSteps({ ...design, links }, new Map([[id, nextId]]));
  return { ok: true, design: renamed, id: nextId };
}

function renameFlowSteps(design: Design, renames: Map<string, string>): Design {
  if (!design.flows || renames.size === 0) return design;
  const flows = design.flows.map((flow) => ({
    ...flow,
    steps: flow.steps.map((step) => (renames.has(step.link) ? { ...step, link: renames.get(step.link)! } : step)),
  }));
  return { ...design, flows };
}

/** Remove nodes (with their links) and links; flow steps naming removed links go too. */
export function removeElements(design: Design, nodeIds: readonly string[], linkIds: readonly string[]): Design {
  const goneNodes = new Set(nodeIds);
  const goneLinks = new Set(linkIds);
  const nodes = Object.fromEntries(Object.entries(design.nodes).filter(([id]) => !goneNodes.has(id)));
  const removedIds = new Set<string>();
  const links = design.links.filter((l) => {
    const drop = goneLinks.has(getLinkId(l)) || goneNodes.has(l.from) || goneNodes.has(l.to);
    if (drop) removedIds.add(getLinkId(l));
    return !drop;
  });
  const flows = design.flows?.map((f) => ({ ...f, steps: f.steps.filter((s) => !removedIds.has(s.link)) }));
  const next: Design = { ...design, nodes, links };
  if (flows) next.flows = flows;
  return next;
}

/** What copy takes: the nodes and the links between them. */
export interface Clipboard {
  nodes: Record<string, DesignNode>;
  links: Link[];
}

export function copyElements(design: Design, nodeIds: readonly string[]): Clipboard {
  const ids = new Set(nodeIds);
  const nodes = Object.fromEntries(Object.entries(design.nodes).filter(([id]) => ids.has(id)));
  const links = design.links.filter((l) => ids.has(l.from) && ids.has(l.to));
  return cloneData({ nodes, links });
}

/** Paste a clipboard with fresh ids, shifted by `offset`; returns the new node ids. */
export function pasteElements(
  design: Design,
  clip: Clipboard,
  offset: [number, number],
): { design: Design; nodeIds: string[]; linkIds: string[] } {
  const nodes = { ...design.nodes };
  const idMap = new Map<string, string>();
  for (const [oldId, node] of Object.entries(clip.nodes)) {
    const id = makeNodeId(oldId, nodes);
    idMap.set(oldId, id);
    const at: [number, number] | undefined = node.at ? [node.at[0] + offset[0], node.at[1] + offset[1]] : undefined;
    nodes[id] = { ...cloneData(node), ...(at ? { at } : {}) };
  }
  const links: Link[] = [];
  for (const link of clip.links) {
    const from = idMap.get(link.from);
    const to = idMap.get(link.to);
    if (!from || !to) continue;
    const next: Link = { ...cloneData(link), from, to };
    delete next.id;
    links.push(next);
  }
  return {
    design: { ...design, nodes, links: [...design.links, ...links] },
    nodeIds: [...idMap.values()],
    linkIds: links.map(getLinkId),
  };
}

/** A blank design: what "New" opens. */
export function createEmptyDesign(name = 'Untitled design'): Design {
  return { signalbox: 1, name, nodes: {}, links: [] };
}
