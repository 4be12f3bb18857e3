// Rendering beyond the defaults: credentials across upgrades, the example values files, live
// Routes and component toggles.
import { describe, expect, it } from 'vitest';
import type { K8sObject, K8sSecret, PersistentVolumeClaim, Route } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import { createValues } from '../values';
import {
  defaultValues,
  deploymentOf,
  envOf,
  exampleValues,
  expandedEnv,
  find,
  statefulSetOf,
} from '../test-helpers';
import { decodeBase64, encodeBase64 } from './base64';
import { render, renderWithPlan } from './render';

describe('credentials across upgrades', () => {
  it('keeps live Secret values, lets given values win, and generates the rest', async () => {
    const live: K8sSecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clearml-credentials' },
      data: {
        apiserver_key: encodeBase64('LIVEKEY0000000000000'),
        login_password: encodeBase64('kept-password'),
      },
    };
    const values = createValues({
      credentials: { tests: { accessKey: 'GIVENKEY000000000000', secretKey: 'g'.repeat(40) } },
    });
    const objects = await render(values, { secrets: { 'clearml-credentials': live } });
    const secret = find<K8sSecret>(objects, 'Secret', 'clearml-credentials');
    const get = (k: string) => decodeBase64(secret.data?.[k] ?? '');
    expect(get('apiserver_key')).toBe('LIVEKEY0000000000000');
    expect(get('login_password')).toBe('kept-password');
    expect(get('test_user_key')).toBe('GIVENKEY000000000000');
    expect(get('apiserver_secret')).toHaveLength(64);
  });

  it('generates different credentials on each fresh render', async () => {
    const a = find<K8sSecret>(await render(defaultValues()), 'Secret', 'clearml-credentials');
    const b = find<K8sSecret>(await render(defaultValues()), 'Secret', 'clearml-credentials');
    expect(a.data?.apiserver_secret).not.toBe(b.data?.apiserver_secret);
  });
});

describe('render with examples/minimal.yaml', async () => {
  const objects = await render(exampleValues('minimal'));

  it('names everything after the instance in its namespace', () => {
    expect(
      objects.every((o) => o.metadata.name.startsWith('ml-') && o.metadata.namespace === 'team-a'),
    ).toBe(true);
    expect(objects.every((o) => o.metadata.labels?.['app.kubernetes.io/instance'] === 'ml')).toBe(
      true,
    );
  });

  it('uses the small sizes', () => {
    expect(
      find<PersistentVolumeClaim>(objects, 'PersistentVolumeClaim', 'ml-mongodb-data').spec
        .resources.requests.storage,
    ).toBe('10Gi');
    expect(
      statefulSetOf(objects, 'ml-redis').spec.volumeClaimTemplates?.[0].spec.resources.requests
        .storage,
    ).toBe('1Gi');
    const es = statefulSetOf(objects, 'ml-elasticsearch');
    expect(es.spec.template.spec.containers[0].resources?.limits?.memory).toBe('2Gi');
    expect(envOf(es).ES_JAVA_OPTS).toBe('-Xmx1024m -Xms1024m');
    expect(
      deploymentOf(objects, 'ml-apiserver').spec.template.spec.containers[0].resources?.requests,
    ).toEqual({ cpu: '50m', memory: '256Mi' });
  });

  it('wires components by instance-specific Service names', () => {
    expect(envOf(deploymentOf(objects, 'ml-apiserver')).CLEARML_REDIS_SERVICE_HOST).toBe(
      'ml-redis',
    );
    expect(envOf(deploymentOf(objects, 'ml-webserver')).NGINX_APISERVER_ADDRESS).toBe(
      'http://ml-apiserver:8008',
    );
  });
});

describe('render with examples/production.yaml', async () => {
  const { objects, plan } = await renderWithPlan(exampleValues('production'));

  it('applies replicas, images and the pull secret', () => {
    const api = deploymentOf(objects, 'clearml-apiserver');
    expect(api.spec.replicas).toBe(2);
    expect(api.spec.template.spec.containers[0].image).toBe(
      'registry.example.com/mirror/clearml/server:2.3.0',
    );
    expect(api.spec.template.spec.containers[0].resources?.limits).toEqual({
      cpu: '4',
      memory: '6Gi',
    });
    for (const w of objects.filter(isWorkload)) {
      expect(w.spec.template.spec.imagePullSecrets).toEqual([{ name: 'registry-mirror' }]);
    }
  });

  it('shares the file volume and rolls the file server', () => {
    const fs = deploymentOf(objects, 'clearml-fileserver');
    expect(fs.spec.replicas).toBe(2);
    expect(fs.spec.strategy).toBeUndefined();
    const pvc = find<PersistentVolumeClaim>(
      objects,
      'PersistentVolumeClaim',
      'clearml-fileserver-data',
    );
    expect(pvc.spec).toEqual({
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '500Gi' } },
      storageClassName: 'shared-nfs',
    });
    expect(
      find<PersistentVolumeClaim>(objects, 'PersistentVolumeClaim', 'clearml-mongodb-data').spec
        .storageClassName,
    ).toBe('fast-ssd');
  });

  it('runs a three-node Elasticsearch cluster with a disruption budget', () => {
    const es = statefulSetOf(objects, 'clearml-elasticsearch');
    expect(es.spec.replicas).toBe(3);
    expect(envOf(es)['cluster.initial_master_nodes']).toBe(
      'clearml-elasticsearch-0,clearml-elasticsearch-1,clearml-elasticsearch-2',
    );
    expect(envOf(es).ES_JAVA_OPTS).toBe('-Xmx4g -Xms4g');
    expect(es.spec.template.spec.containers[0].readinessProbe?.exec?.command?.[2]).toContain(
      'wait_for_status=green',
    );
    expect(es.spec.volumeClaimTemplates?.[0].spec.storageClassName).toBe('fast-ssd');
    expect(
      find<K8sObject>(objects, 'PodDisruptionBudget', 'clearml-elasticsearch-pdb'),
    ).toBeDefined();
  });

  it('uses the custom hosts for routes and the URLs the UI and SDK see', () => {
    expect(find<Route>(objects, 'Route', 'clearml-app').spec.host).toBe('app.clearml.example.com');
    const files = find<Route>(objects, 'Route', 'clearml-files');
    expect(files.spec).toMatchObject({ host: 'app.clearml.example.com', path: '/files' });
    expect(files.metadata.annotations?.['haproxy.router.openshift.io/timeout']).toBe('30m');
    expect(
      find<Route>(objects, 'Route', 'clearml-api').metadata.annotations?.[
        'haproxy.router.openshift.io/timeout'
      ],
    ).toBe('5m');
    const env = envOf(deploymentOf(objects, 'clearml-webserver'));
    expect(JSON.parse(env.WEBSERVER__fileBaseUrl)).toBe('https://app.clearml.example.com/files');
    expect(JSON.parse(env.WEBSERVER__displayedServerUrls)).toEqual({
      apiServer: 'https://api.clearml.example.com',
      filesServer: 'https://app.clearml.example.com/files',
    });
    expect(
      envOf(deploymentOf(objects, 'clearml-apiserver')).CLEARML__APISERVER__AUTH__COOKIES__DOMAIN,
    ).toBeUndefined();
    for (const name of ['clearml-async-delete', 'clearml-apiserver']) {
      expect(
        JSON.parse(
          envOf(deploymentOf(objects, name))
            .CLEARML__services__async_urls_delete__fileserver__url_prefixes,
        ),
      ).toEqual(['https://app.clearml.example.com/files', 'http://clearml-fileserver:8081']);
    }
  });

  it('grants anyuid to the ClearML server accounts only', () => {
    expect(plan.filter((p) => p.scc === 'anyuid').map((p) => p.serviceAccount)).toEqual([
      'clearml-apiserver',
      'clearml-fileserver',
      'clearml-webserver',
    ]);
  });
});

describe('live routes and toggles', () => {
  it('puts the files URL under the admitted host of the live web UI route', async () => {
    const live: Route = {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: { name: 'clearml-app' },
      spec: { to: { kind: 'Service', name: 'clearml-webserver' }, port: { targetPort: 'http' } },
      status: {
        ingress: [
          {
            host: 'late.apps.example.com',
            conditions: [
              { type: 'Admitted', status: 'True', lastTransitionTime: '2025-02-01T00:00:00Z' },
            ],
          },
          {
            host: 'clearml-app-clearml.apps.example.com',
            conditions: [
              { type: 'Admitted', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' },
            ],
          },
        ],
      },
    };
    const objects = await render(defaultValues(), { routes: { 'clearml-app': live } });
    expect(
      JSON.parse(envOf(deploymentOf(objects, 'clearml-webserver')).WEBSERVER__fileBaseUrl),
    ).toBe('https://clearml-app-clearml.apps.example.com/files');
    expect(find<Route>(objects, 'Route', 'clearml-files').spec.host).toBe(
      'clearml-app-clearml.apps.example.com',
    );
  });

  it('wires external data stores and leaves the bundled ones out', async () => {
    const values = createValues({
      components: {
        mongodb: {
          enabled: false,
          external: {
            backendConnectionString: 'mongodb://m/backend',
            authConnectionString: 'mongodb://m/auth',
          },
        },
        redis: { enabled: false, external: { host: 'redis.example.com', port: 6380 } },
        elasticsearch: { enabled: false, external: { hosts: [{ host: 'es' }] } },
      },
      exposure: { routes: false },
      login: { enabled: false },
    });
    const objects = await render(values);
    expect(
      objects.some((o) =>
        ['clearml-mongodb', 'clearml-redis', 'clearml-elasticsearch'].includes(o.metadata.name),
      ),
    ).toBe(false);
    expect(objects.some((o) => o.kind === 'Route')).toBe(false);
    const env = envOf(deploymentOf(objects, 'clearml-apiserver'));
    expect(expandedEnv(env, 'CLEARML__HOSTS__MONGO__BACKEND__HOST')).toBe(
      '"secret:clearml-credentials/mongodb_backend_connection_string"',
    );
    expect(env.CLEARML_REDIS_SERVICE_HOST).toBe('redis.example.com');
    expect(env.CLEARML_REDIS_SERVICE_PORT).toBe('6380');
    expect(env.CLEARML__HOSTS__ELASTIC__LOGS__HOSTS).toBe(
      'secret:clearml-credentials/elasticsearch_hosts',
    );
    expect(env.CLEARML__APISERVER__AUTH__FIXED_USERS__ENABLED).toBeUndefined();
    expect(
      deploymentOf(objects, 'clearml-apiserver').spec.template.spec.initContainers,
    ).toBeUndefined();
  });

  it('turns mmap off when asked', async () => {
    const objects = await render(
      createValues({ components: { elasticsearch: { allowMmap: false } } }),
    );
    expect(envOf(statefulSetOf(objects, 'clearml-elasticsearch'))['node.store.allow_mmap']).toBe(
      'false',
    );
  });

  it('renders the upstream security contexts in chart-compatible mode', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const es = statefulSetOf(objects, 'clearml-elasticsearch').spec.template.spec;
    expect(es.securityContext).toEqual({ fsGroup: 1000, runAsUser: 1000 });
    expect(es.initContainers?.[0]).toMatchObject({
      name: 'configure-sysctl',
      command: ['sysctl', '-w', 'vm.max_map_count=262144'],
      securityContext: { runAsUser: 0, privileged: true },
    });
    expect(deploymentOf(objects, 'clearml-mongodb').spec.template.spec.securityContext).toEqual({
      fsGroup: 1001,
    });
    expect(
      statefulSetOf(objects, 'clearml-redis').spec.template.spec.containers[0].securityContext,
    ).toEqual({ runAsUser: 1001 });
  });
});
