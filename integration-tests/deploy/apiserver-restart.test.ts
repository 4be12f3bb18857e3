/**
 * The API server goes away in the middle of a deploy: the run stops with a connection error,
 * and once the API server is back, running the deploy again converges with nothing lost.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deploy, type DeployEvent } from '../../src/engine/deploy/deploy';
import type { K8sSecret } from '../../src/engine/k8s-types';
import { CLUSTER_STATE_DIR, useTestNamespace, waitFor } from '../support/cluster';
import { clientAs, exampleValues, waitForReady } from './engine-helpers';

const pidFile = path.join(CLUSTER_STATE_DIR, 'pids', 'kube-apiserver');

/** Stops the API server and returns a function that starts it again with the same arguments. */
function stopApiServer(): () => void {
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  process.kill(-pid, 'SIGKILL');
  return () => {
    const log = openSync(path.join(CLUSTER_STATE_DIR, 'logs', 'kube-apiserver.log'), 'a');
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: ['ignore', log, log] });
    child.unref();
    writeFileSync(pidFile, `${child.pid}\n`);
  };
}

describe('the API server stops during a deploy', () => {
  const ns = useTestNamespace({ prefix: 'restart' });

  it('stops with a clear error, then a second run converges with the same credentials and volumes', async () => {
    const client = clientAs('admin');
    const values = exampleValues('minimal.yaml', ns.name);
    let restart: (() => void) | undefined;
    const onEvent = (e: DeployEvent) => {
      if (!restart && e.type === 'object' && e.state === 'created' && e.ref.kind === 'Secret') {
        restart = stopApiServer();
      }
    };
    const first = await deploy({ client, values, onEvent }).catch((err: unknown) => err);
    expect(restart).toBeDefined();
    const message = first instanceof Error ? first.message : JSON.stringify(first);
    expect(message).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up|reach the cluster/);

    restart!();
    // Ready again once it serves reads from storage (it answers 503 while that initialises).
    await waitFor(async () => (await client.list('v1', 'Secret', { namespace: ns.name })) && true, {
      timeoutMs: 60_000,
      intervalMs: 500,
      description: 'the API server to serve reads again',
    });

    const secretRef = {
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'ml-credentials',
      namespace: ns.name,
    };
    const written = await client.get<K8sSecret>(secretRef);
    const claimsBefore = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });

    const second = await deploy({ client, values });
    expect(second.problems).toEqual([]);
    expect(second.ok).toBe(true);
    expect((await client.get<K8sSecret>(secretRef))?.data).toEqual(written?.data);
    const claimsAfter = await client.list('v1', 'PersistentVolumeClaim', { namespace: ns.name });
    for (const claim of claimsBefore) {
      expect(claimsAfter.map((c) => c.metadata.uid)).toContain(claim.metadata.uid);
    }
    await waitForReady(ns.name, values.name);
  });
});
