/**
 * Deploys the default instance into fresh namespaces of the local control plane and compares,
 * in the same run, the engine with `kubectl apply --server-side` of the same rendered YAML (wall
 * time, requests per object, 429s), then the engine's uninstall with `kubectl delete` of that
 * YAML. Medians of BENCH_ROUNDS rounds (default 5); the order of the two alternates per round.
 *
 * kubectl is the one the local control plane's build compiles from source into the cache
 * (integration-tests/cluster/build.sh); `up.sh` builds it first when it is missing. The cluster
 * is the one in CLUSTER_STATE_DIR (default `.cluster`), started here if it is not running and
 * then stopped again at the end, unless a test run holds a lease on it meanwhile.
 * BENCH_IN_FLIGHT sets the engine's requests in flight (default: the engine's own).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKubeConfig, nodeTransport } from '../src/adapters/node-client';
import { renderWithPlan, toYaml } from '../src/engine';
import { createRestClient, type Transport } from '../src/engine/cluster/rest-client';
import { retrying } from '../src/engine/cluster/retrying-client';
import { deploy } from '../src/engine/deploy/deploy';
import { uninstall } from '../src/engine/deploy/uninstall';
import { createValues } from '../src/engine/values';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const IN_FLIGHT = process.env.BENCH_IN_FLIGHT ? Number(process.env.BENCH_IN_FLIGHT) : undefined;
const root = resolve(__dirname, '..');
const state = process.env.CLUSTER_STATE_DIR ?? join(root, '.cluster');
const kubeconfig = join(state, 'kubeconfig');
const kubectl = join(
  process.env.CLEARML_PLUGIN_CACHE ?? join(homedir(), '.cache/clearml-console-plugin'),
  'bin',
  'kubectl',
);

interface Run {
  ms: number;
  requests: number;
  /** GETs: lists, reads by name, polls (and kubectl's discovery). */
  reads: number;
  throttled: number;
  objects: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

function sh(args: string[]) {
  return execFileSync(kubectl, ['--kubeconfig', kubeconfig, '--context', 'admin', ...args], {
    encoding: 'utf8',
  });
}

/** The engine's client as the CLI builds it, counting requests and 429 answers. */
function countingClient() {
  const kc = loadKubeConfig({ kubeconfig, context: 'admin' });
  const counts = { requests: 0, reads: 0, throttled: 0 };
  const transport = nodeTransport(kc, (request) => {
    counts.requests++;
    if (request.method === 'GET') counts.reads++;
  });
  const counted: Transport = async (request) => {
    const response = await transport(request);
    if (response.status === 429) counts.throttled++;
    return response;
  };
  return { client: retrying(createRestClient(counted)), counts };
}

const values = (namespace: string) => createValues({ name: 'clearml', namespace });

async function engineDeploy(namespace: string): Promise<Run> {
  const { client, counts } = countingClient();
  const start = performance.now();
  const result = await deploy({ client, values: values(namespace), concurrency: IN_FLIGHT });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`engine deploy failed: ${JSON.stringify(result.problems)}`);
  return { ms, ...counts, objects: result.states.length };
}

async function engineUninstall(namespace: string): Promise<Run> {
  const { client, counts } = countingClient();
  const start = performance.now();
  const result = await uninstall({
    client,
    namespace,
    instance: 'clearml',
    deleteData: true,
    concurrency: IN_FLIGHT,
  });
  const ms = performance.now() - start;
  if (result.problems.length) {
    throw new Error(`engine uninstall failed: ${JSON.stringify(result.problems)}`);
  }
  return { ms, ...counts, objects: result.deleted.length };
}

/** kubectl with -v=6, which logs one `"Response" verb=… status="…"` line per request. */
function kubectlTimed(args: string[], objects: number): Run {
  const start = performance.now();
  const out = spawnSync(
    kubectl,
    ['--kubeconfig', kubeconfig, '--context', 'admin', ...args, '-v=6'],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`kubectl ${args[0]} failed: ${out.stderr.slice(-500)}`);
  const requests = (out.stderr.match(/"Response" verb=/g) ?? []).length;
  const reads = (out.stderr.match(/"Response" verb="GET"/g) ?? []).length;
  const throttled = (out.stderr.match(/"Response" verb=[^\n]*status="429/g) ?? []).length;
  return { ms, requests, reads, throttled, objects };
}

async function renderedFile(namespace: string) {
  const { objects } = await renderWithPlan(values(namespace));
  const file = join(mkdtempSync(join(tmpdir(), 'bench-apply-')), 'objects.yaml');
  writeFileSync(file, toYaml(objects, { showSecrets: true }));
  return { file, objects: objects.length };
}

function report(label: string, engine: Run[], reference: Run[], what: string) {
  const e = median(engine.map((r) => r.ms));
  const k = median(reference.map((r) => r.ms));
  const perObject = (runs: Run[]) => median(runs.map((r) => r.requests / r.objects)).toFixed(2);
  const writesPerObject = (runs: Run[]) =>
    median(runs.map((r) => (r.requests - r.reads) / r.objects)).toFixed(2);
  const sum = (runs: Run[]) => runs.reduce((n, r) => n + r.throttled, 0);
  console.log(`${label} (median of ${engine.length}, ${engine[0].objects} objects):`);
  console.log(
    `  engine   ${e.toFixed(0).padStart(5)} ms  ${median(engine.map((r) => r.requests))} requests (${perObject(engine)} per object: ${writesPerObject(engine)} writes per object + ${median(engine.map((r) => r.reads))} reads)  429s: ${sum(engine)}`,
  );
  console.log(
    `  ${what.padEnd(8)} ${k.toFixed(0).padStart(5)} ms  ${median(reference.map((r) => r.requests))} requests (${perObject(reference)} per object: ${writesPerObject(reference)} writes per object + ${median(reference.map((r) => r.reads))} reads)  429s: ${sum(reference)}`,
  );
  console.log(`  ratio engine / kubectl (time): ${(e / k).toFixed(2)}`);
  console.log(
    `  engine runs: ${engine.map((r) => r.ms.toFixed(0)).join(', ')} ms; kubectl runs: ${reference.map((r) => r.ms.toFixed(0)).join(', ')} ms`,
  );
}

const clusterScript = (name: string) =>
  spawnSync('bash', [join(root, 'integration-tests/cluster', name)], {
    encoding: 'utf8',
    env: { ...process.env, CLUSTER_STATE_DIR: state },
  });

/** Test runs that hold a lease on the cluster (integration-tests/support/global-setup.ts). */
function leased(): boolean {
  const leases = join(state, 'leases');
  if (!existsSync(leases)) return false;
  return readdirSync(leases).some((pid) => {
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch {
      return false;
    }
  });
}

async function main() {
  const up = clusterScript('up.sh');
  process.stderr.write(up.stderr);
  if (up.status !== 0) throw new Error('the local control plane could not be started');
  const startedHere = !/already running/.test(up.stderr);
  try {
    await bench();
  } finally {
    if (startedHere && !leased()) process.stderr.write(clusterScript('down.sh').stderr);
  }
}

async function bench() {
  const runs = {
    engineDeploy: [] as Run[],
    kubectlApply: [] as Run[],
    engineUninstall: [] as Run[],
    kubectlDelete: [] as Run[],
  };
  const namespaces: string[] = [];
  const stamp = Date.now().toString(36);
  for (let round = 0; round < ROUNDS; round++) {
    const engineNs = `bench-engine-${round}-${stamp}`;
    const kubectlNs = `bench-kubectl-${round}-${stamp}`;
    for (const ns of [engineNs, kubectlNs]) {
      sh(['create', 'namespace', ns]);
      namespaces.push(ns);
    }
    const { file, objects } = await renderedFile(kubectlNs);
    const apply = ['apply', '--server-side', '--field-manager=bench', '-n', kubectlNs, '-f', file];
    // kubectl delete returns once each deletion is accepted, as the engine's uninstall does.
    const remove = ['delete', '--wait=false', '-n', kubectlNs, '-f', file];
    const engineFirst = round % 2 === 0;
    const steps: [() => Promise<Run> | Run, Run[]][] = [
      [() => engineDeploy(engineNs), runs.engineDeploy],
      [() => kubectlTimed(apply, objects), runs.kubectlApply],
    ];
    for (const [step, bucket] of engineFirst ? steps : steps.reverse()) bucket.push(await step());
    const removals: [() => Promise<Run> | Run, Run[]][] = [
      [() => engineUninstall(engineNs), runs.engineUninstall],
      [() => kubectlTimed(remove, objects), runs.kubectlDelete],
    ];
    for (const [step, bucket] of engineFirst ? removals : removals.reverse()) {
      bucket.push(await step());
    }
  }
  for (const ns of namespaces) sh(['delete', 'namespace', ns, '--wait=false']);
  if (IN_FLIGHT) console.log(`engine requests in flight: ${IN_FLIGHT}`);
  report('deploy', runs.engineDeploy, runs.kubectlApply, 'kubectl');
  report('uninstall', runs.engineUninstall, runs.kubectlDelete, 'kubectl');
  console.log('The engine deploy also reads live state, dry-runs every object, checks SCC grants,');
  console.log(
    'writes the install record and waits for the Route hosts; kubectl does none of that.',
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
