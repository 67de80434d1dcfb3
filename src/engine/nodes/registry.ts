import type { NodeKind } from '../../model/index.ts';
import { aggregator } from './aggregator.ts';
import { claimCheck } from './claim-check.ts';
import { consumer } from './consumer.ts';
import { contentEnricher } from './content-enricher.ts';
import { contentFilter } from './content-filter.ts';
import { contentRouter } from './content-router.ts';
import { envelopeWrapper } from './envelope-wrapper.ts';
import { exchange } from './exchange.ts';
import { kafkaTopic } from './kafka-topic.ts';
import { loadBalancer } from './load-balancer.ts';
import { messageFilter } from './message-filter.ts';
import { mqttBroker } from './mqtt-broker.ts';
import { natsServer } from './nats-server.ts';
import type { NodeDefinition } from './node.ts';
import { producer } from './producer.ts';
import { queue } from './queue.ts';
import { recipientList } from './recipient-list.ts';
import { replier } from './replier.ts';
import { requester } from './requester.ts';
import { resequencer } from './resequencer.ts';
import { scatterGather } from './scatter-gather.ts';
import { splitter } from './splitter.ts';
import { zmqSocket } from './zmq-socket.ts';
import { topic } from './topic.ts';
import { translator } from './translator.ts';
import { wireTap } from './wire-tap.ts';

/** Every node kind's behaviour, by kind. Adding a kind adds one line here. */
export const NODE_DEFINITIONS: { [K in NodeKind]: NodeDefinition<K> } = {
  producer,
  exchange,
  'mqtt-broker': mqttBroker,
  'nats-server': natsServer,
  queue,
  topic,
  'kafka-topic': kafkaTopic,
  'content-router': contentRouter,
  'message-filter': messageFilter,
  'recipient-list': recipientList,
  'wire-tap': wireTap,
  'load-balancer': loadBalancer,
  resequencer,
  splitter,
  aggregator,
  translator,
  'content-enricher': contentEnricher,
  'content-filter': contentFilter,
  'envelope-wrapper': envelopeWrapper,
  'claim-check': claimCheck,
  'zmq-socket': zmqSocket,
  consumer,
  requester,
  replier,
  'scatter-gather': scatterGather,
};
