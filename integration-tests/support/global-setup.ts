/**
 * Vitest global setup for the integration suite: brings the local control plane up (building it
 * from source first when the binaries are not cached) and fails the run with the reason if that
 * is impossible.
 *
 * Several test runs may share one cluster. Each run holds a lease file in .cluster/leases while it
 * runs. A cluster started by a test run is stopped by the last run that leaves (unless
 * CLUSTER_KEEP=1); a cluster started with `npm run cluster:up` is always left running.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clusterDir = path.resolve(here, '..', 'cluster');
const stateDir = process.env.CLUSTER_STATE_DIR ?? path.resolve(here, '..', '..', '.cluster');
const leaseDir = path.join(stateDir, 'leases');
const startedByTests = path.join(stateDir, 'started-by-tests');

function run(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [path.join(clusterDir, script)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const forward = (chunk: Buffer): void => {
      output += chunk.toString();
      process.stderr.write(chunk);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function otherLiveLeases(): number[] {
  if (!fs.existsSync(leaseDir)) return [];
  return fs
    .readdirSync(leaseDir)
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid && alive(pid));
}

export default async function setup(): Promise<() => Promise<void>> {
  const { code, output } = await run('up.sh');
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-25).join('\n');
    throw new Error(
      `The local Kubernetes control plane could not be started (up.sh exited ${code}):\n${tail}`,
    );
  }
  if (!output.includes('already running')) fs.writeFileSync(startedByTests, `${process.pid}\n`);
  fs.mkdirSync(leaseDir, { recursive: true });
  const lease = path.join(leaseDir, String(process.pid));
  fs.writeFileSync(lease, '');

  return async () => {
    fs.rmSync(lease, { force: true });
    if (process.env.CLUSTER_KEEP === '1' || !fs.existsSync(startedByTests)) return;
    if (otherLiveLeases().length > 0) return;
    await run('down.sh');
  };
}
