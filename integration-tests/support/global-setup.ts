/**
 * Vitest global setup for the integration suite: brings the local control plane up (building it
 * from source first when the binaries are not cached) and fails the run with the reason if that
 * is impossible. A cluster that was already running is reused and left running; one started
 * here is stopped after the run unless CLUSTER_KEEP=1.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const clusterDir = path.resolve(here, '..', 'cluster');

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

export default async function setup(): Promise<() => Promise<void>> {
  const { code, output } = await run('up.sh');
  if (code !== 0) {
    const tail = output.trim().split('\n').slice(-25).join('\n');
    throw new Error(
      `The local Kubernetes control plane could not be started (up.sh exited ${code}):\n${tail}`,
    );
  }
  const reused = output.includes('already running');
  return async () => {
    if (reused || process.env.CLUSTER_KEEP === '1') return;
    await run('down.sh');
  };
}
