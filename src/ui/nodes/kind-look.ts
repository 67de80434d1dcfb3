import type { ComponentType } from 'react';
import type { NodeKind } from '../../model/index.ts';
import {
  ConsumerIcon,
  ContentRouterIcon,
  ExchangeIcon,
  LoadBalancerIcon,
  MessageFilterIcon,
  MqttBrokerIcon,
  ProducerIcon,
  ResequencerIcon,
  QueueIcon,
  RecipientListIcon,
  TopicIcon,
  WireTapIcon,
} from './icons.tsx';

/** The palette's sections, in order. */
export const PALETTE_GROUPS = [
  { id: 'endpoints', title: 'Endpoints' },
  { id: 'channels', title: 'Channels & brokers' },
  { id: 'routers', title: 'Routers' },
] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]['id'];

/** How a node kind looks and explains itself; the registry joins this with its component and form. */
export interface KindLook {
  label: string;
  Icon: ComponentType;
  /** Accent colour (a literal, not a CSS variable: the minimap's SVG needs real colours). */
  colour: string;
  /** One line for the palette. */
  description: string;
  /** A few sentences for the inspector. */
  explanation: string;
  /** The palette section it is listed under. */
  group: PaletteGroup;
}

export const KIND_LOOK: Record<NodeKind, KindLook> = {
  producer: {
    label: 'Producer',
    Icon: ProducerIcon,
    colour: '#059669',
    description: 'Sends messages at a rate',
    explanation:
      'Creates messages at a constant or Poisson rate and sends each to its one output. Keys are assigned round-robin; a limit stops it after that many messages.',
    group: 'endpoints',
  },
  exchange: {
    label: 'Exchange',
    Icon: ExchangeIcon,
    colour: '#0d9488',
    description: 'RabbitMQ: routes by binding to queues',
    explanation:
      'A RabbitMQ exchange holds nothing: each message goes at once to every linked queue whose binding matches it (direct: equal key; topic: * one word, # zero or more; headers: x-match all/any; fanout: every queue; default: the queue named by the key). What nothing matches goes to the alternate exchange, back to a mandatory producer, or is lost as unroutable.',
    group: 'channels',
  },
  'mqtt-broker': {
    label: 'MQTT broker',
    Icon: MqttBrokerIcon,
    colour: '#c026d3',
    description: 'MQTT: topics, QoS, retained, sessions',
    explanation:
      'Routes each publish by its topic (the producer key) to the consumers whose subscription filters match (+ one level, # the rest; $ topics only by explicit filters), at the lower of the publish and subscription QoS. QoS 1 and 2 are resent over lossy links (QoS 1 can duplicate, QoS 2 cannot). Keeps the last retained message per topic for new subscribers, queues QoS 1/2 for offline persistent sessions, and publishes a Last Will for a client gone silent.',
    group: 'channels',
  },
  queue: {
    label: 'Queue',
    Icon: QueueIcon,
    colour: '#2563eb',
    description: 'Holds messages for competing consumers',
    explanation:
      'Stores messages in arrival order and hands each one to exactly one of its consumers, as their prefetch allows. Depth is what waits; unacked is handed out but not yet acknowledged.',
    group: 'channels',
  },
  topic: {
    label: 'Topic',
    Icon: TopicIcon,
    colour: '#9333ea',
    description: 'Copies each message to every subscriber',
    explanation:
      'Publish–subscribe: every message that arrives is copied to each outgoing link (queues or consumers). Copies appear as violet dots.',
    group: 'channels',
  },
  'content-router': {
    label: 'Content router',
    Icon: ContentRouterIcon,
    colour: '#0891b2',
    description: 'Routes by key or headers',
    explanation:
      'Content-based router: checks its rules in order against each message\'s key and headers. The first matching rule wins, else the default route, else the message is lost:unroutable. It holds nothing and takes no time.',
    group: 'routers',
  },
  'message-filter': {
    label: 'Message filter',
    Icon: MessageFilterIcon,
    colour: '#ca8a04',
    description: 'Drops what does not match',
    explanation:
      'Passes each message its condition accepts (key pattern, header values) on to its one output. It drops the rest as lost:filtered: by design, not an error.',
    group: 'routers',
  },
  'recipient-list': {
    label: 'Recipient list',
    Icon: RecipientListIcon,
    colour: '#65a30d',
    description: 'A copy to each chosen output',
    explanation:
      'Sends one copy of each message to every listed recipient (none listed: every output). Each copy has its own fate, as a topic\'s copies do.',
    group: 'routers',
  },
  'wire-tap': {
    label: 'Wire tap',
    Icon: WireTapIcon,
    colour: '#db2777',
    description: 'Copies traffic aside',
    explanation:
      'Each message goes on unchanged to the main output, and a copy goes to the tap. Whatever becomes of the copy never affects the main flow.',
    group: 'routers',
  },
  'load-balancer': {
    label: 'Load balancer',
    Icon: LoadBalancerIcon,
    colour: '#475569',
    description: 'Spreads load over outputs',
    explanation:
      'Sends each message to one of its outputs: in turn (round-robin), at random, or to the one with the fewest messages waiting (least-loaded). Outputs to crashed nodes are skipped; with none left, the message is lost:unroutable.',
    group: 'routers',
  },
  resequencer: {
    label: 'Resequencer',
    Icon: ResequencerIcon,
    colour: '#0e7490',
    description: 'Puts messages back in order',
    explanation:
      'Holds messages and lets them go in sequence order, per producer or per producer and key. A missing message is waited for up to the gap timeout, then skipped (counted); with the buffer full, the lowest held goes at once. One that arrives after its place was passed goes on at once, counted late.',
    group: 'routers',
  },
  consumer: {
    label: 'Consumer',
    Icon: ConsumerIcon,
    colour: '#ea580c',
    description: 'Processes messages, then acknowledges',
    explanation:
      'Takes messages, processes up to its concurrency at once for the processing time, then acknowledges. Prefetch limits how many unacknowledged messages a queue may hand it.',
    group: 'endpoints',
  },
};
