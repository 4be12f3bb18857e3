import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Integration tests against the local Kubernetes control plane (integration-tests/cluster).
// The global setup starts the cluster once (building it from source on a fresh machine),
// test files run one after another, and each test gets its own namespace from support/cluster.ts.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    globals: true,
    environment: 'node',
    include: ['integration-tests/**/*.test.ts'],
    globalSetup: ['integration-tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
