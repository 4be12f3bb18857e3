/** Shared helpers for the deploy engine's integration tests. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { createNodeClient } from '../../src/adapters/node-client';
import type { ClusterClient } from '../../src/engine/cluster/client';
import { readLiveState } from '../../src/engine/status/read';
import { instanceStatus } from '../../src/engine/status/model';
import type { InstanceStatus } from '../../src/engine/status/types';
import { parseValues } from '../../src/engine/values';
import type { ClearMLValues } from '../../src/engine/values/schema';
import { type ClusterUser, KUBECONFIG_PATH, REPO_ROOT, waitFor } from '../support/cluster';

export const clientAs = (user: ClusterUser): ClusterClient =>
  createNodeClient({ kubeconfig: KUBECONFIG_PATH, context: user });

/** Values from an example file, placed in `namespace`. */
export function exampleValues(file: string, namespace: string, extra: object = {}): ClearMLValues {
  const raw = parse(readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as object;
  const result = parseValues({ ...raw, namespace, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.values;
}

export async function statusOf(namespace: string, instance: string): Promise<InstanceStatus> {
  return instanceStatus(instance, await readLiveState(clientAs('admin'), namespace, instance));
}

export function waitForReady(namespace: string, instance: string, timeoutMs = 90_000) {
  return waitFor(async () => ((await statusOf(namespace, instance)).ready ? true : undefined), {
    timeoutMs,
    intervalMs: 1000,
    description: `instance ${instance} in ${namespace} Ready`,
  });
}

const run = promisify(execFile);

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command-line tool as a user of the local cluster. */
export async function cli(args: string[], user: ClusterUser = 'admin'): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'src/cli/main.ts',
        ...args,
        '--kubeconfig',
        KUBECONFIG_PATH,
        '--context',
        user,
      ],
      { cwd: REPO_ROOT, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    };
  }
}
