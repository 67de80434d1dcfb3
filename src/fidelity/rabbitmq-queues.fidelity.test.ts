// Differential tests of RabbitMQ's queue and consumer rules (SEMANTICS.md §3, §6: RMQ-C1..C6,
// RMQ-T1, RMQ-D1, RMQ-L1, RMQ-L2, RMQ-D2, RMQ-P2) against a real RabbitMQ on 127.0.0.1:5672:
// each case runs in the engine and on the broker, and what their consumers observed must agree.
import { describe, expect, it } from 'vitest';
import { caseTopology } from './case.ts';
import { RABBITMQ_QUEUE_CASES } from './cases/rabbitmq-queues.ts';
import { compareObservations } from './compare.ts';
import { runInEngine } from './engine-side.ts';
import { runOnRabbitMQ } from './rabbitmq.ts';
import { assertReachable, BROKERS } from './reachable.ts';

// Checked in each test, not in a hook, so a missing broker fails every case by name.
const reachable = assertReachable(BROKERS.rabbitmq);
reachable.catch(() => undefined);

describe('RabbitMQ fidelity: queues and consumers', () => {
  for (const c of RABBITMQ_QUEUE_CASES) {
    it(`${c.rule} ${c.title}`, async () => {
      await reachable;
      const engine = runInEngine(caseTopology(c));
      const broker = await runOnRabbitMQ(c);
      expect(compareObservations(engine, broker, c.compare).join('\n')).toBe('');
    });
  }
});
