import { defineConfig } from 'vitest/config';

// Unit and component tests. Integration tests against the local control plane have their own
// configuration in integration-tests/vitest.config.ts.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    testTimeout: 20_000,
  },
});
