import type { ComponentType } from 'react';
import type { NodeKind } from '../../model/index.ts';
import { ConsumerIcon, ExchangeIcon, MqttBrokerIcon, ProducerIcon, QueueIcon, TopicIcon } from './icons.tsx';

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
}

export const KIND_LOOK: Record<NodeKind, KindLook> = {
  producer: {
    label: 'Producer',
    Icon: ProducerIcon,
    colour: '#059669',
    description: 'Sends messages at a rate',
    explanation:
      'Creates messages at a constant or Poisson rate and sends each to its one output. Keys are assigned round-robin; a limit stops it after that many messages.',
  },
  exchange: {
    label: 'Exchange',
    Icon: ExchangeIcon,
    colour: '#0d9488',
    description: 'RabbitMQ: routes by binding to queues',
    explanation:
      'A RabbitMQ exchange holds nothing: each message goes at once to every linked queue whose binding matches it (direct: equal key; topic: * one word, # zero or more; headers: x-match all/any; fanout: every queue; default: the queue named by the key). What nothing matches goes to the alternate exchange, back to a mandatory producer, or is lost as unroutable.',
  },
  'mqtt-broker': {
    label: 'MQTT broker',
    Icon: MqttBrokerIcon,
    colour: '#c026d3',
    description: 'MQTT: topics, QoS, retained, sessions',
    explanation:
      'Routes each publish by its topic (the producer key) to the consumers whose subscription filters match (+ one level, # the rest; $ topics only by explicit filters), at the lower of the publish and subscription QoS. QoS 1 and 2 are resent over lossy links (QoS 1 can duplicate, QoS 2 cannot). Keeps the last retained message per topic for new subscribers, queues QoS 1/2 for offline persistent sessions, and publishes a Last Will for a client gone silent.',
  },
  queue: {
    label: 'Queue',
    Icon: QueueIcon,
    colour: '#2563eb',
    description: 'Holds messages for competing consumers',
    explanation:
      'Stores messages in arrival order and hands each one to exactly one of its consumers, as their prefetch allows. Depth is what waits; unacked is handed out but not yet acknowledged.',
  },
  topic: {
    label: 'Topic',
    Icon: TopicIcon,
    colour: '#9333ea',
    description: 'Copies each message to every subscriber',
    explanation:
      'Publish–subscribe: every message that arrives is copied to each outgoing link (queues or consumers). Copies appear as violet dots.',
  },
  consumer: {
    label: 'Consumer',
    Icon: ConsumerIcon,
    colour: '#ea580c',
    description: 'Processes messages, then acknowledges',
    explanation:
      'Takes messages, processes up to its concurrency at once for the processing time, then acknowledges. Prefetch limits how many unacknowledged messages a queue may hand it.',
  },
};
