/**
 * A fidelity case and the publishes it makes, shared by the engine side and every broker
 * driver.
 *
 * API:
 * - `FidelityCase<Script>`: a SEMANTICS.md rule id, a title, a msgflow/1 topology (as small
 *   as possible), what to compare, and a broker-side script for what the topology alone
 *   does not say (see the broker's driver for its script type).
 * - `caseTopology(c)`: the case's topology loaded through the model's one pipeline
 *   (defaults filled in); throws naming the JSON path on a bad one.
 * - `publishPlan(topology)`: every message its producers send, in send order, with key,
 *   headers, priority and the producer's publish options — what the engine's producers do,
 *   so a driver publishing this plan publishes what the engine did.
 */
import { headerStamper } from '../engine/nodes/producer.ts';
import { describeLoadError, loadTopology, type ProducerConfig, type Topology } from '../model/index.ts';
import type { CompareOptions } from './compare.ts';
import { messageName } from './observation.ts';

export interface FidelityCase<Script = undefined> {
  /** The SEMANTICS.md rule it checks (RMQ-R4, MQ-6, N-3, ...). */
  rule: string;
  /** What it checks, in a few words (shown in the test name and the README table). */
  title: string;
  /** msgflow/1 topology JSON; producers need a constant rate and a `limit`. */
  topology: unknown;
  compare?: CompareOptions;
  script?: Script;
}

export function caseTopology(c: FidelityCase<unknown>): Topology {
  const result = loadTopology(c.topology);
  if (!result.ok) throw new Error(`case ${c.rule} "${c.title}": ${describeLoadError(result.error)}`);
  return result.topology;
}

export interface PlannedPublish {
  /** `<producer>:<seq>`. */
  message: string;
  producer: string;
  seq: number;
  /** Sim time the engine's producer sends it. */
  atMs: number;
  /** Node id the producer is linked to (an exchange, a queue, a broker); undefined: none. */
  target: string | undefined;
  key: string | undefined;
  headers: Readonly<Record<string, string>>;
  priority: number;
  ttlMs: number | undefined;
  persistent: boolean;
  mandatory: boolean;
  qos: ProducerConfig['qos'];
  retain: boolean;
}

export function publishPlan(topology: Topology): PlannedPublish[] {
  const plan: (PlannedPublish & { order: number })[] = [];
  topology.nodes.forEach((node, order) => {
    if (node.kind !== 'producer') return;
    const c = node.config;
    if (c.rate.dist !== 'constant' || c.limit === undefined || c.keyWeights || c.priorityWeights) {
      throw new Error(`producer "${node.id}": a fidelity case needs a constant rate, a limit, and round-robin keys and priorities`);
    }
    const target = topology.edges.find((e) => e.source === node.id)?.target;
    const stamp = headerStamper(c.headers);
    for (let seq = 0; seq < c.limit; seq++) {
      const key = c.keys.length > 0 ? c.keys[seq % c.keys.length] : undefined;
      plan.push({
        order,
        message: messageName(node.id, seq),
        producer: node.id,
        seq,
        atMs: c.startMs + (seq * 1000) / c.rate.perSecond,
        target,
        key,
        headers: stamp(seq, key) ?? {},
        priority: c.priorities.length > 0 ? c.priorities[seq % c.priorities.length]! : 0,
        ttlMs: c.ttlMs,
        persistent: c.persistent,
        mandatory: c.mandatory,
        qos: c.qos,
        retain: c.retain,
      });
    }
  });
  // Same instant: the producer earlier in the topology sends first, as its timer was scheduled first.
  plan.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  return plan.map(({ order: _order, ...publish }) => publish);
}
