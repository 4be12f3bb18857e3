import { describe, expect, it } from 'vitest';
import {
  isWorkload,
  type ConfigMap,
  type Container,
  type K8sObject,
  type K8sSecret,
  type PodSpec,
} from '../k8s-types';
import { createValues, type ClearMLValuesInput } from '../values';
import { decodeBase64 } from './base64';
import { render } from './render';
import { readSetting } from './testing/hocon-reader';

const COMPONENTS = {
  apiserver: 'apiserver',
  asyncDelete: 'async-delete',
  fileserver: 'fileserver',
  webserver: 'webserver',
  mongodb: 'mongodb',
  redis: 'redis',
  elasticsearch: 'elasticsearch',
} as const;

function podOf(
  objects: K8sObject[],
  component: string,
): { spec: PodSpec; annotations: Record<string, string> } {
  const w = objects
    .filter(isWorkload)
    .find((o) => o.metadata.labels?.['app.kubernetes.io/component'] === component);
  if (!w) throw new Error(`no workload for ${component}`);
  return { spec: w.spec.template.spec, annotations: w.spec.template.metadata.annotations ?? {} };
}
const mainOf = (objects: K8sObject[], component: string): Container =>
  podOf(objects, component).spec.containers[0];

/**
 * The environment the process sees, as the kubelet builds it: `$(NAME)` of an earlier variable is
 * replaced, `$$` becomes `$`, Secret references become `secret:<key>`.
 */
function processEnv(c: Container): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of c.env ?? []) {
    const key = e.valueFrom?.secretKeyRef?.key;
    env[e.name] = key
      ? `secret:${key}`
      : (e.value ?? '').replace(
          /\$(\$|\(([A-Za-z0-9_.-]+)\))/g,
          (ref, next: string, name?: string) =>
            next === '$' ? '$' : name !== undefined && name in env ? env[name] : ref,
        );
  }
  return env;
}

const renderWith = async (input: ClearMLValuesInput) => render(createValues(input));

describe('extraEnv', () => {
  it('reaches the main container of every component, after its own variables', async () => {
    const components = Object.fromEntries(
      Object.keys(COMPONENTS).map((c) => [
        c,
        { extraEnv: [{ name: 'HTTPS_PROXY', value: `http://proxy-${c}:3128` }] },
      ]),
    );
    const objects = await renderWith({ components });
    for (const [key, label] of Object.entries(COMPONENTS)) {
      const c = mainOf(objects, label);
      expect(processEnv(c).HTTPS_PROXY, label).toBe(`http://proxy-${key}:3128`);
      expect(c.env?.at(-1)?.name).toBe('HTTPS_PROXY');
    }
    // Only the main container: init containers keep their own environment.
    for (const init of podOf(objects, 'apiserver').spec.initContainers ?? []) {
      expect(init.env?.some((e) => e.name === 'HTTPS_PROXY') ?? false).toBe(false);
    }
  });

  it('passes text exactly, with no $(VAR) expansion', async () => {
    const value = 'p$(SECRET_APISERVER_KEY)$$x $HOME ${y}';
    const objects = await renderWith({
      components: { fileserver: { extraEnv: [{ name: 'PLAIN', value }] } },
    });
    expect(processEnv(mainOf(objects, 'fileserver')).PLAIN).toBe(value);
  });

  it('quotes CLEARML__ text as HOCON and keeps numbers, booleans, lists and objects', async () => {
    const hostile = 'http://u:p+a=s#w@host:1/x?y=${z}&$(SECRET_APISERVER_KEY) "q" \\ ü';
    const objects = await renderWith({
      components: {
        apiserver: {
          extraEnv: [
            { name: 'CLEARML__services__x__url', value: hostile },
            { name: 'CLEARML__services__x__threshold_sec', value: 21000 },
            { name: 'CLEARML__services__x__enabled', value: false },
            { name: 'CLEARML__services__x__list', value: ['a#b', 1] },
            { name: 'CLEARML__services__x__obj', value: { k: 'v:w' } },
            { name: 'CLEARML__services__x__text_true', value: 'true' },
          ],
        },
      },
    });
    const env = processEnv(mainOf(objects, 'apiserver'));
    const read = (name: string) =>
      readSetting(`services.x: ${env[`CLEARML__services__x__${name}`]}`).read;
    expect(read('url')).toEqual({ value: hostile, quoted: true });
    expect(read('threshold_sec').value).toBe(21000);
    expect(read('enabled').value).toBe(false);
    expect(read('list').value).toEqual(['a#b', 1]);
    expect(read('obj').value).toEqual({ k: 'v:w' });
    expect(read('text_true')).toEqual({ value: 'true', quoted: true });
  });

  it('writes WEBSERVER__ values as JSON, which the web UI entrypoint parses', async () => {
    const objects = await renderWith({
      components: {
        webserver: {
          extraEnv: [
            { name: 'WEBSERVER__docsLink', value: 'https://docs.example.com/$x' },
            { name: 'WEBSERVER__features', value: { reports: false } },
          ],
        },
      },
    });
    const env = processEnv(mainOf(objects, 'webserver'));
    expect(JSON.parse(env.WEBSERVER__docsLink)).toBe('https://docs.example.com/$x');
    expect(JSON.parse(env.WEBSERVER__features)).toEqual({ reports: false });
  });
});

describe('placement', () => {
  const nodeSelector = { 'node-role.kubernetes.io/infra': '' };
  const tolerations = [
    {
      key: 'node-role.kubernetes.io/infra',
      operator: 'Exists' as const,
      effect: 'NoSchedule' as const,
    },
  ];
  const affinity = {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 50, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } },
      ],
    },
  };

  it.each(Object.entries(COMPONENTS))('puts %s pods where the values say', async (key, label) => {
    const objects = await renderWith({
      components: { [key]: { nodeSelector, tolerations, affinity } },
    });
    const { spec } = podOf(objects, label);
    expect(spec.nodeSelector).toEqual(nodeSelector);
    expect(spec.tolerations).toEqual(tolerations);
    expect(spec.affinity).toEqual(affinity);
    // The other components stay where they were.
    const other = Object.values(COMPONENTS).find((c) => c !== label) as string;
    const rest = podOf(objects, other).spec;
    expect([rest.nodeSelector, rest.tolerations, rest.affinity]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('leaves pod specs as they were without placement values', async () => {
    const objects = await renderWith({});
    for (const label of Object.values(COMPONENTS)) {
      const { spec } = podOf(objects, label);
      expect('nodeSelector' in spec || 'tolerations' in spec || 'affinity' in spec).toBe(false);
    }
  });
});

describe('API server extraConfig', () => {
  const files = {
    'services.conf': 'tasks { non_responsive_tasks_watchdog { threshold_sec: 21000 } }\n',
    'apiserver.conf': 'auth { cookies { max_age: 3600 } }\n',
  };

  it('renders a ConfigMap and mounts each file in /opt/clearml/config of the API server and async delete', async () => {
    const objects = await renderWith({
      name: 'ml',
      components: { apiserver: { extraConfig: files } },
    });
    const cm = objects.find((o): o is ConfigMap => o.kind === 'ConfigMap');
    expect(cm?.metadata.name).toBe('ml-apiserver-config');
    expect(cm?.metadata.labels?.['app.kubernetes.io/instance']).toBe('ml');
    expect(cm?.data).toEqual(files);
    for (const label of ['apiserver', 'async-delete']) {
      const { spec } = podOf(objects, label);
      expect(spec.volumes).toContainEqual({
        name: 'extra-config',
        configMap: { name: 'ml-apiserver-config' },
      });
      expect(spec.containers[0].volumeMounts).toEqual([
        {
          name: 'extra-config',
          mountPath: '/opt/clearml/config/apiserver.conf',
          subPath: 'apiserver.conf',
          readOnly: true,
        },
        {
          name: 'extra-config',
          mountPath: '/opt/clearml/config/services.conf',
          subPath: 'services.conf',
          readOnly: true,
        },
      ]);
    }
    // Written before the pods that mount it.
    const index = (kind: string, name: string) =>
      objects.findIndex((o) => o.kind === kind && o.metadata.name === name);
    expect(index('ConfigMap', 'ml-apiserver-config')).toBeLessThan(
      index('Deployment', 'ml-apiserver'),
    );
  });

  it('rolls the pods when a file changes, since subPath mounts are not refreshed', async () => {
    const digest = async (text: string) =>
      podOf(
        await renderWith({ components: { apiserver: { extraConfig: { 'services.conf': text } } } }),
        'apiserver',
      ).annotations['clearml-console-plugin/config-digest'];
    const a = await digest('a: 1');
    expect(a).toMatch(/^[0-9a-f]{8}$/);
    expect(await digest('a: 1')).toBe(a);
    expect(await digest('a: 2')).not.toBe(a);
  });

  it('renders nothing extra without files', async () => {
    const objects = await renderWith({});
    expect(objects.some((o) => o.kind === 'ConfigMap')).toBe(false);
    expect(podOf(objects, 'apiserver').spec.volumes).toBeUndefined();
  });
});

describe('web UI configuration', () => {
  it('renders configuration.json into a ConfigMap mounted where the entrypoint copies it from', async () => {
    const configuration = { docsLink: 'https://docs.example.com', features: { reports: true } };
    const objects = await renderWith({ name: 'ml', components: { webserver: { configuration } } });
    const cm = objects.find((o): o is ConfigMap => o.kind === 'ConfigMap');
    expect(cm?.metadata.name).toBe('ml-webserver-config');
    expect(JSON.parse(cm?.data?.['configuration.json'] ?? '')).toEqual(configuration);
    const { spec, annotations } = podOf(objects, 'webserver');
    expect(spec.volumes).toContainEqual({
      name: 'web-config',
      configMap: {
        name: 'ml-webserver-config',
        items: [{ key: 'configuration.json', path: 'configuration.json' }],
      },
    });
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'web-config', mountPath: '/mnt/external_files/configs', readOnly: true },
    ]);
    expect(annotations['clearml-console-plugin/config-digest']).toMatch(/^[0-9a-f]{8}$/);
    // The plugin's own settings still come from WEBSERVER__* variables, which win over the file.
    expect(processEnv(spec.containers[0]).WEBSERVER__apiBaseUrl).toBe('"/api"');
  });
});

describe('agent services credentials', () => {
  const secretOf = (objects: K8sObject[]) => {
    const s = objects.find((o): o is K8sSecret => o.kind === 'Secret');
    return Object.fromEntries(
      Object.entries(s?.data ?? {}).map(([k, v]) => [k, decodeBase64(v) ?? '']),
    );
  };

  it('are generated into the Secret and registered by the API server', async () => {
    const objects = await renderWith({});
    const secret = secretOf(objects);
    expect(secret.agent_services_key).toMatch(/^[A-Z0-9]{30}$/);
    expect(secret.agent_services_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const env = processEnv(mainOf(objects, 'apiserver'));
    expect(env.CLEARML__secure__credentials__services_agent__user_key).toBe(
      '"secret:agent_services_key"',
    );
    expect(env.CLEARML__secure__credentials__services_agent__user_secret).toBe(
      '"secret:agent_services_secret"',
    );
  });

  it('are kept from the live Secret on an upgrade, and taken from the values when given', async () => {
    const first = await renderWith({ name: 'ml' });
    const live = first.find((o): o is K8sSecret => o.kind === 'Secret') as K8sSecret;
    const again = await render(createValues({ name: 'ml' }), {
      secrets: { 'ml-credentials': live },
    });
    expect(secretOf(again).agent_services_key).toBe(secretOf(first).agent_services_key);
    expect(secretOf(again).agent_services_secret).toBe(secretOf(first).agent_services_secret);
    const given = { accessKey: 'A'.repeat(30), secretKey: 's'.repeat(64) };
    const chosen = secretOf(await renderWith({ credentials: { agentServices: given } }));
    expect([chosen.agent_services_key, chosen.agent_services_secret]).toEqual([
      given.accessKey,
      given.secretKey,
    ]);
  });
});
