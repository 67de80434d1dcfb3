import type { Distribution, NodeKind, QueueConfig, Rate, TopologyEdge, TopologyNode } from './schema.ts';

/**
 * Design review: warnings about a topology that is valid but likely not what its author
 * wants (a queue nobody reads, a backlog that only grows, a lossy step in a critical path,
 * order that cannot hold, a loop nothing ends, messages with nowhere to go). Pure: it reads
 * the topology only, so the canvas, the CLI and tests share it.
 */

export const LINT_RULES = [
  'queue-without-consumer',
  'queue-grows-unbounded',
  'at-most-once-in-critical-path',
  'fifo-competing-consumers',
  'cycle-without-ttl',
  'producer-without-route',
] as const;
export type LintRule = (typeof LINT_RULES)[number];

/** `warning`: likely a mistake; `info`: often deliberate, worth knowing (a dead-letter queue nobody reads). */
export type LintSeverity = 'warning' | 'info';

/** The setting that fixes a warning: a node config field, or a field of the named link. */
export type LintSetting =
  | { on: 'node'; field: 'maxLength' | 'ack' | 'ordering' | 'messageTtlMs' }
  | { on: 'edge'; field: 'kafka.commit' };

export interface LintWarning {
  /** Unique within one result, stable across edits that do not touch the cause. */
  id: string;
  rule: LintRule;
  severity: LintSeverity;
  /** The node to look at. */
  nodeId: string;
  /** The link to look at, when the setting lives on a link. */
  edgeId?: string;
  /** A few words, for a list. */
  title: string;
  /** Why it matters, citing the rule of SEMANTICS.md it comes from. */
  why: string;
  /** What to change. */
  fix: string;
  /** Where that change is made, when one setting does it. */
  setting?: LintSetting;
}

export interface LintInput {
  nodes: readonly TopologyNode[];
  edges: readonly TopologyEdge[];
}

/** The mean of a duration distribution, in ms (a normal's floor is ignored: a small bias on purpose). */
export function distributionMean(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
    case 'normal':
      return d.mean;
    case 'empirical': {
      // Linear between the percentile points: each segment contributes its share times its midpoint.
      let mean = 0;
      for (let i = 1; i < d.percentiles.length; i++) {
        const a = d.percentiles[i - 1]!;
        const b = d.percentiles[i]!;
        mean += ((b.p - a.p) / 100) * ((a.value + b.value) / 2);
      }
      return mean;
    }
  }
}

/** A producer's long-run mean rate, per second (bursts send only while on). */
export function meanRatePerSecond(rate: Rate): number {
  if (rate.dist === 'bursts') return (rate.perSecond * rate.onMs) / (rate.onMs + rate.offMs);
  return rate.perSecond;
}

const formatRate = (perSecond: number): string => `${Number(perSecond.toPrecision(3))}/s`;

/** Nodes that end what reaches them as replies: a loop through one is request and reply, not a message going round. */
const REPLY_ENDS: ReadonlySet<NodeKind> = new Set(['requester', 'scatter-gather']);

class Graph {
  readonly out = new Map<string, TopologyEdge[]>();
  readonly into = new Map<string, TopologyEdge[]>();
  readonly byId: ReadonlyMap<string, TopologyNode>;

  constructor(input: LintInput) {
    this.byId = new Map(input.nodes.map((n) => [n.id, n]));
    for (const n of input.nodes) {
      this.out.set(n.id, []);
      this.into.set(n.id, []);
    }
    for (const e of input.edges) {
      this.out.get(e.source)?.push(e);
      this.into.get(e.target)?.push(e);
    }
  }

  targets(id: string): TopologyNode[] {
    return (this.out.get(id) ?? []).map((e) => this.byId.get(e.target)).filter((n): n is TopologyNode => n !== undefined);
  }
}

/** Every node a message can move to from `id`: over links, and as a dead letter, alternate route or invalid message. */
function successors(node: TopologyNode, graph: Graph): string[] {
  const next = (graph.out.get(node.id) ?? []).map((e) => e.target);
  if (node.kind === 'queue' && node.config.deadLetterTarget !== undefined) next.push(node.config.deadLetterTarget);
  if (node.kind === 'exchange' && node.config.alternateExchange !== undefined) next.push(node.config.alternateExchange);
  if (node.kind === 'consumer' && node.config.invalidMessage !== undefined) next.push(node.config.invalidMessage.target);
  return next;
}

function deadLetterTargets(input: LintInput): Set<string> {
  const out = new Set<string>();
  for (const n of input.nodes) {
    if (n.kind === 'queue' && n.config.deadLetterTarget !== undefined) out.add(n.config.deadLetterTarget);
    if (n.kind === 'consumer' && n.config.invalidMessage !== undefined) out.add(n.config.invalidMessage.target);
  }
  return out;
}

function queueWithoutConsumer(input: LintInput, graph: Graph): LintWarning[] {
  const parking = deadLetterTargets(input);
  return input.nodes
    .filter((n) => n.kind === 'queue' && (graph.out.get(n.id) ?? []).length === 0)
    .map((n) => {
      const deadLetters = parking.has(n.id);
      return {
        id: `queue-without-consumer:${n.id}`,
        rule: 'queue-without-consumer',
        severity: deadLetters ? 'info' : 'warning',
        nodeId: n.id,
        title: deadLetters ? 'Dead-letter queue with no consumer' : 'Queue with no consumer',
        why: deadLetters
          ? 'Dead letters park here for inspection; nothing reads them, so they stay until their TTL or retention ends them (SEMANTICS §3).'
          : 'A queue hands each message to one of its consumers (SEMANTICS §3); with none, every message waits until TTL, retention or overflow removes it, and none is delivered.',
        fix: deadLetters
          ? 'Link a consumer to it to reprocess dead letters, or leave it as a parking lot.'
          : 'Link a consumer (or a replier) to this queue.',
      } satisfies LintWarning;
    });
}

/** Messages per second the queue's readers can take, or undefined when one of them is not a consumer or replier. */
function drainCapacity(queue: TopologyNode, graph: Graph): number | undefined {
  let perSecond = 0;
  for (const reader of graph.targets(queue.id)) {
    if (reader.kind !== 'consumer' && reader.kind !== 'replier') return undefined;
    const meanMs = distributionMean(reader.config.processingMs);
    if (meanMs <= 0) return undefined;
    perSecond += (reader.config.concurrency * 1000) / meanMs;
  }
  return perSecond;
}

function isBounded(config: QueueConfig): boolean {
  return config.maxLength !== undefined || config.maxBytes !== undefined;
}

function queueGrowsUnbounded(input: LintInput, graph: Graph): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const queue of input.nodes) {
    if (queue.kind !== 'queue' || isBounded(queue.config)) continue;
    let inflow = 0;
    for (const edge of graph.into.get(queue.id) ?? []) {
      const source = graph.byId.get(edge.source);
      if (source?.kind === 'producer') inflow += meanRatePerSecond(source.config.rate);
    }
    const capacity = drainCapacity(queue, graph);
    // No readers is the other rule's warning; unknown readers cannot be estimated.
    if (inflow === 0 || capacity === undefined || capacity === 0 || inflow <= capacity) continue;
    warnings.push({
      id: `queue-grows-unbounded:${queue.id}`,
      rule: 'queue-grows-unbounded',
      severity: 'warning',
      nodeId: queue.id,
      title: 'Unbounded queue fed faster than it drains',
      why: `Producers send about ${formatRate(inflow)} into it but its consumers can take about ${formatRate(capacity)} (concurrency / mean processing time); with no length limit the backlog and the wait grow for the whole run (SEMANTICS §3 capacity, RMQ-L1).`,
      fix: 'Set a max length with an overflow policy, or add consumers or concurrency.',
      setting: { on: 'node', field: 'maxLength' },
    });
  }
  return warnings;
}

/** Nodes on a critical path: the targets of links marked critical, and everything downstream of them. */
function criticalNodes(input: LintInput, graph: Graph): Set<string> {
  const seen = new Set<string>();
  const stack = input.edges.filter((e) => e.critical === true).map((e) => e.target);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    const node = graph.byId.get(id);
    if (!node) continue;
    seen.add(id);
    stack.push(...successors(node, graph));
  }
  return seen;
}

function atMostOnceInCriticalPath(input: LintInput, graph: Graph): LintWarning[] {
  const critical = criticalNodes(input, graph);
  const warnings: LintWarning[] = [];
  for (const consumer of input.nodes) {
    if (consumer.kind !== 'consumer' || !critical.has(consumer.id)) continue;
    if (consumer.config.ack === 'auto') {
      warnings.push({
        id: `at-most-once-in-critical-path:${consumer.id}`,
        rule: 'at-most-once-in-critical-path',
        severity: 'warning',
        nodeId: consumer.id,
        title: 'Auto-ack consumer in a critical path',
        why: 'With auto-ack the queue forgets a message once dispatched: if the consumer crashes holding it, it is lost (lost:consumer-crash, SEMANTICS §3, RMQ-C1), and this path is marked critical.',
        fix: 'Acknowledge after processing (at-least-once), with an idempotent receiver if duplicates matter.',
        setting: { on: 'node', field: 'ack' },
      });
    }
    for (const edge of graph.into.get(consumer.id) ?? []) {
      if (edge.kafka?.commit !== 'before-processing') continue;
      warnings.push({
        id: `at-most-once-in-critical-path:${edge.id}`,
        rule: 'at-most-once-in-critical-path',
        severity: 'warning',
        nodeId: consumer.id,
        edgeId: edge.id,
        title: 'Commit-before Kafka consumer in a critical path',
        why: 'Committing the offset before processing is at-most-once: a crash after the commit skips the record for good (K-3), and this path is marked critical.',
        fix: 'Commit offsets after processing on this link.',
        setting: { on: 'edge', field: 'kafka.commit' },
      });
    }
  }
  return warnings;
}

function fifoCompetingConsumers(input: LintInput, graph: Graph): LintWarning[] {
  return input.nodes.flatMap((queue) => {
    if (queue.kind !== 'queue' || queue.config.ordering !== 'fifo') return [];
    const readers = graph.targets(queue.id).length;
    if (readers < 2) return [];
    return [
      {
        id: `fifo-competing-consumers:${queue.id}`,
        rule: 'fifo-competing-consumers',
        severity: 'warning',
        nodeId: queue.id,
        title: 'FIFO queue with competing consumers',
        why: `The queue dispatches in order, but its ${readers} consumers process in parallel, so order across them is lost and a redelivered message comes after later ones (SEMANTICS §3, RMQ-C6).`,
        fix: 'Order per group (per key, as SQS FIFO message groups) to keep order where it matters, or read with one consumer.',
        setting: { on: 'node', field: 'ordering' },
      } satisfies LintWarning,
    ];
  });
}

/** Strongly connected components with a cycle in them (Tarjan, iterative so a long chain cannot overflow the stack). */
function cycles(input: LintInput, graph: Graph): TopologyNode[][] {
  const nodes = input.nodes.filter((n) => !REPLY_ENDS.has(n.kind));
  const inGraph = new Set(nodes.map((n) => n.id));
  const next = new Map(nodes.map((n) => [n.id, successors(n, graph).filter((id) => inGraph.has(id))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: TopologyNode[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root.id)) continue;
    const work: { id: string; child: number }[] = [{ id: root.id, child: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.id) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        component.push(id);
      } while (id !== frame.id);
      const selfLoop = (next.get(frame.id) ?? []).includes(frame.id);
      if (component.length > 1 || selfLoop) {
        // In the file's order, so the warning names the same node every time.
        const members = new Set(component);
        found.push(input.nodes.filter((n) => members.has(n.id)));
      }
    }
  }
  return found;
}

function cycleWithoutTtl(input: LintInput, graph: Graph): LintWarning[] {
  return cycles(input, graph).flatMap((members) => {
    const queues = members.filter((n): n is Extract<TopologyNode, { kind: 'queue' }> => n.kind === 'queue');
    const ended = queues.some((q) => q.config.messageTtlMs !== undefined || q.config.maxDeliveries !== undefined);
    if (ended) return [];
    const first = queues[0] ?? members[0]!;
    const path = members.map((n) => n.id).join(', ');
    return [
      {
        id: `cycle-without-ttl:${first.id}`,
        rule: 'cycle-without-ttl',
        severity: 'warning',
        nodeId: first.id,
        title: 'Cycle with no TTL or delivery limit',
        why: `Messages can go round ${path} for ever: no queue on the loop has a TTL or a delivery limit to end them (SEMANTICS §3 TTL and max delivery attempts, RMQ-D1).`,
        fix: queues.length > 0 ? `Give ${first.id} a message TTL or a max deliveries.` : 'Break the loop, or lead it through a queue with a message TTL.',
        ...(queues.length > 0 ? { setting: { on: 'node', field: 'messageTtlMs' } } : {}),
      } satisfies LintWarning,
    ];
  });
}

function producerWithoutRoute(input: LintInput, graph: Graph): LintWarning[] {
  return input.nodes
    .filter((n) => n.kind === 'producer' && (graph.out.get(n.id) ?? []).length === 0)
    .map((n) => ({
      id: `producer-without-route:${n.id}`,
      rule: 'producer-without-route',
      severity: 'warning',
      nodeId: n.id,
      title: 'Producer with no route',
      why: 'A producer sends each message over its link; with none, every message it produces is lost:unroutable (SEMANTICS §1, §5).',
      fix: 'Link the producer to a queue, exchange, topic or router.',
    }));
}

/** Every warning for the topology: per rule, in the order of LINT_RULES, each in the file's node order. */
export function lintTopology(input: LintInput): LintWarning[] {
  const graph = new Graph(input);
  return [
    ...queueWithoutConsumer(input, graph),
    ...queueGrowsUnbounded(input, graph),
    ...atMostOnceInCriticalPath(input, graph),
    ...fifoCompetingConsumers(input, graph),
    ...cycleWithoutTtl(input, graph),
    ...producerWithoutRoute(input, graph),
  ];
}
