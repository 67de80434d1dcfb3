import { beforeAll, describe, expect, it } from 'vitest';
import { caseTopology } from './case.ts';
import { NATS_CASES } from './cases/nats.ts';
import { compareObservations } from './compare.ts';
import { runInEngine } from './engine-side.ts';
import { mergeQueueGroups, runOnNats } from './nats.ts';
import { assertReachable, BROKERS } from './reachable.ts';

/** Core NATS (SEMANTICS.md §11): each case run in the engine and on nats-server, the observations compared. */
describe('NATS fidelity', () => {
  beforeAll(() => assertReachable(BROKERS.nats));

  for (const c of NATS_CASES) {
    it(`${c.rule}: ${c.title}`, async () => {
      const topology = caseTopology(c);
      const engine = mergeQueueGroups(runInEngine(topology), topology);
      const broker = mergeQueueGroups(await runOnNats(topology), topology);
      expect(engine.published.length).toBeGreaterThan(0);
      expect(compareObservations(engine, broker, c.compare)).toEqual([]);
    });
  }
});
