import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium (Debian's, through playwright-core) against the
// development console host and the local control plane. The global setup builds the plugin
// and the host, starts (or reuses) the cluster and serves the host on a free loopback port.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..'),
  test: {
    globals: true,
    environment: 'node',
    include: ['integration-tests/e2e/tests/**/*.e2e.ts'],
    globalSetup: ['integration-tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
