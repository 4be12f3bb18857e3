import { waitFor } from '../../support/wait';

/** Polls a condition in the test process (API state); browser tests wait up to a minute. */
export const until: typeof waitFor = (probe, options = {}) =>
  waitFor(probe, { timeoutMs: 60_000, ...options });
