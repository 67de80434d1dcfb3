/**
 * Runs a fidelity case's topology in the engine and returns what its consumers observed.
 *
 * API:
 * - `runInEngine(topology, options)`: runs the Simulation until nothing is left to happen
 *   (or `untilMs` of sim time) and returns its Observation (observation.ts): deliveries
 *   through the Simulation's observer hook, returns to mandatory publishers, ready
 *   messages left per queue, and the publish plan (case.ts) as what was published.
 */
import { Simulation } from '../engine/simulation.ts';
import type { Topology } from '../model/index.ts';
import { publishPlan } from './case.ts';
import { messageName, ObservationRecorder, type Observation } from './observation.ts';

export interface EngineRunOptions {
  /** Stop at this sim time even if events remain (a consumer that polls for ever). Default: one hour. */
  untilMs?: number;
}

/** More events than this in a case means it does not settle: a case is a handful of messages. */
const MAX_EVENTS = 1_000_000;

export function runInEngine(topology: Topology, options: EngineRunOptions = {}): Observation {
  const ids = topology.nodes.map((n) => n.id);
  const recorder = new ObservationRecorder(topology.nodes.filter((n) => n.kind === 'consumer').map((n) => n.id));
  const plan = publishPlan(topology);
  for (const publish of plan) recorder.published(publish.message);

  const sim = new Simulation(topology);
  const name = (producer: number, seq: number) => messageName(ids[producer]!, seq);
  // An MQTT subscriber sees each PUBLISH's QoS and retain flag (MQ-2, MQ-3); other consumers have neither.
  const brokerIds = new Set(topology.nodes.filter((n) => n.kind === 'mqtt-broker').map((n) => n.id));
  const mqttSubscriber = new Set(topology.edges.filter((e) => brokerIds.has(e.source)).map((e) => ids.indexOf(e.target)));
  sim.observer = {
    delivered(consumer, msg, redelivered) {
      recorder.delivered(ids[consumer]!, {
        message: name(msg.producer, msg.seq),
        redelivered,
        ...(msg.deaths ? { deaths: msg.deaths.map((d) => ({ queue: ids[d.queue]!, reason: d.reason, count: d.count })) } : {}),
        ...(mqttSubscriber.has(consumer) ? { qos: msg.qos, retained: msg.retain } : {}),
      });
    },
    returned(msg) {
      recorder.returned(name(msg.producer, msg.seq));
    },
    nacked(msg) {
      recorder.nacked(name(msg.producer, msg.seq));
    },
  };
  sim.runUntil(options.untilMs ?? 3_600_000, MAX_EVENTS);
  if (sim.events >= MAX_EVENTS) throw new Error(`the engine run did not settle within ${MAX_EVENTS} events`);
  // An MQTT broker's Last Wills (MQ-5) are messages it produced itself, outside the plan.
  const wills = sim.nodeStats().reduce((n, stats) => n + (stats.kind === 'mqtt-broker' ? stats.wills : 0), 0);
  if (sim.ledger.produced !== plan.length + wills) {
    throw new Error(`the engine produced ${sim.ledger.produced} messages, the publish plan has ${plan.length} (and ${wills} wills)`);
  }

  sim.nodeStats().forEach((stats, i) => {
    if (stats.kind === 'queue') recorder.queued(ids[i]!, stats.depth);
  });
  return recorder.result();
}
