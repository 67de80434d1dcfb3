/**
 * Checks that a real broker answers on 127.0.0.1 before a fidelity suite runs.
 *
 * API:
 * - `BROKERS`: the three brokers, their ports and how to start each.
 * - `assertReachable(broker)`: resolves when the port accepts a connection; otherwise
 *   rejects with an error naming the broker and how to start it. The suites call it in
 *   `beforeAll`, so a missing broker fails the suite (SEMANTICS are never skipped silently).
 */
import { connect } from 'node:net';

export interface BrokerEndpoint {
  name: string;
  port: number;
  /** What to run to have it (Debian package and how to start it). */
  howToStart: string;
}

export const BROKERS = {
  rabbitmq: {
    name: 'RabbitMQ',
    port: 5672,
    howToStart: 'apt-get install rabbitmq-server && rabbitmq-server -detached (or: service rabbitmq-server start); .ci/run does this',
  },
  mosquitto: { name: 'Mosquitto', port: 1883, howToStart: 'apt-get install mosquitto && mosquitto -d; .ci/run does this' },
  nats: { name: 'NATS', port: 4222, howToStart: 'apt-get install nats-server && nats-server -a 127.0.0.1 &; .ci/run does this' },
} as const satisfies Record<string, BrokerEndpoint>;

export function assertReachable(broker: BrokerEndpoint, timeoutMs = 3_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: broker.port });
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`${broker.name} is not reachable on 127.0.0.1:${broker.port} (${why}). Start it: ${broker.howToStart}`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer in ${timeoutMs} ms`));
    socket.once('error', (error) => fail(error.message));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
  });
}
