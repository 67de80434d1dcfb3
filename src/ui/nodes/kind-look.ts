import type { ComponentType } from 'react';
import type { NodeKind } from '../../model/index.ts';
import {
  AggregatorIcon,
  ClaimCheckIcon,
  ConsumerIcon,
  ContentEnricherIcon,
  ContentFilterIcon,
  ContentRouterIcon,
  EnvelopeWrapperIcon,
  ExchangeIcon,
  KafkaTopicIcon,
  LoadBalancerIcon,
  MessageFilterIcon,
  MqttBrokerIcon,
  NatsServerIcon,
  ProducerIcon,
  ReplierIcon,
  RequesterIcon,
  ResequencerIcon,
  ScatterGatherIcon,
  SplitterIcon,
  QueueIcon,
  RecipientListIcon,
  TopicIcon,
  TranslatorIcon,
  WireTapIcon,
  ZmqSocketIcon,
} from './icons.tsx';

/** The palette's sections, in order. */
export const PALETTE_GROUPS = [
  { id: 'endpoints', title: 'Endpoints' },
  { id: 'channels', title: 'Channels & brokers' },
  { id: 'routers', title: 'Routers' },
  { id: 'translators', title: 'Translators' },
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
  'nats-server': {
    label: 'NATS server',
    Icon: NatsServerIcon,
    colour: '#1e40af',
    description: 'NATS: subjects, wildcards, queue groups',
    explanation:
      'Core NATS: routes each publish by its subject (the producer key) to every consumer whose subscription matches (tokens split by dots; * one token, > one or more, last) — at most once, keeping nothing: a message no one subscribes to is discarded, and a subscriber that is away misses it. Subscribers in a queue group share its messages: each goes to one member, drawn at random, while plain subscribers still get a copy.',
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
  'kafka-topic': {
    label: 'Kafka topic',
    Icon: KafkaTopicIcon,
    colour: '#3f3f46',
    description: 'Kafka: partitioned log, consumer groups',
    explanation:
      'A log split into partitions: a record goes to the partition its key hashes to (murmur2), a keyless one to a partition that changes per batch, so order holds per key, not across partitions. Reading deletes nothing: each consumer group (set on its links) reads every record, its members share the partitions, and it commits offsets; a crashed member\'s partitions move to the others, which resume at the committed offset. Retention or compaction deletes records; a leader crash loses what was not replicated yet.',
    group: 'channels',
  },
  'zmq-socket': {
    label: 'ZeroMQ socket',
    Icon: ZmqSocketIcon,
    colour: '#4338ca',
    description: 'ZeroMQ: PUB, PUSH, DEALER, ROUTER',
    explanation:
      'A brokerless ZeroMQ socket in the application that feeds it, with a pipe to each peer (each link). A pipe holds what its peer has not processed yet, up to the high-water mark. PUB copies to every subscriber whose prefixes match the key and drops a full pipe\'s copy; PUSH and DEALER send to the next peer with room and make the send wait when every pipe is full; ROUTER sends to the peer its key names. A peer gets nothing until its connection handshake is done.',
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
  splitter: {
    label: 'Splitter',
    Icon: SplitterIcon,
    colour: '#d97706',
    description: 'One message in, N parts out',
    explanation:
      'Cuts each message into N parts (a fixed number, or the number in a header) that share the message\'s id as their correlation id and are numbered 1/N to N/N. The message itself becomes part 1; parts 2 to N are new copies with fates of their own. Each part weighs an even share of the message, or a set size. It holds nothing and takes no time.',
    group: 'routers',
  },
  aggregator: {
    label: 'Aggregator',
    Icon: AggregatorIcon,
    colour: '#0f766e',
    description: 'Collects parts into one message',
    explanation:
      'Collects parts by correlation id and sends one aggregate when all N parts (or the completion size) are in. A group still incomplete when the completion timeout runs out (counted from its first part) goes on as it is, flagged partial. The parts ride in the aggregate and share its fate; a part that comes after its aggregate left is lost:late-part, and a repeat of a part it has is kept once (duplicates).',
    group: 'routers',
  },
  translator: {
    label: 'Translator',
    Icon: TranslatorIcon,
    colour: '#15803d',
    description: 'Maps headers, size and key',
    explanation:
      'Message translator: renames, then removes, then sets headers ({seq} and {key} filled in), maps the size to size × factor + bytes (rounded, at least 0) and can rewrite the key. Each copy gets its own new headers: other copies of a fan-out are untouched. It holds nothing and takes no time.',
    group: 'translators',
  },
  'content-enricher': {
    label: 'Content enricher',
    Icon: ContentEnricherIcon,
    colour: '#0284c7',
    description: 'Adds looked-up data; takes time, may fail',
    explanation:
      'Looks up what each message lacks: a lookup takes a time drawn from its distribution, at most its concurrency at once (the rest wait in arrival order), and may fail — the message is lost:enrichment-failed. A successful lookup adds its headers and bytes.',
    group: 'translators',
  },
  'content-filter': {
    label: 'Content filter',
    Icon: ContentFilterIcon,
    colour: '#92400e',
    description: 'Strips headers, shrinks the body',
    explanation:
      'Keeps only the listed headers (or removes them) and shrinks the body by a factor and to at most a set size. Unlike a message filter it drops no message, only parts of each.',
    group: 'translators',
  },
  'envelope-wrapper': {
    label: 'Envelope wrapper',
    Icon: EnvelopeWrapperIcon,
    colour: '#be123c',
    description: 'Wraps in an envelope, or unwraps',
    explanation:
      'Wrap puts each message in an envelope: its headers over the message’s own and its bytes on top. Unwrap takes the outermost envelope off exactly, so wrap then unwrap gives back the original size and headers; a message with no envelope passes unchanged.',
    group: 'translators',
  },
  'claim-check': {
    label: 'Claim check',
    Icon: ClaimCheckIcon,
    colour: '#57534e',
    description: 'Parks the body; a small token travels',
    explanation:
      'Check-in parks each message’s body in a named store and sends on a small token: the size on the wire shrinks. Check-out (same store name) takes the body back by message id; a token whose body is not there — expired, taken already, or lost in a crash of the check-in — is lost:claim-missing.',
    group: 'translators',
  },
  consumer: {
    label: 'Consumer',
    Icon: ConsumerIcon,
    colour: '#ea580c',
    description: 'Processes messages, then acknowledges',
    explanation:
      'Takes messages, processes up to its concurrency at once for the processing time, then acknowledges. Prefetch limits how many unacknowledged messages a queue may hand it. Linked on to another node, it is a processing step: it acknowledges and passes each message it processed on, and the message is delivered further downstream.',
    group: 'endpoints',
  },
  requester: {
    label: 'Requester',
    Icon: RequesterIcon,
    colour: '#b45309',
    description: 'Sends requests, waits for replies (ZeroMQ REQ)',
    explanation:
      'Sends requests (correlation id = its own id, reply-to = itself) round-robin over its outputs, and waits for the replies: at most "outstanding" at once — 1 is lockstep, a ZeroMQ REQ socket. Link the service back to it for the replies. Without a timeout a lost request or reply leaves it waiting for ever (ZMQ-2); with one it resends the same request, so the service may process it twice. A reply to a request already answered or given up is discarded as late.',
    group: 'endpoints',
  },
  replier: {
    label: 'Replier',
    Icon: ReplierIcon,
    colour: '#be185d',
    description: 'Answers each request (ZeroMQ REP)',
    explanation:
      'A service: processes each request for the processing time, up to its concurrency at once, then replies with the request’s correlation id to the node that asked (over the link to it), or else over its only output (a reply queue). A request it has processed before (a resend) is processed again and counted as a duplicate; a failed one gets no reply.',
    group: 'endpoints',
  },
  'scatter-gather': {
    label: 'Scatter-gather',
    Icon: ScatterGatherIcon,
    colour: '#7c3aed',
    description: 'Asks every respondent, collects until a deadline',
    explanation:
      'A survey (NN-1): each request goes as a copy to every respondent (every output except the result’s); replies are collected by correlation id until all answered or the deadline passed. Then one aggregate carrying the replies goes to the result output, or back to the requester, flagged partial if someone did not answer. Replies after that are discarded and counted late.',
    group: 'routers',
  },
};
