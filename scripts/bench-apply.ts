/**
 * Deploys the default instance into fresh namespaces of the local control plane and compares,
 * in the same run, the engine's wall time and request count with `kubectl apply --server-side`
 * of the same rendered YAML. Starts the local control plane if it is not running.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRestClient } from '../src/engine/cluster/rest-client';
import { loadKubeConfig, nodeTransport } from '../src/adapters/node-client';
import { deploy } from '../src/engine/deploy/deploy';
import { renderWithPlan, toYaml } from '../src/engine';
import { createValues } from '../src/engine/values';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const root = resolve(__dirname, '..');
const kubeconfig = join(root, '.cluster', 'kubeconfig');
const kubectl = join(
  process.env.CLEARML_PLUGIN_CACHE ?? join(homedir(), '.cache/clearml-console-plugin'),
  'bin',
  'kubectl',
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function sh(args: string[]) {
  return execFileSync(kubectl, ['--kubeconfig', kubeconfig, '--context', 'admin', ...args], {
    encoding: 'utf8',
  });
}

async function engineRun(namespace: string) {
  const kc = loadKubeConfig({ kubeconfig, context: 'admin' });
  let requests = 0;
  const client = createRestClient(nodeTransport(kc, () => requests++));
  const values = createValues({ name: 'clearml', namespace });
  const start = performance.now();
  const result = await deploy({ client, values });
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`engine deploy failed: ${JSON.stringify(result.problems)}`);
  return { ms, requests, objects: result.states.length };
}

async function kubectlRun(namespace: string) {
  const values = createValues({ name: 'clearml', namespace });
  const { objects } = await renderWithPlan(values);
  const file = join(mkdtempSync(join(tmpdir(), 'bench-apply-')), 'objects.yaml');
  writeFileSync(file, toYaml(objects, { showSecrets: true }));
  const start = performance.now();
  const out = spawnSync(
    kubectl,
    [
      '--kubeconfig',
      kubeconfig,
      '--context',
      'admin',
      'apply',
      '--server-side',
      '--field-manager=bench',
      '-n',
      namespace,
      '-f',
      file,
      '-v=6',
    ],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - start;
  if (out.status !== 0) throw new Error(`kubectl apply failed: ${out.stderr.slice(-500)}`);
  const requests = (out.stderr.match(/"Response" verb=/g) ?? []).length;
  return { ms, requests, objects: objects.length };
}

async function main() {
  const up = spawnSync('bash', [join(root, 'integration-tests/cluster/up.sh')], {
    stdio: 'inherit',
  });
  if (up.status !== 0) throw new Error('the local control plane could not be started');
  const engine: { ms: number; requests: number; objects: number }[] = [];
  const reference: { ms: number; requests: number; objects: number }[] = [];
  const namespaces: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, runner, bucket] of [
      ['engine', engineRun, engine],
      ['kubectl', kubectlRun, reference],
    ] as const) {
      const ns = `bench-${label}-${round}-${Date.now().toString(36)}`;
      sh(['create', 'namespace', ns]);
      namespaces.push(ns);
      bucket.push(await runner(ns));
    }
  }
  for (const ns of namespaces) sh(['delete', 'namespace', ns, '--wait=false']);
  const e = median(engine.map((r) => r.ms));
  const k = median(reference.map((r) => r.ms));
  console.log(
    `objects per instance:            engine ${engine[0].objects}, kubectl ${reference[0].objects}`,
  );
  console.log(
    `engine deploy (median of ${ROUNDS}):      ${e.toFixed(0)} ms, ${median(engine.map((r) => r.requests))} requests`,
  );
  console.log(
    `kubectl apply --server-side:     ${k.toFixed(0)} ms, ${median(reference.map((r) => r.requests))} requests`,
  );
  console.log(`ratio engine / kubectl (time):   ${(e / k).toFixed(2)}`);
  console.log('The engine also reads live state, dry-runs every object, checks SCC permissions,');
  console.log('writes the install record and waits for Route hosts; kubectl does none of that.');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
