/** Values the global setup hands to the test files. */
export type E2EContext = {
  /** Base URL of the development console host, with a trailing slash. */
  consoleURL: string;
  /** Namespace the tests deploy into (created for the run, deleted afterwards). */
  namespace: string;
  /** Namespace where `developer` is admin and `viewer` only views. */
  teamNamespace: string;
};

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}
