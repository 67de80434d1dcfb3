import { useCallback, useEffect, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type DefaultEdgeOptions,
  type EdgeTypes,
  type FitViewOptions,
  type IsValidConnection,
  type OnConnectEnd,
} from '@xyflow/react';
import { presetById } from '../../model/index.ts';
import { connectionRefusal } from '../../store/connection-rules.ts';
import { GRID, useEditorPrefs } from '../../store/editor-prefs.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowEdge, FlowNode } from '../../store/topology-types.ts';
import { useUiStore } from '../../store/ui-store.ts';
import { KIND_LOOK } from '../nodes/kind-look.ts';
import { isNodeKind, NODE_TYPES } from '../nodes/registry.ts';
import { DeadLetterLayer } from './DeadLetterLayer.tsx';
import { DotOverlay } from './DotOverlay.tsx';
import { useFaultMenu } from './FaultMenu.tsx';
import { FlowEdgeView } from './FlowEdgeView.tsx';
import { NODE_DRAG_MIME, placeNode, PRESET_DRAG_MIME } from './placement.ts';

// Module constants: React Flow re-creates its internals when these change identity.
const EDGE_TYPES: EdgeTypes = { flow: FlowEdgeView };
const DEFAULT_EDGE_OPTIONS: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: '#94a3b8' },
};
const DELETE_KEYS = ['Backspace', 'Delete'];
// Shift-click adds to the selection (as Ctrl/Cmd-click does); Shift-drag on the pane draws a selection box.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [GRID, GRID];
// The bottom margin keeps the minimap and the zoom controls (bottom corners) from covering
// a node after a fit; flows run left to right, so height is the cheaper side to give.
const FIT_OPTIONS: FitViewOptions = { padding: { top: '40px', bottom: '125px', left: '40px', right: '40px' }, maxZoom: 1.25 };
const MINIMAP_SIZE = { width: 150, height: 100 };
const miniMapColour = (node: FlowNode): string => KIND_LOOK[node.data.kind].colour;

const isValidConnection: IsValidConnection<FlowEdge> = (connection) => {
  const { nodes, edges } = useTopologyStore.getState();
  return connectionRefusal(connection, nodes, edges) === undefined;
};

/** Fits the view whenever the store asks (a file, scenario or autosave replaced the canvas). */
function FitOnRequest() {
  const fitRequest = useUiStore((s) => s.fitRequest);
  const { fitView } = useReactFlow();
  useEffect(() => {
    // fitView waits for the new nodes to be measured before it fits.
    if (fitRequest > 0) void fitView(FIT_OPTIONS);
  }, [fitRequest, fitView]);
  return null;
}

export function FlowCanvas() {
  const nodes = useTopologyStore((s) => s.nodes);
  const edges = useTopologyStore((s) => s.edges);
  const onNodesChange = useTopologyStore((s) => s.onNodesChange);
  const onEdgesChange = useTopologyStore((s) => s.onEdgesChange);
  const connect = useTopologyStore((s) => s.connect);
  const snapToGrid = useEditorPrefs((s) => s.snapToGrid);
  const theme = useEditorPrefs((s) => s.theme);
  const { screenToFlowPosition } = useReactFlow<FlowNode, FlowEdge>();
  const faultMenu = useFaultMenu();

  const onConnect = useCallback(
    (connection: { source: string; target: string }) => {
      const refusal = connect(connection);
      if (refusal) useUiStore.getState().notify(`Cannot connect: ${refusal}`, 'warning');
    },
    [connect],
  );

  // isValidConnection only greys out the target; say why when the user lets go on it.
  const onConnectEnd: OnConnectEnd = useCallback((_event, state) => {
    if (state.isValid !== false || !state.fromNode || !state.toNode) return;
    const fromSource = state.fromHandle?.type !== 'target';
    const connection = fromSource
      ? { source: state.fromNode.id, target: state.toNode.id }
      : { source: state.toNode.id, target: state.fromNode.id };
    const { nodes: all, edges: allEdges } = useTopologyStore.getState();
    const refusal = connectionRefusal(connection, all, allEdges);
    if (refusal) useUiStore.getState().notify(`Cannot connect: ${refusal}`, 'warning');
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_DRAG_MIME) && !event.dataTransfer.types.includes(PRESET_DRAG_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const preset = presetById(event.dataTransfer.getData(PRESET_DRAG_MIME));
      const kind = preset?.kind ?? event.dataTransfer.getData(NODE_DRAG_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      placeNode(kind, at, useTopologyStore.getState().nodes, preset);
    },
    [screenToFlowPosition],
  );

  return (
    <div className="mf-canvas" onDragOver={onDragOver} onDrop={onDrop} onKeyDown={faultMenu.onCanvasKeyDown}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeContextMenu={faultMenu.onNodeContextMenu}
        onEdgeContextMenu={faultMenu.onEdgeContextMenu}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        colorMode={theme}
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.1}
        maxZoom={3}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.5} color="var(--mf-grid-dot)" />
        <Controls position="bottom-left" />
        <MiniMap<FlowNode> position="bottom-right" nodeColor={miniMapColour} pannable zoomable style={MINIMAP_SIZE} />
        <DeadLetterLayer />
        <DotOverlay />
        <FitOnRequest />
      </ReactFlow>
      {faultMenu.element}
    </div>
  );
}
