import { beforeAll, describe, expect, it } from 'vitest';
import { caseTopology } from './case.ts';
import { MQTT_CASES } from './cases/mqtt.ts';
import { compareObservations } from './compare.ts';
import { runInEngine } from './engine-side.ts';
import { runOnMosquitto } from './mosquitto.ts';
import { assertReachable, BROKERS } from './reachable.ts';

/** MQTT (SEMANTICS.md §7): each case run in the engine and on Mosquitto, the observations compared. */
describe('MQTT fidelity (Mosquitto)', () => {
  beforeAll(() => assertReachable(BROKERS.mosquitto));

  for (const c of MQTT_CASES) {
    it(`${c.rule}: ${c.title}`, async () => {
      const topology = caseTopology(c);
      const engine = runInEngine(topology);
      const broker = await runOnMosquitto(topology);
      expect(engine.published.length).toBeGreaterThan(0);
      expect(compareObservations(engine, broker, c.compare)).toEqual([]);
    });
  }
});
