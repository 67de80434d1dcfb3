// Differential tests against a real RabbitMQ on 127.0.0.1:5672: each case runs in the engine
// and on the broker, and what their consumers observed must agree (`npm run test:fidelity`).
import { describe, expect, it } from 'vitest';
import { caseTopology } from './case.ts';
import { RABBITMQ_ROUTING_CASES } from './cases/rabbitmq-routing.ts';
import { compareObservations } from './compare.ts';
import { runInEngine } from './engine-side.ts';
import { runOnRabbitMQ } from './rabbitmq.ts';
import { assertReachable, BROKERS } from './reachable.ts';

// Checked in each test, not in a hook, so a missing broker fails every case by name.
const reachable = assertReachable(BROKERS.rabbitmq);
reachable.catch(() => undefined);

describe('RabbitMQ fidelity', () => {
  for (const c of RABBITMQ_ROUTING_CASES) {
    it(`${c.rule} ${c.title}`, async () => {
      await reachable;
      const engine = runInEngine(caseTopology(c));
      const broker = await runOnRabbitMQ(c);
      expect(compareObservations(engine, broker, c.compare).join('\n')).toBe('');
    });
  }
});
