import type { NodeKind } from '../../model/index.ts';
import { consumer } from './consumer.ts';
import { exchange } from './exchange.ts';
import { mqttBroker } from './mqtt-broker.ts';
import type { NodeDefinition } from './node.ts';
import { producer } from './producer.ts';
import { queue } from './queue.ts';
import { topic } from './topic.ts';

/** Every node kind's behaviour, by kind. Adding a kind adds one line here. */
export const NODE_DEFINITIONS: { [K in NodeKind]: NodeDefinition<K> } = {
  producer,
  exchange,
  'mqtt-broker': mqttBroker,
  queue,
  topic,
  consumer,
};
