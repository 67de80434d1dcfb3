import type { Edge, Node } from '@xyflow/react';
import type { NodeKind, NodeOfKind, TopologyEdge } from '../model/index.ts';

/** What a canvas node carries: its topology node minus id and position (React Flow owns those). */
export type KindData<K extends NodeKind> = { kind: K; label?: string; config: NodeOfKind<K>['config'] };
export type NodeDataByKind = { [K in NodeKind]: KindData<K> };
export type NodeData = NodeDataByKind[NodeKind];

/** A canvas node; `type` is the node kind and picks the component. */
export type FlowNode = Node<NodeData, NodeKind>;
export type FlowNodeOf<K extends NodeKind> = Node<KindData<K>, K>;

/** What a canvas edge carries: its topology edge minus id and ends. */
export type EdgeData = Omit<TopologyEdge, 'id' | 'source' | 'target'>;
export type FlowEdge = Edge<EdgeData, 'flow'>;
