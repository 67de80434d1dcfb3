import type { NodeKind, NodeOfKind, Topology } from '../../model/index.ts';
import type { RandomStream } from '../core/random.ts';
import type { Ledger, LostReason } from '../ledger/ledger.ts';
import type { Message } from '../message.ts';
import type { NodeStats } from '../session-types.ts';

/** What a node behaviour may ask of the simulation. */
export interface SimContext {
  readonly now: number;
  readonly ledger: Ledger;
  readonly topology: Topology;
  /** Edge indices leaving a node, in topology order. */
  outputs(node: number): readonly number[];
  /** Node index at the far end of an edge. */
  targetOf(edge: number): number;
  /** The node's own random stream. */
  rng(node: number): RandomStream;
  /** Put a message on a link; it arrives at the edge's target after the link's latency. */
  send(edge: number, msg: Message): void;
  /** Call `timer(msg, tag)` on a node after `delayMs` of sim time. */
  schedule(delayMs: number, node: number, msg: Message | undefined, tag?: number): void;
  newMessage(producer: number, seq: number, key: string | undefined, sizeBytes: number): Message;
  /** A fan-out copy: same id and content, its own fate. */
  copyMessage(msg: Message): Message;
  /** First processing by a final consumer completed: the copy's fate is `delivered`. */
  delivered(msg: Message): void;
  lost(msg: Message, reason: LostReason): void;
  /** The consumer finished a message a queue dispatched: tell that queue. */
  ack(msg: Message): void;
  /** Runtime of another node (e.g. a queue reading a consumer's prefetch). */
  runtime(node: number): NodeRuntime;
}

export interface NodeRuntime {
  readonly kind: NodeKind;
  /** Called once when the run starts. */
  start?(): void;
  /** A message arrives on one of this node's input edges. */
  receive(msg: Message, edge: number): void;
  /** A timer this node scheduled fires. */
  timer?(msg: Message | undefined, tag: number): void;
  /** A message this node dispatched was acknowledged downstream. */
  acked?(msg: Message): void;
  /** How many unacknowledged messages a queue may hand this node; Infinity = no limit. */
  readonly prefetchLimit?: number;
  stats(): NodeStats;
}

/** A node kind's behaviour: pure simulation, joined with its view in the UI registry. */
export interface NodeDefinition<K extends NodeKind> {
  kind: K;
  create(node: NodeOfKind<K>, index: number, sim: SimContext): NodeRuntime;
}

export function defineNode<K extends NodeKind>(definition: NodeDefinition<K>): NodeDefinition<K> {
  return definition;
}
