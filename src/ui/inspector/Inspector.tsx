import { useState, type CSSProperties } from 'react';
import { edgeSchema, faultSchema, linkSchema, nodeSchema, topologySchema, type ExchangeConfig, type NodeKind } from '../../model/index.ts';
import { simActions } from '../../store/sim-actions.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { toTopologyEdge, toTopologyNode } from '../../store/convert.ts';
import { useTopologyStore, type EdgeSettings } from '../../store/topology-store.ts';
import type { NodeDataByKind } from '../../store/topology-types.ts';
import { NODE_REGISTRY } from '../nodes/registry.ts';
import { DistributionField } from './DistributionField.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { CheckboxField, FieldGroup, NumberField, PercentField, TextField } from './fields.tsx';
import { MessageList } from './MessageList.tsx';
import { BindingFields } from './BindingFields.tsx';
import { SubscriptionFields } from './SubscriptionFields.tsx';
import { NatsSubscriptionFields } from './NatsSubscriptionFields.tsx';
import { FilterPolicyFields } from './FilterPolicyFields.tsx';
import { DurableSubscriptionFields } from './DurableSubscriptionFields.tsx';
import { KafkaGroupFields } from './KafkaGroupFields.tsx';
import { ZmqSubscribeFields } from './ZmqSubscribeFields.tsx';
import { applyIfValid, withOptional } from './validation.ts';

type Selection = { type: 'none' } | { type: 'node'; id: string } | { type: 'edge'; id: string } | { type: 'many'; count: number };

/** A string, so the selector result compares by value and the panel re-renders only on a new selection. */
function selectionKey(s: ReturnType<typeof useTopologyStore.getState>): string {
  const nodes = s.nodes.filter((n) => n.selected);
  const edges = s.edges.filter((e) => e.selected);
  const count = nodes.length + edges.length;
  if (count === 0) return 'none';
  if (count > 1) return `many:${count}`;
  return nodes[0] ? `node:${nodes[0].id}` : `edge:${edges[0]?.id ?? ''}`;
}

function parseSelection(key: string): Selection {
  const [type, rest = ''] = key.split(/:(.*)/s);
  if (type === 'node') return { type, id: rest };
  if (type === 'edge') return { type, id: rest };
  if (type === 'many') return { type, count: Number(rest) };
  return { type: 'none' };
}

export function Inspector() {
  const selection = parseSelection(useTopologyStore(selectionKey));
  return (
    <aside className="mf-inspector" aria-label="Inspector">
      {selection.type === 'node' && <NodeInspector key={selection.id} id={selection.id} />}
      {selection.type === 'edge' && <EdgeInspector key={selection.id} id={selection.id} />}
      {selection.type === 'many' && (
        <section>
          <h2 className="mf-inspector__title">{selection.count} items selected</h2>
          <p className="mf-inspector__note">Press Delete or Backspace to remove them, or drag to move them together.</p>
        </section>
      )}
      {selection.type === 'none' && <DocumentPanel />}
    </aside>
  );
}

function NodeInspector({ id }: { id: string }) {
  const data = useTopologyStore((s) => s.nodes.find((n) => n.id === id)?.data);
  if (!data) return null;
  const entry = NODE_REGISTRY[data.kind];
  const commitLabel = (label: string) => {
    const node = useTopologyStore.getState().nodes.find((n) => n.id === id);
    if (!node) return 'this node no longer exists';
    // Validate the whole node so the label rules are the file format's rules.
    return applyIfValid(nodeSchema, { ...toTopologyNode(node), label }, () =>
      useTopologyStore.getState().updateNodeData(id, { ...node.data, label: label === '' ? undefined : label }),
    );
  };
  return (
    <section>
      <header className="mf-inspector__head" style={{ '--accent': entry.colour } as CSSProperties}>
        <span className="mf-inspector__icon">
          <entry.Icon />
        </span>
        <div>
          <h2 className="mf-inspector__title">{entry.label}</h2>
          <div className="mf-inspector__id">id: {id}</div>
        </div>
      </header>
      <p className="mf-inspector__note">{entry.explanation}</p>
      <TextField label="Label" value={data.label ?? ''} placeholder={id} testId="field-label" onCommit={commitLabel} />
      {kindForm(data.kind, id, data)}
      {(data.kind === 'queue' || data.kind === 'consumer' || data.kind === 'zmq-socket' || data.kind === 'replier' || data.kind === 'aggregator') && <MessageList nodeId={id} />}
      <NodeFaults id={id} kind={data.kind} />
    </section>
  );
}

/** K ties the kind to its data, so the registry's form for K gets exactly K's data. */
function kindForm<K extends NodeKind>(kind: K, id: string, data: NodeDataByKind[K]) {
  const Form = NODE_REGISTRY[kind].form;
  return <Form id={id} data={data} />;
}

type EdgeSource = { kind: NodeKind; exchangeType?: ExchangeConfig['type'] } | undefined;

/** The kind of a link's source node, and an exchange's type, as a string ("exchange:topic") so the selector compares by value. */
function edgeSourceKey(s: ReturnType<typeof useTopologyStore.getState>, edgeId: string): string {
  const edge = s.edges.find((e) => e.id === edgeId);
  const node = edge && s.nodes.find((n) => n.id === edge.source);
  if (!node) return '';
  return node.data.kind === 'exchange' ? `exchange:${node.data.config.type}` : node.data.kind;
}

function parseEdgeSource(key: string): EdgeSource {
  if (key === '') return undefined;
  const [kind, exchangeType] = key.split(':') as [NodeKind, ExchangeConfig['type'] | undefined];
  return exchangeType === undefined ? { kind } : { kind, exchangeType };
}

/** What joining late means for the link's kind of source (SEMANTICS: a late subscriber misses, a late consumer of a queue gets what waited). */
function lateJoinRule(kind: NodeKind | undefined): string {
  switch (kind) {
    case 'exchange':
      return 'a binding made late misses what the exchange routed before.';
    case 'mqtt-broker':
      return 'a subscriber that joins late misses what was published before (but gets a retained message, MQ-3).';
    case 'nats-server':
      return 'a subscriber that joins late misses what was published before: core NATS keeps nothing (N-1).';
    case 'topic':
      return 'a subscriber that joins late misses what was published before.';
    case 'queue':
      return 'a consumer that joins late gets what waited in the queue.';
    case 'kafka-topic':
      return 'a consumer that joins late rebalances its group; a group that is new then starts at the log’s end or its start (see the group).';
    case 'zmq-socket':
      return 'the peer connects then, after the socket’s handshake, and misses what was sent before (ZMQ-4).';
    default:
      return 'before it, nothing is sent on it.';
  }
}

/** The fields of an edge other than its link, each edited on its own and checked as part of the whole edge. */
type EdgeExtra = 'binding' | 'subscription' | 'natsSubscription' | 'filterPolicy' | 'activeFromMs' | 'zmqSubscribe' | 'durableSubscription' | 'kafka' | 'critical';

function EdgeInspector({ id }: { id: string }) {
  const edge = useTopologyStore((s) => s.edges.find((e) => e.id === id));
  const source = parseEdgeSource(useTopologyStore((s) => edgeSourceKey(s, id)));
  if (!edge?.data) return null;
  // Through the file's shape, so every field an edge can carry is typed here.
  const settings = toTopologyEdge(edge);
  const link = settings.link;
  const commit = (candidate: unknown) =>
    applyIfValid(linkSchema, candidate, (next) => useTopologyStore.getState().updateEdgeLink(id, next));
  /** Sets (or, with undefined, removes) one field and validates the whole edge with the file format's schema. */
  const commitExtra = (key: EdgeExtra, value: unknown): string | undefined => {
    const current = useTopologyStore.getState().edges.find((e) => e.id === id);
    if (!current?.data) return 'this link no longer exists';
    return applyIfValid(edgeSchema, withOptional(toTopologyEdge(current), key, value), (next) => {
      const { id: _id, source: _source, target: _target, ...data } = next;
      useTopologyStore.getState().updateEdgeData(id, data satisfies EdgeSettings);
    });
  };
  return (
    <section>
      <header className="mf-inspector__head" style={{ '--accent': '#64748b' } as CSSProperties}>
        <span className="mf-inspector__icon" aria-hidden="true">
          ⟶
        </span>
        <div>
          <h2 className="mf-inspector__title">Link</h2>
          <div className="mf-inspector__id">
            {edge.source} → {edge.target}
          </div>
        </div>
      </header>
      <p className="mf-inspector__note">
        {source?.kind === 'exchange'
          ? 'How the queue is bound to the exchange, and the network between them.'
          : source?.kind === 'mqtt-broker'
            ? 'What the consumer subscribes to at the broker, and the network between them.'
            : source?.kind === 'nats-server'
              ? 'What the consumer subscribes to at the NATS server (subject, queue group), and the network between them.'
              : source?.kind === 'topic'
                ? 'Which of the topic’s messages this subscriber gets (its filter policy), and the network between them.'
                : source?.kind === 'kafka-topic'
                  ? 'Which consumer group this consumer reads the Kafka topic in, when it commits, and the network between them.'
                  : source?.kind === 'zmq-socket'
                    ? 'The pipe from the ZeroMQ socket to this peer: what it subscribes to (PUB), and the network between them.'
                    : 'The network between two nodes: how long a message takes, and how often it is lost or doubled.'}
      </p>
      {source?.kind === 'exchange' && source.exchangeType && (
        <BindingFields
          exchangeType={source.exchangeType}
          queueId={edge.target}
          binding={settings.binding}
          onCommit={(binding) => commitExtra('binding', binding)}
        />
      )}
      {source?.kind === 'mqtt-broker' && (
        <SubscriptionFields subscription={settings.subscription} onCommit={(subscription) => commitExtra('subscription', subscription)} />
      )}
      {source?.kind === 'nats-server' && (
        <NatsSubscriptionFields
          subscription={settings.natsSubscription}
          onCommit={(natsSubscription) => commitExtra('natsSubscription', natsSubscription)}
        />
      )}
      {source?.kind === 'topic' && (
        <FilterPolicyFields policy={settings.filterPolicy} onCommit={(filterPolicy) => commitExtra('filterPolicy', filterPolicy)} />
      )}
      {source?.kind === 'topic' && (
        <DurableSubscriptionFields
          targetId={edge.target}
          value={settings.durableSubscription}
          onCommit={(durableSubscription) => commitExtra('durableSubscription', durableSubscription)}
        />
      )}
      {source?.kind === 'kafka-topic' && (
        <KafkaGroupFields consumerId={edge.target} kafka={settings.kafka} onCommit={(kafka) => commitExtra('kafka', kafka)} />
      )}
      {source?.kind === 'zmq-socket' && (
        <ZmqSubscribeFields socketId={edge.source} subscribe={settings.zmqSubscribe} onCommit={(zmqSubscribe) => commitExtra('zmqSubscribe', zmqSubscribe)} />
      )}
      <DistributionField legend="Latency" value={link.latencyMs} testId="field-latency" onCommit={(latencyMs) => commit({ ...link, latencyMs })}>
        <NumberField
          label="Jitter"
          unit="ms"
          value={link.jitterMs}
          hint="Uniform extra delay from 0 to this, added to each draw."
          testId="field-jitter"
          onCommit={(jitterMs) => commit({ ...link, jitterMs })}
        />
      </DistributionField>
      <div className="mf-field-row">
        <PercentField
          label="Loss"
          fraction={link.loss}
          hint="Chance that a message on this link is dropped."
          testId="field-loss"
          onCommit={(loss) => commit({ ...link, loss })}
        />
        <PercentField
          label="Duplication"
          fraction={link.duplication}
          hint="Chance that the link also delivers a second copy of the same message."
          testId="field-duplication"
          onCommit={(duplication) => commit({ ...link, duplication })}
        />
      </div>
      <CheckboxField
        label="Ordered (like TCP)"
        checked={link.ordered}
        hint="Never deliver a message before one sent earlier on this link."
        testId="field-ordered"
        onCommit={(ordered) => commit({ ...link, ordered })}
      />
      {link.ordered && (
        <NumberField
          label="Partition hold"
          unit="ms"
          value={link.partitionHoldMs}
          hint="While the link is cut, an ordered link holds messages this long, then drops them."
          testId="field-partition-hold"
          onCommit={(partitionHoldMs) => commit({ ...link, partitionHoldMs })}
        />
      )}
      <NumberField
        label="Opens at"
        unit="ms"
        optional
        placeholder="from the start"
        value={settings.activeFromMs}
        hint={`The link exists only from this sim time: ${lateJoinRule(source?.kind)}`}
        testId="field-active-from"
        onCommit={(activeFromMs) => commitExtra('activeFromMs', activeFromMs)}
      />
      <CheckboxField
        label="Critical path"
        checked={settings.critical === true}
        hint="For the design review only: what flows over this link, and on from its target, must not be lost, so an at-most-once consumer there is warned about."
        testId="field-critical"
        onCommit={(critical) => commitExtra('critical', critical ? true : undefined)}
      />
      <EdgeFaults id={id} />
    </section>
  );
}

/**
 * Live faults on the running simulation (loading the canvas topology first if needed).
 * The optional delay is checked with the file format's fault rules; empty means "until I
 * press the other button".
 */
/** What a crash does to each kind, for the Faults group. */
const CRASH_NOTE: Record<NodeKind, string> = {
  producer: 'A crashed producer sends nothing while down and resumes on its schedule; what it waited to have confirmed is forgotten. With an MQTT will, its broker publishes the will 1.5 x keep-alive later.',
  exchange:
    'What arrives at a crashed exchange is lost:crash; it holds nothing itself. Back up, it keeps only bindings to durable queues, and none if it is transient itself (RMQ-Q2).',
  'mqtt-broker': 'A crashed broker forgets its sessions and retained messages (no persistence); what it held for offline subscribers is lost:crash.',
  'nats-server':
    'What arrives at a crashed NATS server is lost:crash; it holds nothing itself (N-1). Its subscribers reconnect with their subscriptions once it is back, and get nothing of what came meanwhile.',
  queue:
    'A crashed queue keeps only persistent messages, and only if durable; the rest is lost:crash. A transient queue is deleted at its restart, with its bindings: what is sent to it afterwards is lost:unroutable (RMQ-Q2).',
  'kafka-topic':
    'A crash of the topic is its partition leaders failing: what they had not replicated is lost (lost:crash), and what arrives while it is down too; with acks all, a producer that resends unconfirmed publishes sends those again. The log and the groups’ committed offsets survive; reading resumes at the restart.',
  topic:
    'What arrives at a crashed topic is lost:crash. Of what it keeps for durable subscribers that are down, only persistent messages survive.',
  'content-router': 'What arrives at a crashed router is lost:crash; it holds nothing itself.',
  'message-filter': 'What arrives at a crashed filter is lost:crash; it holds nothing itself.',
  'recipient-list': 'What arrives at a crashed recipient list is lost:crash; it holds nothing itself.',
  'wire-tap': 'What arrives at a crashed wire tap is lost:crash; it holds nothing itself.',
  'load-balancer': 'What arrives at a crashed load balancer is lost:crash; it holds nothing itself.',
  resequencer: 'A crashed resequencer loses what it holds (lost:crash), and what arrives while it is down.',
  splitter: 'What arrives at a crashed splitter is lost:crash; it holds nothing itself.',
  aggregator: 'A crashed aggregator loses the parts of its open groups (lost:crash) and forgets the groups it completed; parts of those that come later start new groups.',
  translator: 'What arrives at a crashed translator is lost:crash; it holds nothing itself.',
  'content-enricher': 'A crashed enricher loses the messages being looked up and those waiting (lost:crash), and what arrives while it is down.',
  'content-filter': 'What arrives at a crashed content filter is lost:crash; it holds nothing itself.',
  'envelope-wrapper': 'What arrives at a crashed envelope wrapper is lost:crash; it holds nothing itself.',
  'claim-check': 'What arrives at a crashed claim check is lost:crash. A crashed check-in deletes the bodies it parked unless its store is durable: their tokens, still on their way, then find nothing at check-out (lost:claim-missing).',
  'zmq-socket':
    'A crashed ZeroMQ socket loses the sends waiting for room and what arrives while it is down (lost:crash); its peers reconnect, after the handshake, once it is back. A crashed peer takes its pipe with it (lost:crash).',
  consumer: "A crashed consumer's unacked messages go back to its queue (manual ack) or are lost (auto-ack).",
  requester: 'A crashed requester forgets the requests it waited for (a reply that comes later is late) and sends nothing while down; back up, it goes on with the next request.',
  replier: 'A crashed replier loses the requests it held (lost:crash), unless they came from a queue, which takes them back and redelivers them; what arrives while it is down is lost.',
  'scatter-gather': 'A crashed scatter-gather loses its open surveys with the replies collected (lost:crash); replies to them that come later are late.',
};

function NodeFaults({ id, kind }: { id: string; kind: NodeKind }) {
  const down = useSimStore((s) => s.downNodes[id] === true);
  const [restartAfterMs, setRestartAfterMs] = useState<number | undefined>(undefined);
  const crash = (ms: number | undefined) => ({ atMs: 0, action: 'crash', node: id, ...(ms === undefined ? {} : { restartAfterMs: ms }) });
  return (
    <FieldGroup
      legend="Faults"
      testId="faults"
      note={CRASH_NOTE[kind]}
    >
      <div className="mf-faults__actions">
        {down ? (
          <button type="button" data-testid="fault-restart" onClick={() => void simActions.fault({ atMs: 0, action: 'restart', node: id })}>
            Restart
          </button>
        ) : (
          <button
            type="button"
            className="is-danger"
            data-testid="fault-crash"
            onClick={() => applyIfValid(faultSchema, crash(restartAfterMs), (f) => void simActions.fault(f))}
          >
            Crash
          </button>
        )}
      </div>
      {!down && (
        <NumberField
          label="Restart after"
          unit="ms"
          optional
          placeholder="never (press Restart)"
          value={restartAfterMs}
          testId="fault-restart-after"
          onCommit={(ms) => applyIfValid(faultSchema, crash(ms), () => setRestartAfterMs(ms))}
        />
      )}
    </FieldGroup>
  );
}

function EdgeFaults({ id }: { id: string }) {
  const cut = useSimStore((s) => s.cutEdges[id] === true);
  const [healAfterMs, setHealAfterMs] = useState<number | undefined>(undefined);
  const cutFault = (ms: number | undefined) => ({ atMs: 0, action: 'cut', edge: id, ...(ms === undefined ? {} : { healAfterMs: ms }) });
  return (
    <FieldGroup
      legend="Faults"
      testId="faults"
      note="An unordered link drops what is sent; an ordered one holds it until the heal or its partition hold."
    >
      <div className="mf-faults__actions">
        {cut ? (
          <button type="button" data-testid="fault-heal" onClick={() => void simActions.fault({ atMs: 0, action: 'heal', edge: id })}>
            Heal link
          </button>
        ) : (
          <button
            type="button"
            className="is-danger"
            data-testid="fault-cut"
            onClick={() => applyIfValid(faultSchema, cutFault(healAfterMs), (f) => void simActions.fault(f))}
          >
            Cut link
          </button>
        )}
      </div>
      {!cut && (
        <NumberField
          label="Heal after"
          unit="ms"
          optional
          placeholder="never (press Heal)"
          value={healAfterMs}
          testId="fault-heal-after"
          onCommit={(ms) => applyIfValid(faultSchema, cutFault(ms), () => setHealAfterMs(ms))}
        />
      )}
    </FieldGroup>
  );
}

function DocumentPanel() {
  const doc = useTopologyStore((s) => s.doc);
  const counts = useTopologyStore((s) => `${s.nodes.length} nodes · ${s.edges.length} links`);
  const update = useTopologyStore((s) => s.updateDocument);
  return (
    <section>
      <h2 className="mf-inspector__title">Topology</h2>
      <div className="mf-inspector__id">{counts}</div>
      <TextField
        label="Name"
        value={doc.name}
        testId="field-name"
        onCommit={(name) => applyIfValid(topologySchema.shape.name, name, (next) => update({ name: next }))}
      />
      <NumberField
        label="Seed"
        value={doc.seed}
        hint="Same topology + same seed = the same run, message for message."
        testId="field-seed"
        onCommit={(seed) => applyIfValid(topologySchema.shape.seed, seed, (next) => update({ seed: next }))}
      />
      {/* The lesson first: what to watch matters more than the document's long description. */}
      <ScenarioPanel />
      {doc.description && <p className="mf-inspector__note">{doc.description}</p>}
      <div className="mf-howto">
        <h3>How to</h3>
        <ol>
          <li>Drag a node from the palette onto the canvas (or click it).</li>
          <li>Connect nodes by dragging from a node's right handle to another's left handle.</li>
          <li>Click a node or link to edit it here; Delete removes the selection.</li>
          <li>
            Press <strong>Play</strong>: dots are messages in flight; 1× is real time.
          </li>
        </ol>
      </div>
    </section>
  );
}
