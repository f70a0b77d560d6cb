import {
  useBadgesHidden,
  useDesignStore,
  useDiffOverlayStore,
  useSignalbox,
  useUiStore,
  useWhatIfStore,
} from '../../editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  ControlButton,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { NodeKind } from '../../core/model/types';
import { NODE_KINDS } from '../../core/model/types';
import { findFreeSpot, NODE_HEIGHT, NODE_WIDTH, placeUnplacedNodes } from '../../core/layout/layout';
import { PALETTE_DRAG_TYPE } from '../../components/nodeKindInfo';
import { selectLinks, selectNodes, selectSelection } from '../../state/designStore';
import { DesignNodeCard } from './DesignNodeCard';
import { LinkEdge } from './LinkEdge';
import { AggregateNodeCard } from './AggregateNodeCard';
import { RollupEdge } from './RollupEdge';
import { getAggregateName, toAggregateNodes, toRollupEdges, type AggregateFlowNode, type RollupFlowEdge } from './viewElements';
import { isViewElementId, useViewProjection } from './useViewProjection';
import { FarEdgeLayer } from './FarEdgeLayer';
import { CanvasMiniMap } from './CanvasMiniMap';
import {
  getLinkAreaKey,
  keepLinksNear,
  parseLinkAreaKey,
  getDesignLinkRoutes,
  syncFlowEdges,
  syncFlowNodes,
  type DesignFlowNode,
  type LinkFlowEdge,
} from './flowElements';
import { useFrameRequest } from './useFrameRequest';
import { keepTopClear, VIEW_BAR_ROOM, VIEW_BAR_ROOM_READONLY } from './keepTopClear';
import { ConnectMenu } from './ConnectMenu';

/** A connection let go on empty canvas: where, and from which node, until a kind is picked. */
interface ConnectDrop {
  client: { x: number; y: number };
  /** In pixels from the canvas's top-left, where the menu opens. */
  local: { x: number; y: number };
  other: string;
  direction: 'out' | 'in';
}
import { getGhostElements } from './ghostElements';

// Module scope: a new object per render would remount every node (React Flow's guide).
const nodeTypes = { design: DesignNodeCard, aggregate: AggregateNodeCard } as const;
const edgeTypes = { link: LinkEdge, rollup: RollupEdge } as const;
type CanvasNode = DesignFlowNode | AggregateFlowNode;
type CanvasEdge = LinkFlowEdge | RollupFlowEdge;
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#64748b' } } as const;
const MINIMAP_STYLE = { width: 168, height: 112 } as const;
const GRID: [number, number] = [16, 16];
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// Module scope too: React Flow copies changed props into its store, and the canvas re-renders on
// every drag frame (applyNodeChanges), so a fresh object here would be a store update per frame.
// minZoom: a fitted first view must stay readable (node names >= 10 px on screen with the
// `mid` card below); a design too big for that opens at its centre and the fit button shows all.
const FIT_VIEW_OPTIONS = { padding: 0.08, maxZoom: 1.1, minZoom: 0.55, includeHiddenNodes: true } as const;
// The fit button counts the cards drawn as pictures too (React Flow holds them hidden).
const FIT_BUTTON_OPTIONS = { includeHiddenNodes: true } as const;
const PRO_OPTIONS = { hideAttribution: true } as const;
/** Above this many nodes only what is on screen is rendered (RECIPES.md: culling keeps ~58 fps). */
const CULL_ABOVE = 400;
/**
 * Level of detail by zoom: mid and far draw the name larger (on two lines) and drop the details,
 * so a name stays >= 10 px on screen (app.css); tiny draws nodes as blocks.
 */
const getDetail = (s: { transform: [number, number, number] }) =>
  s.transform[2] < 0.2 ? 'tiny' : s.transform[2] < 0.45 ? 'far' : s.transform[2] < 0.8 ? 'mid' : 'near';
const getLinkArea = (s: { transform: [number, number, number]; width: number; height: number }) =>
  getLinkAreaKey(s.transform, s.width, s.height);
const getNoLinkArea = () => '';

function minimapColor(node: CanvasNode): string {
  return node.type === 'design' ? (MINIMAP_COLORS[node.data.node.kind] ?? '#94a3b8') : '#94a3b8';
}
const MINIMAP_COLORS: Record<string, string> = {
  service: '#3b82f6',
  gateway: '#8b5cf6',
  broker: '#f59e0b',
  database: '#10b981',
  client: '#64748b',
  external: '#ec4899',
};

export function Canvas() {
  const editor = useSignalbox();
  const { design: designStore, ui: uiStore, whatIf: whatIfStore } = editor;
  const canEdit = useCallback(() => !uiStore.getState().readOnly && !whatIfStore.getState().active, [uiStore, whatIfStore]);
  const startRename = editor.uiActions.startRename;
  const allDesignNodes = useDesignStore(selectNodes);
  const allLinks = useDesignStore(selectLinks);
  // A view (filters, focus, collapsed groups) draws part of the design; without one, all of it.
  const view = useViewProjection(allDesignNodes, allLinks);
  const designNodes = view?.nodes ?? allDesignNodes;
  const links = view?.links ?? allLinks;
  const selection = useDesignStore(selectSelection);
  const documentVersion = useDesignStore((s) => s.documentVersion);
  const readOnly = useUiStore((s) => s.readOnly);
  // What-if is a view, not an edit: a drag there would move nodes and enter undo history.
  const whatIfActive = useWhatIfStore((s) => s.active);
  const snapToGrid = useUiStore((s) => s.snapToGrid ?? false);
  const detail = useFlowStore(getDetail);
  const badgesHidden = useBadgesHidden();
  const { screenToFlowPosition, fitView, getIntersectingNodes, getNodesBounds, getNodes, getViewport, setViewport } =
    useReactFlow();

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedLinks = useMemo(() => new Set(selection.links), [selection.links]);

  // React Flow's nodes are state (it writes drag positions and measured sizes into them); they
  // are re-derived from the design whenever the design or the selection changes, during render.
  const [nodes, setNodes] = useState<DesignFlowNode[]>(() => syncFlowNodes([], designNodes, selectedNodes));
  const [derivedFrom, setDerivedFrom] = useState({ designNodes, selectedNodes });
  if (derivedFrom.designNodes !== designNodes || derivedFrom.selectedNodes !== selectedNodes) {
    setDerivedFrom({ designNodes, selectedNodes });
    setNodes((prev) => syncFlowNodes(prev, designNodes, selectedNodes));
  }

  const edgeCache = useRef(new Map<string, LinkFlowEdge>());
  // Routed when cards or links change, not on a selection change.
  const linkRoutes = useMemo(() => getDesignLinkRoutes(designNodes, links), [designNodes, links]);
  const allEdges = useMemo(() => {
    const next = syncFlowEdges(edgeCache.current, links, selectedLinks, designNodes, linkRoutes);
    edgeCache.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [links, selectedLinks, designNodes, linkRoutes]);

  const large = nodes.length > CULL_ABOVE;
  const linkAreaKey = useFlowStore(large ? getLinkArea : getNoLinkArea);
  // Far out in a large design the links are one picture (FarEdgeLayer); only selected links stay
  // SVG elements, so a selection still shows and can be clicked.
  const farEdges = large && detail !== 'near';
  const edges = useMemo(() => {
    if (farEdges) return allEdges.filter((e) => e.selected);
    const area = parseLinkAreaKey(linkAreaKey);
    return area ? keepLinksNear(allEdges, designNodes, area, selectedNodes) : allEdges;
  }, [allEdges, designNodes, linkAreaKey, selectedNodes, farEdges]);

  // Compare with a version: what the version had and the design lost, ghosted where it was.
  const ghostNodes = useDiffOverlayStore((s) => s.ghostNodes);
  const ghostLinks = useDiffOverlayStore((s) => s.ghostLinks);
  const ghosts = useMemo(
    () => getGhostElements(ghostNodes, ghostLinks, allDesignNodes),
    [ghostNodes, ghostLinks, allDesignNodes],
  );
  // Zoomed to blocks in a large design, the cards are drawn on the far-zoom canvas
  // (FarEdgeLayer): React Flow keeps them, hidden, for their geometry, and draws no element each.
  const cardsAsPicture = large && detail === 'tiny';
  const hiddenCards = useRef(new WeakMap<DesignFlowNode, DesignFlowNode>());
  const drawnNodes = useMemo(() => {
    if (!cardsAsPicture) return nodes;
    const cache = hiddenCards.current;
    return nodes.map((n) => {
      let hidden = cache.get(n);
      if (!hidden) cache.set(n, (hidden = { ...n, hidden: true }));
      return hidden;
    });
  }, [nodes, cardsAsPicture]);
  const shownNodes = useMemo(() => (ghosts.nodes.length ? [...drawnNodes, ...ghosts.nodes] : drawnNodes), [drawnNodes, ghosts]);
  // Under comparison a link's status is in its name too, not only in its colour.
  const diffLinks = useDiffOverlayStore((s) => s.links);
  const shownEdges = useMemo(() => {
    const marked = Object.keys(diffLinks).length
      ? edges.map((e) => {
          const status = diffLinks[e.id];
          return status ? { ...e, ariaLabel: `${e.ariaLabel} (${status})` } : e;
        })
      : edges;
    return ghosts.edges.length ? [...marked, ...ghosts.edges] : marked;
  }, [edges, ghosts, diffLinks]);

  // Nodes added without a position (in code, by paste of a bare node) go next to their links.
  useEffect(() => {
    if (Object.values(designNodes).every((n) => n.at)) return;
    designStore.getState().placeNodes(placeUnplacedNodes(designStore.getState().design));
  }, [designNodes, designStore]);

  // A different document, view mode, or another view of it: show all of what is drawn.
  const viewKey = view?.key ?? '';
  useEffect(() => {
    void fitView(FIT_VIEW_OPTIONS).then(() => {
      const next = keepTopClear(
        getViewport(),
        getNodesBounds(getNodes()),
        readOnly ? VIEW_BAR_ROOM_READONLY : VIEW_BAR_ROOM,
        canvasRef.current?.clientHeight ?? 0,
      );
      if (next) void setViewport(next);
    });
  }, [documentVersion, readOnly, viewKey, fitView, getNodesBounds, getNodes, getViewport, setViewport]);

  const aggregateNodes = useMemo(() => toAggregateNodes(view?.projection.aggregates ?? []), [view?.projection]);
  const rollupEdges = useMemo(() => {
    const aggregates = new Map((view?.projection.aggregates ?? []).map((a) => [a.id, getAggregateName(a)]));
    return toRollupEdges(view?.projection.rolledUp ?? [], (id) => aggregates.get(id) ?? designNodes[id]?.name ?? id);
  }, [view?.projection, designNodes]);
  const flowNodes = useMemo<CanvasNode[]>(
    () => (aggregateNodes.length > 0 ? [...shownNodes, ...aggregateNodes] : shownNodes),
    [shownNodes, aggregateNodes],
  );
  const flowEdges = useMemo<CanvasEdge[]>(
    () => (rollupEdges.length > 0 ? [...shownEdges, ...rollupEdges] : shownEdges),
    [shownEdges, rollupEdges],
  );

  useFrameRequest();

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const kept: NodeChange<DesignFlowNode>[] = [];
      let selectionChanged = false;
      const selected = new Set(designStore.getState().selection.nodes);
      for (const change of changes) {
        if (change.type === 'select') {
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
          selectionChanged = true;
        } else if ((change.type === 'position' || change.type === 'dimensions') && !isViewElementId(change.id)) {
          kept.push(change);
        }
        // 'remove' is ignored: Delete goes through the store (deleteKeyCode is off).
      }
      if (kept.length > 0) setNodes((nds) => applyNodeChanges(kept, nds));
      if (selectionChanged) designStore.getState().select({ nodes: [...selected] });
    },
    [designStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const selected = new Set(designStore.getState().selection.links);
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select' || isViewElementId(change.id)) continue;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
        changed = true;
      }
      if (changed) designStore.getState().select({ links: [...selected] });
    },
    [designStore],
  );

  // Record on drag stop: React Flow emits a position change per pixel, undo wants one step.
  const onNodeDragStop = useCallback(
    (_: unknown, _node: CanvasNode, dragged: CanvasNode[]) => {
      const positions: Record<string, [number, number]> = {};
      for (const n of dragged) if (n.type === 'design') positions[n.id] = [n.position.x, n.position.y];
      designStore.getState().moveNodes(positions);
    },
    [designStore],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) designStore.getState().connect(c.source, c.target);
    },
    [designStore],
  );

  const [connectDrop, setConnectDrop] = useState<ConnectDrop | null>(null);
  const canvasRef = useRef<HTMLDivElement>(null);

  // Dropping a link anywhere on a node's card connects to it, not only on the small handle; on
  // empty canvas it offers the kinds of node to create there, linked (draw.io, React Flow's recipe).
  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      // The node under the drop, asked of React Flow (its geometry), not found in its DOM.
      const at = screenToFlowPosition({ x: point.clientX, y: point.clientY });
      const targetId = getIntersectingNodes({ x: at.x, y: at.y, width: 1, height: 1 }, true).at(-1)?.id;
      // Empty canvas: inside it, not on its chrome (controls, minimap, menus). A drop on a line is
      // not a drop on a node, so it counts as empty.
      const under = document.elementFromPoint(point.clientX, point.clientY);
      const onCanvas = !!under && !!canvasRef.current?.contains(under);
      const onChrome = !!under?.closest('button, select, [role="menu"], [role="toolbar"], .canvas-view, svg[role="img"]');
      if (!targetId && onCanvas && !onChrome) {
        const box = canvasRef.current?.getBoundingClientRect();
        if (!box) return;
        setConnectDrop({
          client: { x: point.clientX, y: point.clientY },
          // Kept inside the canvas: a drop near its right or bottom edge must not clip the menu.
          local: {
            x: Math.min(point.clientX - box.left, box.width - 230),
            y: Math.min(point.clientY - box.top, box.height - 275),
          },
          other: state.fromNode.id,
          direction: state.fromHandle?.type === 'target' ? 'in' : 'out',
        });
        return;
      }
      if (!targetId || targetId === state.fromNode.id || isViewElementId(targetId)) return;
      const fromIsSource = state.fromHandle?.type !== 'target';
      const [from, to] = fromIsSource ? [state.fromNode.id, targetId] : [targetId, state.fromNode.id];
      designStore.getState().connect(from, to);
    },
    [designStore, screenToFlowPosition, getIntersectingNodes],
  );

  const isValidConnection = useCallback(
    (c: Connection | CanvasEdge) => c.source !== c.target && !isViewElementId(c.source) && !isViewElementId(c.target),
    [],
  );

  // What-if mode: a click takes a node down (or brings it back) instead of selecting it.
  const onNodeClick = useCallback(
    (_: unknown, node: CanvasNode) => {
      const { active, down } = whatIfStore.getState();
      if (active && node.type === 'design') editor.whatIfMode.setNodeDown(node.id, !down.includes(node.id));
    },
    [editor.whatIfMode, whatIfStore],
  );

  // Double-click renames in place, as in draw.io and Excalidraw (not in a view or in what-if).
  const onNodeDoubleClick = useCallback(
    (_: unknown, node: CanvasNode) => {
      if (canEdit() && node.type === 'design') startRename('node', node.id);
    },
    [canEdit, startRename],
  );
  const onEdgeDoubleClick = useCallback(
    (_: unknown, edge: CanvasEdge) => {
      if (canEdit() && edge.type === 'link') startRename('link', edge.id);
    },
    [canEdit, startRename],
  );

  const onConnectPick = useCallback(
    (kind: NodeKind) => {
      if (!connectDrop) return;
      setConnectDrop(null);
      const p = screenToFlowPosition(connectDrop.client);
      // The new card's near side sits at the drop point, its middle level with it.
      const x = connectDrop.direction === 'out' ? p.x : p.x - NODE_WIDTH;
      const at = findFreeSpot(designStore.getState().design, [x, p.y - NODE_HEIGHT / 2]);
      const added = designStore.getState().addConnectedNode(kind, at, connectDrop.other, connectDrop.direction);
      const id = added.ok ? added.id : undefined;
      // Name it at once: a new node's first edit is nearly always its name.
      if (id) startRename('node', id);
    },
    [connectDrop, screenToFlowPosition, designStore, startRename],
  );
  const closeConnectMenu = useCallback(() => setConnectDrop(null), []);
  const connectFromName = useDesignStore((s) => (connectDrop ? (s.design.nodes[connectDrop.other]?.name ?? '') : ''));

  // Files dragged over the canvas: say what letting go does (nothing else on screen does).
  const [filesOver, setFilesOver] = useState(false);
  const onDragOver = useCallback(
    (event: React.DragEvent) => {
      const types = event.dataTransfer.types;
      if (!types.includes(PALETTE_DRAG_TYPE) && !types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      if (types.includes('Files') && !uiStore.getState().readOnly) setFilesOver(true);
    },
    [uiStore],
  );
  const onDragLeave = useCallback((event: React.DragEvent) => {
    // Moving over a card or a link inside the canvas is not leaving it.
    if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setFilesOver(false);
  }, []);

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      setFilesOver(false);
      // Files dropped from the desktop are imported (compose, Kubernetes, AsyncAPI, OpenAPI).
      if (event.dataTransfer.files.length > 0 && !uiStore.getState().readOnly) {
        event.preventDefault();
        editor.uiActions.requestImport([...event.dataTransfer.files]);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_DRAG_TYPE) as NodeKind;
      if (!NODE_KINDS.includes(kind) || uiStore.getState().readOnly) return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      designStore.getState().addNode(kind, [Math.round(p.x - NODE_WIDTH / 2), Math.round(p.y - NODE_HEIGHT / 2)]);
    },
    [screenToFlowPosition, designStore, editor.uiActions, uiStore],
  );

  return (
    <div
      className={`canvas canvas--${detail}${readOnly ? ' canvas--readonly' : ''}${badgesHidden ? ' canvas--no-badges' : ''}`}
      data-testid="canvas"
      ref={canvasRef}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {filesOver && (
        <div className="canvas__drop-hint">
          <strong>Drop to import</strong>
          <span>docker-compose, Kubernetes and Istio manifests, AsyncAPI or OpenAPI: you see a preview first</span>
        </div>
      )}
      <ReactFlow<CanvasNode, CanvasEdge>
        // React Flow's root is role="application": named, a person (and a screen reader) finds the canvas by it.
        aria-label="Design canvas"
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onEdgeDoubleClick={onEdgeDoubleClick}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionLineType={ConnectionLineType.Bezier}
        nodesDraggable={!readOnly && !whatIfActive}
        nodesConnectable={!readOnly && !whatIfActive}
        edgesReconnectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag={!readOnly}
        panOnDrag={readOnly ? true : PAN_BUTTONS}
        panOnScroll
        zoomOnPinch
        snapToGrid={snapToGrid}
        snapGrid={GRID}
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={large}
        // A selected link stays under the nodes: raised, it ate clicks on the cards and handles below it.
        elevateEdgesOnSelect={false}
        proOptions={PRO_OPTIONS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cbd5e1" />
        {farEdges && (
          <FarEdgeLayer
            links={links}
            cards={cardsAsPicture}
            editable={!readOnly && !whatIfActive}
            boxSelect={!readOnly}
            snapGrid={snapToGrid ? GRID : undefined}
          />
        )}
        {/* React Flow's minimap is an SVG element per node, repainted on every drag frame: above
            the culling size it costs more than it gives (bench/canvas.ts), so a large design has
            the same map drawn on one canvas. */}
        {large ? (
          <CanvasMiniMap<CanvasNode> color={minimapColor} style={MINIMAP_STYLE} ariaLabel="Minimap" />
        ) : (
          <MiniMap<CanvasNode>
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            maskColor="rgba(241, 245, 249, 0.7)"
            ariaLabel="Minimap"
            style={MINIMAP_STYLE}
          />
        )}
        <Controls showInteractive={false} fitViewOptions={FIT_BUTTON_OPTIONS} aria-label="Zoom controls">
          {/* Snapping is an editing aid: a view link shows only zoom and fit. */}
          {!readOnly && (
            <ControlButton
              onClick={() => uiStore.setState({ snapToGrid: !snapToGrid })}
              title={snapToGrid ? 'Snap to grid: on' : 'Snap to grid: off'}
              aria-label="Snap to grid"
              aria-pressed={snapToGrid}
              className={snapToGrid ? 'sb-control--on' : ''}
            >
              <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                <path d="M1 5h14M1 11h14M5 1v14M11 1v14" stroke="currentColor" strokeWidth="1.4" fill="none" />
              </svg>
            </ControlButton>
          )}
          {/* Badges are a view: hidden, they leave the canvas and its PNG/SVG, the findings stay. */}
          <ControlButton
            onClick={() => editor.uiActions.setBadgesHidden(!badgesHidden)}
            title={badgesHidden ? 'Show finding badges' : 'Hide finding badges'}
            aria-label="Hide finding badges"
            aria-pressed={badgesHidden}
            className={badgesHidden ? 'sb-control--on' : ''}
          >
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <circle cx="8" cy="8" r="6" stroke="currentColor" strokeWidth="1.6" fill="none" />
              <path d="M8 4.5v4.5M8 11v0.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
      {connectDrop && (
        <ConnectMenu
          x={connectDrop.local.x}
          y={connectDrop.local.y}
          fromName={connectFromName}
          onPick={onConnectPick}
          onClose={closeConnectMenu}
        />
      )}
      {nodes.length === 0 && aggregateNodes.length === 0 && !readOnly && !view && (
        <div className="canvas__empty" role="note">
          <strong>An empty design</strong>
          <span>
            Add a service from the palette, or drag one onto the canvas. Then drag from a node&rsquo;s right edge to another node
            to link them.
          </span>
        </div>
      )}
    </div>
  );
}
