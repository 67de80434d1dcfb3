import { FORMAT, type Fault, type Scenario, type Topology, type TopologyEdge, type TopologyNode } from '../model/index.ts';
import type { FlowEdge, FlowNode, NodeData } from './topology-types.ts';

export interface DocumentSettings {
  name: string;
  description?: string;
  seed: number;
  /** The run's fault schedule, kept as the file had it. */
  faults: Fault[];
  /** A teaching scenario's block (what to watch, what to expect, its variants), kept as the file had it. */
  scenario?: Scenario;
}

function nodeData(node: TopologyNode): NodeData {
  const { id: _id, position: _position, ...data } = node;
  return data;
}

export function toFlowNode(node: TopologyNode): FlowNode {
  return { id: node.id, type: node.kind, position: { ...node.position }, data: nodeData(node) };
}

export function toFlowEdge(edge: TopologyEdge): FlowEdge {
  const { id, source, target, ...data } = edge;
  return { id, source, target, type: 'flow', data };
}

export function toTopologyNode(node: FlowNode): TopologyNode {
  const out: TopologyNode = { id: node.id, position: { x: node.position.x, y: node.position.y }, ...node.data };
  // Labels are optional in the file; leave the key out rather than write an empty one.
  if (!out.label) delete out.label;
  return out;
}

export function toTopologyEdge(edge: FlowEdge): TopologyEdge {
  if (!edge.data) throw new Error(`edge ${edge.id} has no link settings`);
  return { id: edge.id, source: edge.source, target: edge.target, ...edge.data };
}

/** The plain-JSON topology of what is on the canvas, in canvas order. */
export function toTopology(doc: DocumentSettings, nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Topology {
  return {
    format: FORMAT,
    name: doc.name,
    ...(doc.description === undefined ? {} : { description: doc.description }),
    seed: doc.seed,
    nodes: nodes.map(toTopologyNode),
    edges: edges.map(toTopologyEdge),
    faults: doc.faults,
    ...(doc.scenario === undefined ? {} : { scenario: doc.scenario }),
  };
}
