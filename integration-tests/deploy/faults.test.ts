/**
 * Bad input and faults: invalid values, a foreign object in the way, a deploy killed half-way,
 * an image that cannot be pulled, and a namespace whose pod security forbids privileged pods.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stringify } from 'yaml';
import { deploy } from '../../src/engine/deploy/deploy';
import type { K8sSecret } from '../../src/engine/k8s-types';
import {
  FAULT_LABEL,
  KUBECONFIG_PATH,
  REPO_ROOT,
  apiFor,
  useTestNamespace,
  waitFor,
} from '../support/cluster';
import { cli, clientAs, exampleValues, statusOf, waitForReady } from './engine-helpers';

const valuesFile = (content: object) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'clearml-values-')), 'values.yaml');
  writeFileSync(file, stringify(content));
  return file;
};

describe('bad input and faults', () => {
  const ns = useTestNamespace({ prefix: 'fault' });

  it('rejects invalid values before any write, one line per field', async () => {
    const file = valuesFile({
      name: 'Bad_Name',
      namespace: ns.name,
      storage: { mongodb: { size: 'lots' } },
    });
    const result = await cli(['deploy', '-f', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.some((l) => l.startsWith('name:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('storage.mongodb.size:'))).toBe(true);
    const client = clientAs('admin');
    expect(
      await client.list('v1', 'ServiceAccount', {
        namespace: ns.name,
        labelSelector: 'app.kubernetes.io/managed-by=clearml-console-plugin',
      }),
    ).toEqual([]);
  });

  it('does not touch a foreign object with a clashing name, and writes nothing', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    const foreign = await core.createNamespacedService({
      namespace: ns.name,
      body: {
        metadata: { name: 'ml-apiserver', labels: { team: 'someone-else' } },
        spec: { ports: [{ port: 80 }], selector: { app: 'other' } },
      },
    });
    const result = await deploy({
      client: clientAs('admin'),
      values: exampleValues('minimal.yaml', ns.name),
    });
    expect(result.ok).toBe(false);
    expect(result.stoppedBecause).toBe('foreign-objects');
    expect(result.problems[0].message).toMatch(
      /Service ml-apiserver already exists and does not belong to instance ml/,
    );
    const after = await core.readNamespacedService({ name: 'ml-apiserver', namespace: ns.name });
    expect(after.metadata?.resourceVersion).toBe(foreign.metadata?.resourceVersion);
    expect(after.metadata?.labels).toEqual({ team: 'someone-else' });
    expect(await clientAs('admin').list('apps/v1', 'Deployment', { namespace: ns.name })).toEqual(
      [],
    );
  });

  it('finishes a deploy that was killed half-way, keeping what it wrote', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'src/cli/main.ts',
        'deploy',
        '-f',
        'examples/minimal.yaml',
        '-n',
        ns.name,
        '--kubeconfig',
        KUBECONFIG_PATH,
        '--context',
        'admin',
      ],
      { cwd: REPO_ROOT },
    );
    let output = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Stop it in the middle: the credentials are written, the workloads not all yet.
        if (/created\s+Secret/.test(output)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    const client = clientAs('admin');
    const secretRef = {
      apiVersion: 'v1',
      kind: 'Secret',
      name: 'ml-credentials',
      namespace: ns.name,
    };
    const partial = await client.get<K8sSecret>(secretRef);
    expect(partial?.data).toBeDefined();

    const resumed = await deploy({ client, values: exampleValues('minimal.yaml', ns.name) });
    expect(resumed.ok).toBe(true);
    expect((await client.get<K8sSecret>(secretRef))?.data).toEqual(partial?.data);
    await waitForReady(ns.name, 'ml');
  });

  it('shows an image that cannot be pulled with the component, the reason and the image', async () => {
    const client = clientAs('admin');
    expect((await deploy({ client, values: exampleValues('minimal.yaml', ns.name) })).ok).toBe(
      true,
    );
    await waitForReady(ns.name, 'ml');
    const apps = apiFor('admin', k8s.AppsV1Api);
    const image = 'registry.example.com/allegroai/clearml:does-not-exist';
    await apps.patchNamespacedDeployment(
      {
        name: 'ml-apiserver',
        namespace: ns.name,
        body: [
          {
            op: 'add',
            path: `/spec/template/metadata/labels/${FAULT_LABEL.replace('/', '~1')}`,
            value: 'image-pull',
          },
          { op: 'replace', path: '/spec/template/spec/containers/0/image', value: image },
        ],
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch),
    );
    const api = await waitFor(
      async () => {
        const c = (await statusOf(ns.name, 'ml')).components.find(
          (x) => x.component === 'apiserver',
        );
        return c?.reason.includes('Cannot pull image') ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000, description: 'the pull failure in the status' },
    );
    expect(api.reason).toContain(image);
    const cliStatus = await cli([
      'status',
      '-f',
      'examples/minimal.yaml',
      '-n',
      ns.name,
      '-o',
      'json',
    ]);
    expect(cliStatus.code).toBe(1);
    const parsed = JSON.parse(cliStatus.stdout);
    expect(parsed.ready).toBe(false);
    expect(
      parsed.components.find((c: { component: string }) => c.component === 'apiserver'),
    ).toMatchObject({
      state: expect.stringMatching(/Failed|Degraded/),
      reason: expect.stringContaining(image),
    });
  });
});

describe('a namespace that enforces the baseline pod security level', () => {
  const ns = useTestNamespace({
    prefix: 'psa',
    labels: { 'pod-security.kubernetes.io/enforce': 'baseline' },
  });

  it('admits least-privilege mode and rejects the chart-compatible privileged Elasticsearch', async () => {
    const client = clientAs('admin');
    const safe = exampleValues('minimal.yaml', ns.name);
    expect((await deploy({ client, values: safe })).ok).toBe(true);
    await waitForReady(ns.name, safe.name);

    const compatible = exampleValues('minimal.yaml', ns.name, {
      name: 'compat',
      security: { mode: 'chart-compatible' },
    });
    expect((await deploy({ client, values: compatible })).ok).toBe(true);
    const es = await waitFor(
      async () => {
        const c = (await statusOf(ns.name, 'compat')).components.find(
          (x) => x.component === 'elasticsearch',
        );
        return c?.state === 'Failed' ? c : undefined;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 1000,
        description: 'Elasticsearch rejected by pod security',
      },
    );
    expect(es.reason).toMatch(/rejected by the cluster's security admission/);
    expect(es.reason).toMatch(/PodSecurity "baseline/);
    expect((await statusOf(ns.name, safe.name)).ready).toBe(true);
  });
});
