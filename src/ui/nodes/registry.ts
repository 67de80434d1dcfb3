import type { ComponentType } from 'react';
import type { NodeTypes } from '@xyflow/react';
import { NODE_KINDS, type NodeKind } from '../../model/index.ts';
import { AggregatorForm } from './AggregatorForm.tsx';
import { AggregatorNode } from './AggregatorNode.tsx';
import { ClaimCheckForm } from './ClaimCheckForm.tsx';
import { ClaimCheckNode } from './ClaimCheckNode.tsx';
import { ConsumerForm } from './ConsumerForm.tsx';
import { ConsumerNode } from './ConsumerNode.tsx';
import { ReplierForm } from './ReplierForm.tsx';
import { ReplierNode } from './ReplierNode.tsx';
import { RequesterForm } from './RequesterForm.tsx';
import { RequesterNode } from './RequesterNode.tsx';
import { ScatterGatherForm } from './ScatterGatherForm.tsx';
import { ScatterGatherNode } from './ScatterGatherNode.tsx';
import { ContentEnricherForm } from './ContentEnricherForm.tsx';
import { ContentEnricherNode } from './ContentEnricherNode.tsx';
import { ContentFilterForm } from './ContentFilterForm.tsx';
import { ContentFilterNode } from './ContentFilterNode.tsx';
import { ContentRouterForm } from './ContentRouterForm.tsx';
import { ContentRouterNode } from './ContentRouterNode.tsx';
import { EnvelopeWrapperForm } from './EnvelopeWrapperForm.tsx';
import { EnvelopeWrapperNode } from './EnvelopeWrapperNode.tsx';
import { ExchangeForm } from './ExchangeForm.tsx';
import { ExchangeNode } from './ExchangeNode.tsx';
import { MqttBrokerForm } from './MqttBrokerForm.tsx';
import { MqttBrokerNode } from './MqttBrokerNode.tsx';
import { NatsServerForm } from './NatsServerForm.tsx';
import { NatsServerNode } from './NatsServerNode.tsx';
import type { KindFormProps } from './form-props.ts';
import { KafkaTopicForm } from './KafkaTopicForm.tsx';
import { KafkaTopicNode } from './KafkaTopicNode.tsx';
import { KIND_LOOK, PALETTE_GROUPS, type KindLook } from './kind-look.ts';
import { LoadBalancerForm } from './LoadBalancerForm.tsx';
import { LoadBalancerNode } from './LoadBalancerNode.tsx';
import { MessageFilterForm } from './MessageFilterForm.tsx';
import { MessageFilterNode } from './MessageFilterNode.tsx';
import { ProducerForm } from './ProducerForm.tsx';
import { ProducerNode } from './ProducerNode.tsx';
import { QueueForm } from './QueueForm.tsx';
import { QueueNode } from './QueueNode.tsx';
import { RecipientListForm } from './RecipientListForm.tsx';
import { RecipientListNode } from './RecipientListNode.tsx';
import { ResequencerForm } from './ResequencerForm.tsx';
import { ResequencerNode } from './ResequencerNode.tsx';
import { SplitterForm } from './SplitterForm.tsx';
import { SplitterNode } from './SplitterNode.tsx';
import { TopicForm } from './TopicForm.tsx';
import { TopicNode } from './TopicNode.tsx';
import { TranslatorForm } from './TranslatorForm.tsx';
import { TranslatorNode } from './TranslatorNode.tsx';
import { WireTapForm } from './WireTapForm.tsx';
import { WireTapNode } from './WireTapNode.tsx';
import { ZmqSocketForm } from './ZmqSocketForm.tsx';
import { ZmqSocketNode } from './ZmqSocketNode.tsx';

/** Everything the UI knows about one node kind. Adding a kind = one entry here plus its files. */
export interface NodeKindEntry<K extends NodeKind> extends KindLook {
  kind: K;
  /** The canvas component (memo'd), typed as React Flow's nodeTypes want it. */
  component: NodeTypes[string];
  /** The inspector form for its config. */
  form: ComponentType<KindFormProps<K>>;
}

export const NODE_REGISTRY: { readonly [K in NodeKind]: NodeKindEntry<K> } = {
  producer: { kind: 'producer', ...KIND_LOOK.producer, component: ProducerNode, form: ProducerForm },
  exchange: { kind: 'exchange', ...KIND_LOOK.exchange, component: ExchangeNode, form: ExchangeForm },
  'mqtt-broker': { kind: 'mqtt-broker', ...KIND_LOOK['mqtt-broker'], component: MqttBrokerNode, form: MqttBrokerForm },
  'nats-server': { kind: 'nats-server', ...KIND_LOOK['nats-server'], component: NatsServerNode, form: NatsServerForm },
  queue: { kind: 'queue', ...KIND_LOOK.queue, component: QueueNode, form: QueueForm },
  topic: { kind: 'topic', ...KIND_LOOK.topic, component: TopicNode, form: TopicForm },
  'kafka-topic': { kind: 'kafka-topic', ...KIND_LOOK['kafka-topic'], component: KafkaTopicNode, form: KafkaTopicForm },
  'content-router': { kind: 'content-router', ...KIND_LOOK['content-router'], component: ContentRouterNode, form: ContentRouterForm },
  'message-filter': { kind: 'message-filter', ...KIND_LOOK['message-filter'], component: MessageFilterNode, form: MessageFilterForm },
  'recipient-list': { kind: 'recipient-list', ...KIND_LOOK['recipient-list'], component: RecipientListNode, form: RecipientListForm },
  'wire-tap': { kind: 'wire-tap', ...KIND_LOOK['wire-tap'], component: WireTapNode, form: WireTapForm },
  'load-balancer': { kind: 'load-balancer', ...KIND_LOOK['load-balancer'], component: LoadBalancerNode, form: LoadBalancerForm },
  resequencer: { kind: 'resequencer', ...KIND_LOOK.resequencer, component: ResequencerNode, form: ResequencerForm },
  splitter: { kind: 'splitter', ...KIND_LOOK.splitter, component: SplitterNode, form: SplitterForm },
  aggregator: { kind: 'aggregator', ...KIND_LOOK.aggregator, component: AggregatorNode, form: AggregatorForm },
  translator: { kind: 'translator', ...KIND_LOOK.translator, component: TranslatorNode, form: TranslatorForm },
  'content-enricher': { kind: 'content-enricher', ...KIND_LOOK['content-enricher'], component: ContentEnricherNode, form: ContentEnricherForm },
  'content-filter': { kind: 'content-filter', ...KIND_LOOK['content-filter'], component: ContentFilterNode, form: ContentFilterForm },
  'envelope-wrapper': { kind: 'envelope-wrapper', ...KIND_LOOK['envelope-wrapper'], component: EnvelopeWrapperNode, form: EnvelopeWrapperForm },
  'claim-check': { kind: 'claim-check', ...KIND_LOOK['claim-check'], component: ClaimCheckNode, form: ClaimCheckForm },
  'zmq-socket': { kind: 'zmq-socket', ...KIND_LOOK['zmq-socket'], component: ZmqSocketNode, form: ZmqSocketForm },
  consumer: { kind: 'consumer', ...KIND_LOOK.consumer, component: ConsumerNode, form: ConsumerForm },
  requester: { kind: 'requester', ...KIND_LOOK.requester, component: RequesterNode, form: RequesterForm },
  replier: { kind: 'replier', ...KIND_LOOK.replier, component: ReplierNode, form: ReplierForm },
  'scatter-gather': { kind: 'scatter-gather', ...KIND_LOOK['scatter-gather'], component: ScatterGatherNode, form: ScatterGatherForm },
};

/** Palette order. */
export const PALETTE: readonly (typeof NODE_REGISTRY)[NodeKind][] = NODE_KINDS.map((kind) => NODE_REGISTRY[kind]);

/** The palette in its sections (each kind's `group`), each in NODE_KINDS order. */
export const PALETTE_SECTIONS = PALETTE_GROUPS.map((group) => ({ ...group, entries: PALETTE.filter((entry) => entry.group === group.id) }));

/** A module constant, as React Flow requires: a new object each render would remount every node. */
export const NODE_TYPES: NodeTypes = Object.fromEntries(NODE_KINDS.map((kind) => [kind, NODE_REGISTRY[kind].component]));

export function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}
