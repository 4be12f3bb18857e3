import { describe, expect, it } from 'vitest';
import type { K8sSecret, PersistentVolumeClaim, Route, Service } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import {
  defaultValues,
  deploymentOf,
  envOf,
  expandedEnv,
  find,
  statefulSetOf,
} from '../test-helpers';
import { decodeBase64 } from './base64';
import { render } from './render';

const LABEL_KEYS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
];

describe('render with default values', async () => {
  const objects = await render(defaultValues());

  it('emits every object, named <instance>-<component>', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      [
        'Deployment/clearml-apiserver',
        'Deployment/clearml-async-delete',
        'Deployment/clearml-fileserver',
        'Deployment/clearml-mongodb',
        'Deployment/clearml-webserver',
        'NetworkPolicy/clearml-netpol-apiserver',
        'NetworkPolicy/clearml-netpol-elasticsearch',
        'NetworkPolicy/clearml-netpol-fileserver',
        'NetworkPolicy/clearml-netpol-mongodb',
        'NetworkPolicy/clearml-netpol-redis',
        'NetworkPolicy/clearml-netpol-webserver',
        'PersistentVolumeClaim/clearml-fileserver-data',
        'PersistentVolumeClaim/clearml-mongodb-data',
        'RoleBinding/clearml-scc-anyuid',
        'Route/clearml-api',
        'Route/clearml-app',
        'Secret/clearml-credentials',
        'Service/clearml-apiserver',
        'Service/clearml-elasticsearch',
        'Service/clearml-elasticsearch-headless',
        'Service/clearml-fileserver',
        'Service/clearml-mongodb',
        'Service/clearml-redis',
        'Service/clearml-redis-headless',
        'Service/clearml-webserver',
        'ServiceAccount/clearml-apiserver',
        'ServiceAccount/clearml-elasticsearch',
        'ServiceAccount/clearml-fileserver',
        'ServiceAccount/clearml-mongodb',
        'ServiceAccount/clearml-redis',
        'ServiceAccount/clearml-webserver',
        'StatefulSet/clearml-elasticsearch',
        'StatefulSet/clearml-redis',
      ].sort(),
    );
  });

  it('labels every object and namespaces it', () => {
    for (const o of objects) {
      // Workloads also carry the console's runtime label (for the Topology icon).
      expect(Object.keys(o.metadata.labels ?? {})).toEqual(
        isWorkload(o) ? [...LABEL_KEYS, 'app.openshift.io/runtime'] : LABEL_KEYS,
      );
      expect(o.metadata.labels?.['app.kubernetes.io/part-of']).toBe('clearml');
      expect(o.metadata.labels?.['app.kubernetes.io/managed-by']).toBe('clearml-console-plugin');
      expect(o.metadata.namespace).toBe('clearml');
    }
  });

  it('disables service links and token mounts on every pod', () => {
    for (const w of objects.filter(isWorkload)) {
      expect(w.spec.template.spec.enableServiceLinks).toBe(false);
      expect(w.spec.template.spec.automountServiceAccountToken).toBe(false);
      expect(w.spec.selector.matchLabels).toEqual({
        'app.kubernetes.io/instance': 'clearml',
        'app.kubernetes.io/component': w.metadata.labels?.['app.kubernetes.io/component'],
      });
    }
  });

  it('wires the apiserver to the data stores with fixed defects', () => {
    const api = deploymentOf(objects, 'clearml-apiserver');
    const env = envOf(api);
    const es = '[{"host":"clearml-elasticsearch","port":9200,"scheme":"http"}]';
    for (const index of ['WORKERS', 'EVENTS', 'DATASETS', 'LOGS']) {
      expect(env[`CLEARML__HOSTS__ELASTIC__${index}__HOSTS`]).toBe(es);
    }
    expect(env.CLEARML_MONGODB_SERVICE_HOST).toBe('clearml-mongodb');
    expect(env.CLEARML_MONGODB_SERVICE_PORT).toBe('27017');
    expect(env.CLEARML_MONGODB_SERVICE_USERNAME).toBe('clearml');
    expect(env.CLEARML_MONGODB_SERVICE_QUERY).toBe('authSource=admin');
    expect(env.CLEARML_REDIS_SERVICE_HOST).toBe('clearml-redis');
    expect(env.CLEARML_REDIS_SERVICE_PORT).toBe('6379');
    expect(env.CLEARML_CONFIG_PATH).toBe('/opt/clearml/config');
    expect(env.CLEARML__APISERVER__AUTH__SESSION_AUTH_COOKIE_NAME).toBe('"clearml-token-k8s"');
    expect(expandedEnv(env, 'CLEARML__secure__credentials__apiserver__user_key')).toBe(
      '"secret:clearml-credentials/apiserver_key"',
    );
    expect(expandedEnv(env, 'CLEARML__secure__auth__token_secret')).toBe(
      '"secret:clearml-credentials/secure_auth_token_secret"',
    );
    expect(expandedEnv(env, 'CLEARML__SECURE__CREDENTIALS__TESTS__USER_SECRET')).toBe(
      '"secret:clearml-credentials/test_user_secret"',
    );
    expect(expandedEnv(env, 'CLEARML__SECURE__HTTP__SESSION_SECRET__APISERVER')).toBe(
      '"secret:clearml-credentials/session_secret"',
    );
    expect(env.CLEARML__APISERVER__AUTH__FIXED_USERS__USERS).toBe(
      'secret:clearml-credentials/fixed_users',
    );
    expect(env.CLEARML__APISERVER__PRE_POPULATE__ENABLED).toBe('true');
    const c = api.spec.template.spec.containers[0];
    expect(c.args).toEqual(['apiserver']);
    expect(c.ports).toEqual([{ name: 'http', containerPort: 8008, protocol: 'TCP' }]);
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/debug.ping', port: 'http' });
    expect(c.livenessProbe?.httpGet?.path).toBe('/debug.ping');
    expect(c.startupProbe?.failureThreshold).toBe(30);
    const init = api.spec.template.spec.initContainers?.[0];
    expect(init?.name).toBe('init-apiserver');
    expect(init?.command?.[2]).toContain(
      'wait_http http://clearml-elasticsearch:9200/_cluster/health',
    );
    expect(init?.command?.[2]).toContain('wait_tcp clearml-mongodb 27017');
    expect(init?.command?.[2]).toContain('wait_tcp clearml-redis 6379');
    expect(api.spec.template.spec.serviceAccountName).toBe('clearml-apiserver');
    expect(api.spec.template.spec.securityContext).toEqual({ runAsUser: 0 });
  });

  it('renders async delete with a formatted files URL and the real company id', () => {
    const ad = deploymentOf(objects, 'clearml-async-delete');
    const c = ad.spec.template.spec.containers[0];
    expect(c.command).toEqual([
      'python3',
      '-m',
      'jobs.async_urls_delete',
      '--fileserver-host',
      'http://clearml-fileserver:8081',
    ]);
    const env = envOf(ad);
    expect(env.CLEARML__apiserver__default_company).toBe('"d1bd92a3b039400cbafc60a7a5b1e52b"');
    expect(env.CLEARML__services__async_urls_delete__fileserver__url_prefixes).toBe(
      '["http://clearml-fileserver:8081"]',
    );
    expect(env.PYTHONPATH).toBe('/opt/clearml/apiserver');
    expect(c.ports).toBeUndefined();
    expect(ad.spec.template.spec.serviceAccountName).toBe('clearml-apiserver');
    expect(ad.metadata.labels?.['app.kubernetes.io/component']).toBe('async-delete');
  });

  it('renders the fileserver with its volume, cookie names and tcp probes', () => {
    const fs = deploymentOf(objects, 'clearml-fileserver');
    const env = envOf(fs);
    expect(env.CLEARML__HOSTS__API_SERVER).toBe('"http://clearml-apiserver:8008"');
    expect(env.CLEARML__FILESERVER__AUTH__COOKIE_NAMES).toBe('["clearml-token-k8s"]');
    expect(expandedEnv(env, 'CLEARML__SECURE__CREDENTIALS__FILESERVER__USER_KEY')).toBe(
      '"secret:clearml-credentials/fileserver_key"',
    );
    const c = fs.spec.template.spec.containers[0];
    expect(c.volumeMounts).toEqual([{ name: 'fileserver-data', mountPath: '/mnt/fileserver' }]);
    expect(c.readinessProbe?.tcpSocket).toEqual({ port: 'http' });
    expect(fs.spec.strategy?.type).toBe('Recreate');
    const pvc = find<PersistentVolumeClaim>(
      objects,
      'PersistentVolumeClaim',
      'clearml-fileserver-data',
    );
    expect(pvc.spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '50Gi' } },
    });
  });

  it('points the web UI at the API through its own origin', () => {
    const web = deploymentOf(objects, 'clearml-webserver');
    const env = envOf(web);
    expect(env.NGINX_APISERVER_ADDRESS).toBe('http://clearml-apiserver:8008');
    expect(env.NGINX_FILESERVER_ADDRESS).toBe('http://clearml-fileserver:8081');
    expect(JSON.parse(env.WEBSERVER__apiBaseUrl)).toBe('/api');
    expect(env.WEBSERVER__useFilesProxy).toBe('true');
    expect(env.WEBSERVER__fileBaseUrl).toBeUndefined();
    expect(web.spec.template.spec.containers[0].ports?.[0].containerPort).toBe(80);
    const svc = find<Service>(objects, 'Service', 'clearml-webserver');
    expect(svc.spec.ports).toEqual([
      { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
    ]);
    expect(svc.spec.type).toBe('ClusterIP');
  });

  it('runs the data stores without fixed IDs under restricted-v2 settings', () => {
    const mongo = deploymentOf(objects, 'clearml-mongodb');
    const redis = statefulSetOf(objects, 'clearml-redis');
    const es = statefulSetOf(objects, 'clearml-elasticsearch');
    for (const w of [mongo, redis, es]) {
      const pod = w.spec.template.spec;
      expect(pod.securityContext?.runAsUser).toBeUndefined();
      expect(pod.securityContext?.fsGroup).toBeUndefined();
      expect(pod.containers[0].securityContext).toEqual({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        runAsNonRoot: true,
      });
    }
    expect(redis.spec.template.spec.initContainers).toBeUndefined();
    expect(es.spec.template.spec.initContainers).toBeUndefined();
    // Official images, run directly: mongod with --dbpath on the volume (the Bitnami layout's
    // data/db, so volumes of earlier installs are read as they are), redis-server with --dir.
    const mongod = mongo.spec.template.spec.containers[0];
    expect(mongod.image).toBe('docker.io/library/mongo:7.0.22');
    expect(mongod.volumeMounts?.[0].mountPath).toBe('/data/mongodb');
    expect(mongod.command).toEqual(['mongod']);
    expect(mongod.args).toEqual(
      expect.arrayContaining(['--dbpath', '/data/mongodb/data/db', '--auth', '--bind_ip_all']),
    );
    const setup = mongo.spec.template.spec.initContainers?.[0];
    expect(setup?.image).toBe(mongod.image);
    expect(setup?.securityContext).toEqual(mongod.securityContext);
    const redisd = redis.spec.template.spec.containers[0];
    expect(redisd.image).toBe('docker.io/library/redis:7.4.1');
    expect(redisd.args?.slice(0, 4)).toEqual(['--port', '6379', '--dir', '/data']);
    expect(es.spec.template.spec.containers[0].image).toBe(
      'docker.io/library/elasticsearch:8.17.0',
    );
    expect(redis.spec.template.spec.containers[0].volumeMounts?.[0].mountPath).toBe('/data');
    expect(redis.spec.volumeClaimTemplates?.[0].spec.resources.requests.storage).toBe('5Gi');
    expect(redis.spec.serviceName).toBe('clearml-redis-headless');
    expect(es.spec.volumeClaimTemplates?.[0].spec.resources.requests.storage).toBe('50Gi');
    expect(es.spec.template.spec.containers[0].volumeMounts?.[0].mountPath).toBe(
      '/usr/share/elasticsearch/data',
    );
    const esEnv = envOf(es);
    expect(esEnv.ES_JAVA_OPTS).toBe('-Xmx2048m -Xms2048m');
    expect(esEnv['cluster.initial_master_nodes']).toBe('clearml-elasticsearch-0');
    expect(esEnv['discovery.seed_hosts']).toBe('clearml-elasticsearch-headless');
    expect(esEnv['xpack.security.enabled']).toBe('false');
    expect(esEnv['node.store.allow_mmap']).toBeUndefined();
    expect(es.spec.template.spec.containers[0].readinessProbe?.exec?.command?.[2]).toContain(
      'wait_for_status=yellow',
    );
    const headless = find<Service>(objects, 'Service', 'clearml-elasticsearch-headless');
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
  });

  it('exposes the servers through edge TLS routes', () => {
    const app = find<Route>(objects, 'Route', 'clearml-app');
    expect(app.spec).toMatchObject({
      to: { kind: 'Service', name: 'clearml-webserver' },
      port: { targetPort: 'http' },
      tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
    });
    expect(app.spec.host).toBeUndefined();
    expect(find<Route>(objects, 'Route', 'clearml-api').spec.to.name).toBe('clearml-apiserver');
    // The files Route shares the web UI's generated host, known once that Route is admitted.
    expect(objects.some((o) => o.metadata.name === 'clearml-files')).toBe(false);
  });

  it('generates strong credentials', () => {
    const secret = find<K8sSecret>(objects, 'Secret', 'clearml-credentials');
    const data = Object.fromEntries(
      Object.entries(secret.data ?? {}).map(([k, v]) => [k, decodeBase64(v) ?? '']),
    );
    expect(data.apiserver_key).toMatch(/^[A-Z0-9]{30}$/);
    expect(data.apiserver_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(data.secure_auth_token_secret).toHaveLength(64);
    expect(JSON.parse(data.fixed_users)).toEqual([
      { username: 'admin', password: data.login_password, name: 'ClearML Admin' },
    ]);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining([
        'apiserver_key',
        'apiserver_secret',
        'fileserver_key',
        'fileserver_secret',
        'test_user_key',
        'test_user_secret',
        'secure_auth_token_secret',
        'session_secret',
        'webserver_key',
        'webserver_secret',
      ]),
    );
  });
});
