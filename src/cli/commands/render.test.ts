import { parseAllDocuments } from 'yaml';
import { runCommand } from '../../test-support/run-command';

const kindsAndNames = (yaml: string) =>
  parseAllDocuments(yaml).map((d) => {
    const o = d.toJS() as { kind: string; metadata: { name: string; namespace: string } };
    return `${o.kind}/${o.metadata.name}@${o.metadata.namespace}`;
  });

describe('render --output', () => {
  it('prints a v1 List with -o json, in apply order and with secrets masked', async () => {
    const json = await runCommand('render', ['-f', 'examples/minimal.yaml', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const list = JSON.parse(json.stdout) as {
      apiVersion: string;
      kind: string;
      items: { kind: string; metadata: { name: string }; data?: Record<string, string> }[];
    };
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items.map((o) => `${o.kind}/${o.metadata.name}`)).toContain(
      'StatefulSet/ml-elasticsearch',
    );
    const secret = list.items.find((o) => o.kind === 'Secret')!;
    expect(new Set(Object.values(secret.data ?? {}))).toEqual(
      new Set(['<hidden: use --show-secrets>']),
    );
    const shown = await runCommand('render', [
      '-f',
      'examples/minimal.yaml',
      '-o',
      'json',
      '--show-secrets',
    ]);
    expect(shown.stdout).not.toContain('<hidden');
  });

  it('prints the same objects as YAML with -o yaml', async () => {
    const json = await runCommand('render', ['-f', 'examples/minimal.yaml', '-o', 'json']);
    const yaml = await runCommand('render', ['-f', 'examples/minimal.yaml', '--output', 'yaml']);
    expect(yaml.code).toBe(0);
    const items = (
      JSON.parse(json.stdout) as { items: { kind: string; metadata: { name: string } }[] }
    ).items;
    expect(kindsAndNames(yaml.stdout)).toEqual(
      items.map((o) => `${o.kind}/${o.metadata.name}@team-a`),
    );
  });

  it('refuses an unknown output format with exit 2 and nothing on stdout', async () => {
    const bad = await runCommand('render', ['-o', 'xml']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--output must be json, yaml or text');
  });
});

describe('render with examples/advanced.yaml', () => {
  it('renders the extra env, placement, config files and agent credentials of the values file', async () => {
    const out = await runCommand('render', ['-f', 'examples/advanced.yaml', '-o', 'json']);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    type Item = {
      kind: string;
      metadata: { name: string };
      data?: Record<string, string>;
      spec?: {
        template?: {
          spec: {
            nodeSelector?: Record<string, string>;
            tolerations?: unknown[];
            affinity?: unknown;
            containers: { env?: { name: string; value?: string }[]; volumeMounts?: unknown[] }[];
          };
        };
      };
    };
    const items = (JSON.parse(out.stdout) as { items: Item[] }).items;
    const pod = (name: string) =>
      items.find((o) => o.metadata.name === name && o.spec?.template)?.spec?.template?.spec;
    const env = (name: string) =>
      Object.fromEntries((pod(name)?.containers[0].env ?? []).map((e) => [e.name, e.value]));
    expect(env('clearml-apiserver')).toMatchObject({
      HTTPS_PROXY: 'http://proxy.example.com:3128',
      CLEARML__apiserver__auth__cookies__max_age: '86400',
    });
    expect(env('clearml-elasticsearch')['cluster.routing.allocation.awareness.attributes']).toBe(
      'zone',
    );
    for (const store of ['clearml-mongodb', 'clearml-redis', 'clearml-elasticsearch']) {
      expect(pod(store)?.nodeSelector).toEqual({ 'node-role.kubernetes.io/infra': '' });
      expect(pod(store)?.tolerations).toHaveLength(1);
    }
    expect(pod('clearml-elasticsearch')?.affinity).toHaveProperty('podAntiAffinity');
    const config = items.find((o) => o.metadata.name === 'clearml-apiserver-config');
    expect(config?.data?.['services.conf']).toContain('threshold_sec: 21600');
    expect(pod('clearml-apiserver')?.containers[0].volumeMounts).toContainEqual(
      expect.objectContaining({ mountPath: '/opt/clearml/config/services.conf' }),
    );
    const web = items.find((o) => o.metadata.name === 'clearml-webserver-config');
    expect(JSON.parse(web?.data?.['configuration.json'] ?? '{}')).toEqual({
      docsLink: 'https://clear.ml/docs',
    });
    const secret = items.find((o) => o.kind === 'Secret');
    expect(Object.keys(secret?.data ?? {})).toEqual(
      expect.arrayContaining(['agent_services_key', 'agent_services_secret']),
    );
  });

  it('refuses a variable the plugin sets, naming the field (exit 2)', async () => {
    const input = [
      'name: ml',
      'namespace: team-a',
      'components:',
      '  redis:',
      '    extraEnv: [{ name: REDIS_PASSWORD, value: x }]',
    ].join('\n');
    const out = await runCommand('render', ['-f', 'bad.yaml'], { files: { 'bad.yaml': input } });
    expect(out).toMatchObject({ code: 2, stdout: '' });
    expect(out.stderr).toContain(
      'components.redis.extraEnv.0.name: REDIS_PASSWORD is set by the plugin for this component; use credentials.redisPassword',
    );
  });
});
