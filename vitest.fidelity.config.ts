import { defineConfig } from 'vitest/config';

// `npm run test:fidelity`: the differential tests against real brokers on 127.0.0.1
// (src/fidelity). Kept out of the unit suite (vite.config.ts excludes them) because they
// need RabbitMQ, Mosquitto and NATS running; .ci/run starts them.
export default defineConfig({
  test: {
    include: ['src/fidelity/**/*.fidelity.test.ts'],
    environment: 'node',
    // One broker at a time: cases isolate their objects, but a 2-core machine runs them faster in turn.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
