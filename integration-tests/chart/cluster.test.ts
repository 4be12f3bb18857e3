/**
 * The chart against the local control plane (Kubernetes with the OpenShift CRDs):
 * - its rendered objects pass a server-side dry-run (schemas, CRD validation, RBAC);
 * - helm install, upgrade and uninstall run through, hooks included;
 * - the enable/disable script keeps the other entries of the Console operator configuration's
 *   spec.plugins, is idempotent, survives concurrent writers, and works with nothing more than
 *   the chart's RBAC.
 */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestNamespace,
  deleteNamespace,
  kubeConfigFor,
  useTestNamespace,
} from '../support/cluster';
import {
  CHART_DIR,
  CUSTOM_VALUES,
  ENABLER_NAME,
  PLUGIN_NAME,
  SCRIPT_PATH,
  clusterEnv,
  helm,
  kubectl,
  kubectlOk,
  parseManifests,
  renderYaml,
  run,
  tool,
  valuesFile,
} from './chart';

const CONSOLE = 'consoles.operator.openshift.io/cluster';

interface ConsoleObject {
  metadata: { resourceVersion: string };
  spec?: { plugins?: string[]; [k: string]: unknown };
}

async function readConsole(): Promise<ConsoleObject> {
  return JSON.parse(await kubectlOk(['get', CONSOLE, '-o', 'json'])) as ConsoleObject;
}

async function plugins(): Promise<string[] | undefined> {
  return (await readConsole()).spec?.plugins;
}

/** Replaces the Console's spec (spec is required by the CRD, so it always exists). */
async function setSpec(spec: Record<string, unknown> | undefined): Promise<void> {
  const patch = [{ op: 'replace', path: '/spec', value: spec ?? { managementState: 'Managed' } }];
  await kubectlOk(['patch', CONSOLE, '--type=json', '-p', JSON.stringify(patch)]);
}

/** Runs files/console-plugin.sh the way the Job does, with kubectl instead of oc. */
function script(
  action: 'enable' | 'disable',
  options: { as?: string; name?: string } = {},
): ReturnType<typeof run> {
  const client = [tool('kubectl'), '--context=admin'];
  if (options.as) client.push(`--as=${options.as}`);
  return run('sh', [SCRIPT_PATH, action], {
    env: {
      ...clusterEnv(),
      KUBECTL: client.join(' '),
      PLUGIN_NAME: options.name ?? PLUGIN_NAME,
      RETRY_DELAY: '1',
    },
  });
}

async function scriptOk(
  action: 'enable' | 'disable',
  options: { as?: string; name?: string } = {},
): Promise<string> {
  const result = await script(action, options);
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

describe('server-side dry-run of the rendered chart', () => {
  const ns = useTestNamespace({ prefix: 'chart-dry' });

  it('has the ConsolePlugin and Console operator CRDs installed', async () => {
    await kubectlOk(['get', 'crd', 'consoleplugins.console.openshift.io']);
    await kubectlOk(['get', 'crd', 'consoles.operator.openshift.io']);
  });

  it.each([
    ['default values', undefined],
    ['custom values', CUSTOM_VALUES],
  ])('accepts every object with %s', async (_label, values) => {
    const yaml = await renderYaml({ namespace: ns.name, values });
    const objects = parseManifests(yaml);
    const result = await kubectl(
      [
        'apply',
        '--dry-run=server',
        '--server-side',
        '--field-manager=helm',
        '-f',
        '-',
        '-o',
        'name',
      ],
      yaml,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const accepted = result.stdout.trim().split('\n').sort();
    expect(accepted).toHaveLength(objects.length);
    expect(accepted).toContain(`consoleplugin.console.openshift.io/${PLUGIN_NAME}`);
    expect(accepted).toContain(`deployment.apps/${PLUGIN_NAME}`);
  });

  it('is refused by the CRD when the ConsolePlugin is malformed (the dry-run validates)', async () => {
    const yaml = await renderYaml({ namespace: ns.name });
    const broken = yaml.replace('loadType: Preload', 'loadType: Eager');
    const result = await kubectl(['apply', '--dry-run=server', '-f', '-'], broken);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/loadType/);
  });
});

const ENABLER_KINDS = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'] as const;

type Revisions = Record<string, number>;

/**
 * Watches the enabler's objects and the release's Jobs while a helm command runs, and records
 * the revision at which each was created, deleted or (Jobs) succeeded, e.g.
 * `ClusterRole ADDED` or `Job/clearml-console-plugin-enable SUCCEEDED`. The local control plane
 * has one etcd, whose revision numbers every write: comparing them orders events from the
 * different watches.
 */
async function recordHooks(namespace: string, during: () => Promise<void>): Promise<Revisions> {
  const seen: Revisions = {};
  const watch = new k8s.Watch(kubeConfigFor('admin'));
  type Obj = {
    metadata?: { name?: string; resourceVersion?: string };
    status?: { succeeded?: number };
  };
  const on = (kind: string) => (type: string, obj: Obj) => {
    const name = obj.metadata?.name ?? '';
    const revision = Number(obj.metadata?.resourceVersion);
    let key: string | undefined;
    if (kind === 'Job') {
      if (type === 'ADDED') key = `Job/${name} ADDED`;
      if (type === 'MODIFIED' && (obj.status?.succeeded ?? 0) > 0) key = `Job/${name} SUCCEEDED`;
    } else if (name === ENABLER_NAME && (type === 'ADDED' || type === 'DELETED')) {
      key = `${kind} ${type}`;
    }
    if (key && !(key in seen)) seen[key] = revision;
  };
  const named = { fieldSelector: `metadata.name=${ENABLER_NAME}` };
  const rbac = '/apis/rbac.authorization.k8s.io/v1';
  const watches = await Promise.all([
    watch.watch(
      `/api/v1/namespaces/${namespace}/serviceaccounts`,
      named,
      on('ServiceAccount'),
      () => undefined,
    ),
    watch.watch(`${rbac}/clusterroles`, named, on('ClusterRole'), () => undefined),
    watch.watch(`${rbac}/clusterrolebindings`, named, on('ClusterRoleBinding'), () => undefined),
    watch.watch(`/apis/batch/v1/namespaces/${namespace}/jobs`, {}, on('Job'), () => undefined),
  ]);
  try {
    await during();
    // Let the last events of the command arrive.
    await new Promise((r) => setTimeout(r, 1_000));
  } finally {
    for (const w of watches) w.abort();
  }
  return seen;
}

/** The enabler's objects were created before the Job, deleted after it succeeded, and are gone. */
async function expectOnlyWhileJobRuns(seen: Revisions, job: string, namespace: string) {
  const ran = seen[`Job/${job} ADDED`];
  const succeeded = seen[`Job/${job} SUCCEEDED`];
  expect(ran, JSON.stringify(seen)).toBeGreaterThan(0);
  expect(succeeded, JSON.stringify(seen)).toBeGreaterThan(ran);
  for (const kind of ENABLER_KINDS) {
    expect(seen[`${kind} ADDED`], `${kind} created before ${job}`).toBeLessThan(ran);
    expect(seen[`${kind} DELETED`], `${kind} deleted after ${job}`).toBeGreaterThan(succeeded);
  }
  const left = await kubectl([
    'get',
    `serviceaccount/${ENABLER_NAME}`,
    `clusterrole/${ENABLER_NAME}`,
    `clusterrolebinding/${ENABLER_NAME}`,
    '--namespace',
    namespace,
    '--ignore-not-found',
    '-o',
    'name',
  ]);
  expect(left.code, left.stderr).toBe(0);
  expect(left.stdout.trim()).toBe('');
}

describe('helm install, upgrade and uninstall', () => {
  let namespace: string;
  let consoleBefore: ConsoleObject;
  beforeAll(async () => {
    namespace = await createTestNamespace({ prefix: 'chart-helm' });
    consoleBefore = await readConsole();
  });
  afterAll(async () => {
    await helm(['uninstall', PLUGIN_NAME, '--namespace', namespace, '--no-hooks']);
    await deleteNamespace(namespace);
    await setSpec(consoleBefore.spec);
  });

  it('runs through with hooks; the enabler RBAC exists only while a Job runs', async () => {
    const common = ['--namespace', namespace, '--wait', '--timeout', '90s'];
    const values = valuesFile({ replicas: 2 });
    let install: Awaited<ReturnType<typeof helm>> | undefined;
    const installed = await recordHooks(namespace, async () => {
      install = await helm(['install', PLUGIN_NAME, CHART_DIR, '--values', values, ...common]);
    });
    expect(install!.code, install!.stderr).toBe(0);
    expect(install!.stdout).toContain('STATUS: deployed');
    await expectOnlyWhileJobRuns(installed, `${PLUGIN_NAME}-enable`, namespace);
    await kubectlOk(['get', 'consoleplugin', PLUGIN_NAME]);
    const deploy = JSON.parse(
      await kubectlOk(['-n', namespace, 'get', 'deployment', PLUGIN_NAME, '-o', 'json']),
    ) as { status: { readyReplicas?: number } };
    expect(deploy.status.readyReplicas).toBe(2);

    let upgrade: Awaited<ReturnType<typeof helm>> | undefined;
    const upgraded = await recordHooks(namespace, async () => {
      upgrade = await helm([
        'upgrade',
        PLUGIN_NAME,
        CHART_DIR,
        '--reuse-values',
        '--set',
        'replicas=3',
        ...common,
      ]);
    });
    expect(upgrade!.code, upgrade!.stderr).toBe(0);
    expect(upgrade!.stdout).toContain('REVISION: 2');
    await expectOnlyWhileJobRuns(upgraded, `${PLUGIN_NAME}-enable`, namespace);

    let uninstall: Awaited<ReturnType<typeof helm>> | undefined;
    const uninstalled = await recordHooks(namespace, async () => {
      uninstall = await helm(['uninstall', PLUGIN_NAME, '--namespace', namespace, '--wait']);
    });
    expect(uninstall!.code, uninstall!.stderr).toBe(0);
    await expectOnlyWhileJobRuns(uninstalled, `${PLUGIN_NAME}-disable`, namespace);
    const gone = await kubectl(['get', 'consoleplugin', PLUGIN_NAME]);
    expect(gone.stderr).toMatch(/NotFound/);
  });
});

describe('enable/disable script on the Console operator configuration', () => {
  let consoleBefore: ConsoleObject;
  beforeAll(async () => {
    consoleBefore = await readConsole();
  });
  afterAll(async () => {
    await setSpec(consoleBefore.spec);
  });

  it('appends the plugin and keeps every other entry, in order', async () => {
    await setSpec({ managementState: 'Managed', plugins: ['monitoring-plugin', 'networking'] });
    await scriptOk('enable');
    expect(await plugins()).toEqual(['monitoring-plugin', 'networking', PLUGIN_NAME]);
  });

  it('is idempotent: enabling twice changes nothing', async () => {
    await setSpec({ managementState: 'Managed', plugins: ['a', PLUGIN_NAME, 'b'] });
    const before = await readConsole();
    const log = await scriptOk('enable');
    expect(log).toContain('is enabled');
    const after = await readConsole();
    expect(after.spec?.plugins).toEqual(['a', PLUGIN_NAME, 'b']);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('creates spec.plugins when it is missing or empty', async () => {
    await setSpec({ managementState: 'Managed' });
    await scriptOk('enable');
    expect(await plugins()).toEqual([PLUGIN_NAME]);
    await setSpec({ managementState: 'Managed', plugins: [] });
    await scriptOk('enable');
    expect(await plugins()).toEqual([PLUGIN_NAME]);
  });

  it('disables by removing only its own entries (duplicates too)', async () => {
    await setSpec({ managementState: 'Managed', plugins: [PLUGIN_NAME, 'a', PLUGIN_NAME, 'b'] });
    await scriptOk('disable');
    expect(await plugins()).toEqual(['a', 'b']);
    const log = await scriptOk('disable');
    expect(log).toContain('is not enabled');
    expect(await plugins()).toEqual(['a', 'b']);
  });

  it('adds exactly one entry when several Jobs race, and loses no concurrent change', async () => {
    await setSpec({ managementState: 'Managed', plugins: ['a'] });
    const others = ['x1', 'x2', 'x3'];
    const results = await Promise.all([
      script('enable'),
      script('enable'),
      script('enable'),
      ...others.map((name) => script('enable', { name })),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const list = (await plugins()) ?? [];
    expect(list.filter((p) => p === PLUGIN_NAME)).toHaveLength(1);
    expect([...list].sort()).toEqual(['a', PLUGIN_NAME, ...others].sort());
  });

  it('refuses names that are not plugin names', async () => {
    for (const name of ['Bad', 'a"b', '-x', 'a b']) {
      const result = await script('enable', { name });
      expect(result.code, name).not.toBe(0);
      expect(result.stderr, name).toContain('invalid plugin name');
    }
  });

  describe('with only the chart RBAC', () => {
    let namespace: string;
    let sa: string;
    beforeAll(async () => {
      namespace = await createTestNamespace({ prefix: 'chart-rbac' });
      sa = `system:serviceaccount:${namespace}:${ENABLER_NAME}`;
      const rbac = parseManifests(await renderYaml({ namespace })).filter(
        (o) =>
          ['ClusterRole', 'ClusterRoleBinding'].includes(o.kind) ||
          (o.kind === 'ServiceAccount' && o.metadata.name === ENABLER_NAME),
      );
      expect(rbac).toHaveLength(3);
      await kubectlOk(['apply', '-f', '-'], rbac.map((o) => JSON.stringify(o)).join('\n---\n'));
    });
    afterAll(async () => {
      await kubectl([
        'delete',
        'clusterrole,clusterrolebinding',
        ENABLER_NAME,
        '--ignore-not-found',
      ]);
      await deleteNamespace(namespace);
    });

    it('enables and disables the plugin as the enabler ServiceAccount', async () => {
      await setSpec({ managementState: 'Managed', plugins: ['a', 'b'] });
      await scriptOk('enable', { as: sa });
      expect(await plugins()).toEqual(['a', 'b', PLUGIN_NAME]);
      await scriptOk('disable', { as: sa });
      expect(await plugins()).toEqual(['a', 'b']);
    });

    it('grants get and patch on the Console named cluster and nothing more', async () => {
      const can = async (...args: string[]): Promise<string> =>
        (await kubectl(['auth', 'can-i', `--as=${sa}`, ...args])).stdout.trim();
      expect(await can('get', CONSOLE)).toBe('yes');
      expect(await can('patch', CONSOLE)).toBe('yes');
      expect(await can('update', CONSOLE)).toBe('no');
      expect(await can('delete', CONSOLE)).toBe('no');
      expect(await can('list', 'consoles.operator.openshift.io')).toBe('no');
      expect(await can('patch', 'consoles.operator.openshift.io/other')).toBe('no');
      expect(await can('patch', 'consoles.config.openshift.io/cluster')).toBe('no');
      expect(await can('get', 'secrets', '-n', namespace)).toBe('no');
      expect(await can('patch', 'consoleplugins.console.openshift.io', '--all-namespaces')).toBe(
        'no',
      );
    });

    it('fails without changing anything when it lacks the permission', async () => {
      await setSpec({ managementState: 'Managed', plugins: ['a'] });
      const result = await run('sh', [SCRIPT_PATH, 'enable'], {
        env: {
          ...clusterEnv(),
          KUBECTL: `${tool('kubectl')} --context=admin --as=system:serviceaccount:${namespace}:default`,
          PLUGIN_NAME,
          MAX_ATTEMPTS: '2',
          RETRY_DELAY: '0',
        },
      });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/forbidden/i);
      expect(await plugins()).toEqual(['a']);
    });
  });
});
