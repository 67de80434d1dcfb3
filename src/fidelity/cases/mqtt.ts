/**
 * MQTT fidelity cases (SEMANTICS.md §7), each played in the engine and against Mosquitto
 * (mosquitto.ts). A case is producers -> one broker `b` -> consumers; each consumer's link
 * carries its subscription. Events are a second or more apart, so the order in which the
 * broker sees them is the same in the engine (5 ms links) and on loopback.
 */
import type { FidelityCase } from '../case.ts';

type Filters = [filter: string, qos: 0 | 1 | 2][];

interface Publisher {
  id: string;
  keys: string[];
  limit: number;
  qos?: 0 | 1 | 2;
  retain?: boolean;
  /** Messages a second apart unless given. */
  perSecond?: number;
  startMs?: number;
  sizeBytes?: number;
  keepAliveMs?: number;
  will?: { topic: string; qos: 0 | 1 | 2; retain: boolean };
}

interface Subscriber {
  id: string;
  filters: Filters;
  cleanSession?: boolean;
  /** The subscriber connects (its link opens) then; absent: from the start. */
  fromMs?: number;
}

function topology(publishers: Publisher[], subscribers: Subscriber[], faults: object[] = []): unknown {
  return {
    format: 'msgflow/1',
    nodes: [
      ...publishers.map(({ id, perSecond = 1, ...config }) => ({ id, kind: 'producer', config: { rate: { dist: 'constant', perSecond }, ...config } })),
      { id: 'b', kind: 'mqtt-broker', config: {} },
      ...subscribers.map(({ id }) => ({ id, kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 1 } } })),
    ],
    edges: [
      ...publishers.map(({ id }) => ({ id: `${id}-b`, source: id, target: 'b' })),
      ...subscribers.map(({ id, filters, cleanSession = true, fromMs }) => ({
        id: `b-${id}`,
        source: 'b',
        target: id,
        subscription: { filters: filters.map(([filter, qos]) => ({ filter, qos })), cleanSession },
        ...(fromMs === undefined ? {} : { activeFromMs: fromMs }),
      })),
    ],
    faults,
  };
}

export const MQTT_CASES: FidelityCase[] = [
  {
    rule: 'MQ-6',
    title: '+ is one level, # also matches the parent, levels are case-sensitive, /finance has an empty first level',
    topology: topology(
      [{ id: 'p', keys: ['sport/tennis/player1', 'sport', 'sport/', '/finance', 'finance', 'Sport/tennis/player1'], limit: 6, qos: 1 }],
      [
        { id: 'sport-plus', filters: [['sport/+', 1]] },
        { id: 'sport-hash', filters: [['sport/#', 1]] },
        { id: 'tennis-plus', filters: [['sport/tennis/+', 1]] },
        { id: 'plus', filters: [['+', 1]] },
        { id: 'plus-plus', filters: [['+/+', 1]] },
        { id: 'slash-plus', filters: [['/+', 1]] },
        { id: 'all', filters: [['#', 1]] },
      ],
    ),
  },
  {
    rule: 'MQ-6',
    title: 'a filter starting with a wildcard does not match a $ topic; one starting with $ does',
    topology: topology(
      [{ id: 'p', keys: ['$app/status', 'app/status', '$app/status/detail'], limit: 3, qos: 1 }],
      [
        { id: 'all', filters: [['#', 1]] },
        { id: 'plus-status', filters: [['+/status', 1]] },
        { id: 'app-hash', filters: [['$app/#', 1]] },
        { id: 'app-plus', filters: [['$app/+', 1]] },
      ],
    ),
  },
  {
    rule: 'MQ-6',
    title: '$SYS belongs to the broker: a client publishing there reaches no subscriber',
    topology: topology(
      [{ id: 'p', keys: ['$SYS/msgflow/uptime', 'msgflow/uptime'], limit: 2, qos: 1 }],
      [
        { id: 'sys', filters: [['$SYS/msgflow/#', 1]] },
        { id: 'all', filters: [['#', 1]] },
      ],
    ),
  },
  {
    rule: 'MQ-2',
    title: 'delivered QoS is the lower of publish and subscription QoS',
    topology: topology(
      [
        { id: 'q0', keys: ['t/a'], limit: 1, qos: 0 },
        { id: 'q1', keys: ['t/a'], limit: 1, qos: 1, startMs: 1_000 },
        { id: 'q2', keys: ['t/a'], limit: 1, qos: 2, startMs: 2_000 },
      ],
      [
        { id: 'sub0', filters: [['t/#', 0]] },
        { id: 'sub1', filters: [['t/#', 1]] },
        { id: 'sub2', filters: [['t/#', 2]] },
      ],
    ),
  },
  {
    rule: 'MQ-2',
    title: 'overlapping filters of one client: one copy, at the highest matching QoS (MQTT 3.1.1)',
    topology: topology(
      [{ id: 'p', keys: ['t/a', 't/b'], limit: 2, qos: 2 }],
      [{ id: 'c', filters: [['t/#', 0], ['t/a', 2]] }],
    ),
  },
  {
    rule: 'MQ-3',
    title: 'a late subscriber gets the last retained message with the retain flag; an empty retained publish deletes it',
    topology: topology(
      [
        { id: 'sensor', keys: ['sensors/t1'], limit: 3, qos: 1, retain: true },
        { id: 'plain', keys: ['sensors/t1'], limit: 1, qos: 1, startMs: 3_000 },
        { id: 'clear', keys: ['sensors/t1'], limit: 1, qos: 1, retain: true, sizeBytes: 0, startMs: 6_000 },
      ],
      [
        { id: 'live', filters: [['sensors/#', 1]] },
        { id: 'late', filters: [['sensors/+', 1]], fromMs: 5_000 },
        { id: 'after-clear', filters: [['sensors/#', 1]], fromMs: 8_000 },
      ],
    ),
  },
  {
    rule: 'MQ-4',
    title: 'offline for a while: a persistent session gets the QoS 1 messages it missed, not the QoS 0 ones; a clean session gets none',
    topology: topology(
      [
        { id: 'q1', keys: ['s/q1'], limit: 6, qos: 1 },
        { id: 'q0', keys: ['s/q0'], limit: 6, qos: 0, startMs: 500 },
      ],
      [
        { id: 'persistent', filters: [['s/#', 1]], cleanSession: false },
        { id: 'clean', filters: [['s/#', 1]] },
      ],
      [
        { atMs: 1_700, action: 'crash', node: 'persistent', restartAfterMs: 2_000 },
        { atMs: 1_700, action: 'crash', node: 'clean', restartAfterMs: 2_000 },
      ],
    ),
  },
  {
    rule: 'MQ-5',
    title: 'a client gone without DISCONNECT has its retained will published; a later subscriber gets it',
    topology: topology(
      [{ id: 'device', keys: ['devices/d1/status'], limit: 1, qos: 1, retain: true, keepAliveMs: 2_000, will: { topic: 'devices/d1/status', qos: 1, retain: true } }],
      [
        { id: 'dashboard', filters: [['devices/+/status', 1]] },
        { id: 'late', filters: [['devices/#', 1]], fromMs: 8_000 },
      ],
      [{ atMs: 1_000, action: 'cut', edge: 'device-b' }],
    ),
  },
  {
    rule: 'MQ-7',
    title: 'per topic and QoS, a subscriber gets messages in the order they were published',
    topology: topology(
      [
        { id: 'p', keys: ['o/a', 'o/b'], limit: 12, qos: 1, perSecond: 10 },
        { id: 'r', keys: ['o/c'], limit: 6, qos: 2, perSecond: 5, startMs: 50 },
      ],
      [{ id: 'c', filters: [['o/#', 2]] }],
    ),
  },
  {
    rule: 'MQ-8',
    title: 'a shared subscription gives each message to one member, in turn; a plain subscriber gets all',
    topology: topology(
      [{ id: 'p', keys: ['jobs/a', 'jobs/b'], limit: 6, qos: 1 }],
      [
        { id: 'w1', filters: [['$share/workers/jobs/#', 1]] },
        { id: 'w2', filters: [['$share/workers/jobs/#', 1]] },
        { id: 'audit', filters: [['jobs/#', 0]] },
      ],
    ),
  },
  {
    rule: 'MQ-8',
    title: 'a shared-subscription member offline with a persistent session keeps its turn: its QoS 1 messages wait for it',
    topology: topology(
      [{ id: 'p', keys: ['jobs/a'], limit: 6, qos: 1 }],
      [
        { id: 'w1', filters: [['$share/workers/jobs/#', 1]], cleanSession: false },
        { id: 'w2', filters: [['$share/workers/jobs/#', 1]] },
      ],
      [{ atMs: 1_500, action: 'crash', node: 'w1', restartAfterMs: 3_000 }],
    ),
  },
  {
    rule: 'MQ-8',
    title: 'at QoS 0 the turn of an offline persistent member is a message no member gets',
    topology: topology(
      [{ id: 'p', keys: ['jobs/a'], limit: 6, qos: 0 }],
      [
        { id: 'w1', filters: [['$share/workers/jobs/#', 1]], cleanSession: false },
        { id: 'w2', filters: [['$share/workers/jobs/#', 1]] },
      ],
      [{ atMs: 1_500, action: 'crash', node: 'w1', restartAfterMs: 3_000 }],
    ),
  },
];
