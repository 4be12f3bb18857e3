/** The contract every CLI command module fulfils (`src/cli/commands/<name>.ts`). */
import type { ClusterClient } from '../engine/cluster/client';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Reads a values source as bytes: a regular file, or standard input for `-`; refuses anything
   * else or anything too large with an error whose message is the reason. (Text is accepted for
   * tests that hand the command a file's contents.)
   */
  readFile: (path: string) => Promise<Uint8Array | string>;
  /** The cluster client for these options; the kubeconfig's client when absent. */
  connect?: (options: { kubeconfig?: string; context?: string }) => ClusterClient;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}

/** Exit codes shared by all commands. */
export const EXIT = { ok: 0, failure: 1, invalidInput: 2 } as const;
