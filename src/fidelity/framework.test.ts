// The fidelity framework without a broker: the engine side's observation (through the
// Simulation's observer hook), the comparison's verdicts, and the broker check's message.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { caseTopology, publishPlan } from './case.ts';
import { RABBITMQ_ROUTING_CASES } from './cases/rabbitmq-routing.ts';
import { compareObservations } from './compare.ts';
import { runInEngine } from './engine-side.ts';
import type { Observation } from './observation.ts';
import { assertReachable } from './reachable.ts';

const mandatoryCase = RABBITMQ_ROUTING_CASES.find((c) => c.title.startsWith('mandatory: '))!;

function observation(deliveries: Observation['deliveries'], extra: Partial<Observation> = {}): Observation {
  return { deliveries, returned: [], queued: {}, published: [], ...extra };
}

describe('engine side', () => {
  it('records deliveries per consumer, mandatory returns and what queues hold (RMQ-R6)', () => {
    const seen = runInEngine(caseTopology(mandatoryCase));
    expect(seen).toEqual({
      deliveries: { cq1: [{ message: 'p:0', redelivered: false }, { message: 'p:2', redelivered: false }] },
      returned: ['p:1', 'p:3'],
      queued: { q1: 0 },
      published: ['p:0', 'p:1', 'p:2', 'p:3'],
    });
  });

  it('plans publishes in send order across producers, with keys and filled header templates', () => {
    const headersCase = RABBITMQ_ROUTING_CASES.find((c) => c.rule === 'RMQ-R5')!;
    const plan = publishPlan(caseTopology(headersCase));
    expect(plan.map((p) => p.message)).toEqual(['report:0', 'log:0', 'report:1', 'log:1', 'log:2']);
    expect(plan[1]).toMatchObject({ key: 'pdf', headers: { format: 'pdf', type: 'log' }, atMs: 5 });
  });
});

describe('compareObservations', () => {
  const one = { message: 'p:0', redelivered: false };
  const two = { message: 'p:1', redelivered: false };

  it('agrees on equal observations', () => {
    expect(compareObservations(observation({ c: [one, two] }), observation({ c: [one, two] }))).toEqual([]);
  });

  it('names the consumer and position where the order differs, unless order is not compared', () => {
    const diffs = compareObservations(observation({ c: [one, two] }), observation({ c: [two, one] }));
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatch(/^consumer c: at position 0 engine has p:0, broker p:1/);
    expect(compareObservations(observation({ c: [one, two] }), observation({ c: [two, one] }), { order: 'any' })).toEqual([]);
  });

  it('tells redelivered flags, dead-letter reasons, returns and queue depths apart', () => {
    const redelivered = { ...one, redelivered: true };
    const dead = { ...one, deaths: [{ queue: 'q', reason: 'expired', count: 1 }] };
    expect(compareObservations(observation({ c: [one] }), observation({ c: [redelivered] }))).toHaveLength(1);
    expect(compareObservations(observation({ c: [one] }), observation({ c: [redelivered] }), { redelivered: false })).toEqual([]);
    expect(compareObservations(observation({ c: [dead] }), observation({ c: [{ ...dead, deaths: [{ queue: 'q', reason: 'rejected', count: 1 }] }] }))).toHaveLength(1);
    expect(compareObservations(observation({}, { returned: ['p:1'] }), observation({}))).toEqual([
      expect.stringMatching(/^returned to publisher: at position 0 engine has p:1, broker \(nothing\)/),
    ]);
    expect(compareObservations(observation({}, { queued: { q: 2 } }), observation({}, { queued: { q: 3 } }))).toEqual([
      'queue q: engine has 2 ready at the end, broker 3',
    ]);
  });

  it('counts repeats when order is not compared', () => {
    expect(compareObservations(observation({ c: [one, one] }), observation({ c: [one] }), { order: 'any' })).toEqual([
      'consumer c: only the engine got [p:0], only the broker got []',
    ]);
  });
});

describe('assertReachable', () => {
  it('fails naming the broker and how to start it when nothing listens', async () => {
    // A port that was free a moment ago: listen, learn it, close.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(assertReachable({ name: 'TestBroker', port, howToStart: 'run it' })).rejects.toThrow(
      new RegExp(`^TestBroker is not reachable on 127.0.0.1:${port} .*Start it: run it$`),
    );
  });
});
