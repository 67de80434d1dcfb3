import type { NodeKind } from '../../model/index.ts';
import { consumer } from './consumer.ts';
import { contentRouter } from './content-router.ts';
import { exchange } from './exchange.ts';
import { loadBalancer } from './load-balancer.ts';
import { messageFilter } from './message-filter.ts';
import { mqttBroker } from './mqtt-broker.ts';
import type { NodeDefinition } from './node.ts';
import { producer } from './producer.ts';
import { queue } from './queue.ts';
import { recipientList } from './recipient-list.ts';
import { resequencer } from './resequencer.ts';
import { topic } from './topic.ts';
import { wireTap } from './wire-tap.ts';

/** Every node kind's behaviour, by kind. Adding a kind adds one line here. */
export const NODE_DEFINITIONS: { [K in NodeKind]: NodeDefinition<K> } = {
  producer,
  exchange,
  'mqtt-broker': mqttBroker,
  queue,
  topic,
  'content-router': contentRouter,
  'message-filter': messageFilter,
  'recipient-list': recipientList,
  'wire-tap': wireTap,
  'load-balancer': loadBalancer,
  resequencer,
  consumer,
};
