/** Test support: the CLI in-process (real reader, captured output) and as a built bundle. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { CliIo } from './command';
import { main } from './dispatch';
import { nodeIo } from './node-io';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with the real file reader; output is captured. */
export async function runInProcess(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: nodeIo.readFile,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Bundles the CLI the way `npm run build:cli` does, into `dir`; returns the bundle's path. */
export async function buildCli(dir: string): Promise<string> {
  const outfile = join(dir, 'clearml-openshift.cjs');
  await build({
    entryPoints: [join(__dirname, 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Runs the bundled CLI as a child process with a heap cap, so unbounded memory is a crash.
 * Asynchronous, so the test runner stays responsive while the child works.
 */
export function runBundle(
  bundle: string,
  args: string[],
  options: { input?: string | Uint8Array; timeoutMs?: number; heapMb?: number } = {},
): Promise<CliRun & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${options.heapMb ?? 256}`, bundle, ...args],
      {
        env: { ...process.env, KUBECONFIG: '/nonexistent/kubeconfig' },
        timeout: options.timeoutMs ?? 60_000,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    // The CLI may stop reading early (input over the limit): a closed pipe is not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** What no output of the CLI may contain: raw control characters or a stack trace. */
export function expectCleanOutput(run: CliRun): void {
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
  if (raw.test(run.stderr)) throw new Error(`raw control character on stderr: ${run.stderr}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr)) throw new Error(`stack trace: ${run.stderr}`);
}
