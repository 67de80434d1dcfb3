import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // The fidelity tests need real brokers: `npm run test:fidelity` (vitest.fidelity.config.ts).
    exclude: ['**/node_modules/**', 'src/fidelity/**/*.fidelity.test.ts'],
    environment: 'node',
  },
});
