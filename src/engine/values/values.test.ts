import { describe, expect, it } from 'vitest';
import {
  createValues,
  imageOf,
  IMAGES_BY_VERSION,
  MAX_INSTANCE_NAME_LENGTH,
  parseValues,
  resolveResources,
  VALUES_PRESETS,
  valuesJsonSchema,
} from '../index';

const issuesOf = (input: unknown) => {
  const r = parseValues(input);
  return r.ok ? [] : r.issues;
};

describe('server versions', () => {
  it('2.0 selects the chart 7.14 server image and Elasticsearch 7.17, without Bitnami', () => {
    const v = createValues({ server: { version: '2.0' } });
    expect(imageOf(v, 'webserver')).toBe('docker.io/allegroai/clearml:2.0.0-613');
    expect(imageOf(v, 'elasticsearch')).toBe(
      'docker.elastic.co/elasticsearch/elasticsearch:7.17.3',
    );
    expect(imageOf(v, 'mongodb')).toBe('docker.io/library/mongo:6.0.19');
  });

  it('no release depends on a Bitnami repository', () => {
    expect(JSON.stringify(IMAGES_BY_VERSION)).not.toMatch(/bitnami/);
  });

  it('an image override keeps the release default for the fields it leaves out', () => {
    const v = createValues({
      server: { version: '2.0' },
      images: { mongodb: { registry: 'mirror.example.com' } },
    });
    expect(imageOf(v, 'mongodb')).toBe('mirror.example.com/library/mongo:6.0.19');
    expect(v.images.mongodb).toEqual({ registry: 'mirror.example.com' });
  });

  it('an unknown version is a field message', () => {
    expect(issuesOf({ server: { version: '1.17' } })).toEqual([
      { path: 'server.version', message: 'version must be one of 2.0, 2.3' },
    ]);
  });
});

describe('values defaults', () => {
  it('default to the current server release with the images of its upstream compose', () => {
    const v = createValues();
    expect(v.name).toBe('clearml');
    expect(v.server.version).toBe('2.3');
    expect(imageOf(v, 'apiserver')).toBe('docker.io/clearml/server:2.3.0');
    expect(imageOf(v, 'mongodb')).toBe('docker.io/library/mongo:7.0.22');
    expect(imageOf(v, 'redis')).toBe('docker.io/library/redis:7.4.1');
    expect(imageOf(v, 'elasticsearch')).toBe('docker.io/library/elasticsearch:8.17.0');
    expect([
      v.storage.fileserver.size,
      v.storage.mongodb.size,
      v.storage.redis.size,
      v.storage.elasticsearch.size,
    ]).toEqual(['50Gi', '50Gi', '5Gi', '50Gi']);
    expect(v.security.mode).toBe('least-privilege');
    expect(v.exposure).toMatchObject({
      routes: true,
      insecureEdgeTerminationPolicy: 'Redirect',
      filesTimeout: '600s',
    });
    expect(v.login).toMatchObject({ enabled: true, username: 'admin' });
  });

  it('resolve chart resources for the default preset', () => {
    const v = createValues();
    expect(resolveResources(v, 'apiserver')).toEqual({
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '2', memory: '1Gi' },
    });
    expect(resolveResources(v, 'elasticsearch').limits.memory).toBe('4Gi');
  });

  it('applies per-component overrides on top of the preset', () => {
    const v = createValues({
      resources: { preset: 'small', apiserver: { limits: { memory: '2Gi' } } },
    });
    expect(resolveResources(v, 'apiserver')).toEqual({
      requests: { cpu: '50m', memory: '256Mi' },
      limits: { cpu: '1', memory: '2Gi' },
    });
  });

  it('accepts every preset', () => {
    for (const preset of Object.values(VALUES_PRESETS)) {
      expect(parseValues(preset).ok).toBe(true);
    }
  });

  it('treats null and undefined as empty values', () => {
    expect(parseValues(undefined).ok).toBe(true);
    expect(parseValues(null).ok).toBe(true);
  });
});

describe('bad input', () => {
  const cases: [string, unknown, string][] = [
    ['name', { name: 'Bad_Name' }, 'lower-case'],
    [
      'name',
      { name: 'a'.repeat(MAX_INSTANCE_NAME_LENGTH + 1) },
      `at most ${MAX_INSTANCE_NAME_LENGTH}`,
    ],
    ['name', { name: '1abc' }, 'start with a letter'],
    ['namespace', { namespace: 'x' }, 'at least 2'],
    ['images.apiserver.tag', { images: { apiserver: { tag: 'bad tag' } } }, 'tag'],
    ['images.redis.repository', { images: { redis: { repository: 'Upper/Case' } } }, 'repository'],
    ['images.pullSecret', { images: { pullSecret: 'Not Valid' } }, 'pull secret'],
    ['components.apiserver.replicas', { components: { apiserver: { replicas: 0 } } }, 'at least 1'],
    [
      'components.webserver.replicas',
      { components: { webserver: { replicas: 1.5 } } },
      'whole number',
    ],
    ['storage.elasticsearch.size', { storage: { elasticsearch: { size: '50' } } }, 'size'],
    ['storage.storageClass', { storage: { storageClass: 'UPPER' } }, 'storage class'],
    [
      'resources.redis.limits.cpu',
      { resources: { redis: { limits: { cpu: 'lots' } } } },
      'quantity',
    ],
    ['resources.preset', { resources: { preset: 'huge' } }, ''],
    ['components.elasticsearch.heap', { components: { elasticsearch: { heap: '3g' } } }, 'half'],
    ['components.elasticsearch.heap', { components: { elasticsearch: { heap: '2GB' } } }, 'JVM'],
    ['exposure.hosts.app', { exposure: { hosts: { app: 'not a host' } } }, 'DNS'],
    ['exposure.filesTimeout', { exposure: { filesTimeout: '10 minutes' } }, 'duration'],
    [
      'credentials.apiserver.accessKey',
      { credentials: { apiserver: { accessKey: 'short', secretKey: 'x'.repeat(40) } } },
      'access key',
    ],
    ['credentials.sessionSecret', { credentials: { sessionSecret: 'short' } }, 'secret'],
    ['login.password', { login: { password: 'short' } }, 'at least 8'],
    ['security.mode', { security: { mode: 'yolo' } }, ''],
    ['surprise', { surprise: 1 }, 'unknown field'],
    ['storage.redis.sizee', { storage: { redis: { sizee: '1Gi' } } }, 'unknown field'],
    [
      'components.fileserver.replicas',
      { components: { fileserver: { replicas: 2 } } },
      'ReadWriteMany',
    ],
    ['components.mongodb.external', { components: { mongodb: { enabled: false } } }, 'required'],
    [
      'resources.apiserver.requests.memory',
      { resources: { apiserver: { requests: { memory: '8Gi' } } } },
      'above the limit',
    ],
    [
      'exposure.hosts.api',
      { exposure: { hosts: { app: 'a.example.com', api: 'a.example.com' } } },
      'already used',
    ],
  ];

  it.each(cases)('%s is reported on its own path', (path, input, text) => {
    const issues = issuesOf(input);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit?.message).toContain(text);
  });

  it('reports every bad field separately', () => {
    const issues = issuesOf({ name: 'X', namespace: 'Y', storage: { redis: { size: 'big' } } });
    expect(issues.map((i) => i.path).sort()).toEqual(['name', 'namespace', 'storage.redis.size']);
  });

  it('flags a name and namespace too long for generated route hosts', () => {
    const issues = issuesOf({ name: 'a'.repeat(30), namespace: 'b'.repeat(30) });
    expect(issues[0]).toMatchObject({ path: 'name' });
    expect(
      parseValues({ name: 'a'.repeat(30), namespace: 'b'.repeat(30), exposure: { routes: false } })
        .ok,
    ).toBe(true);
  });

  it('never throws, whatever the input', () => {
    for (const input of [
      42,
      'text',
      [],
      [1, 2],
      { name: null },
      { components: 'x' },
      Symbol.iterator,
    ]) {
      expect(() => parseValues(input)).not.toThrow();
      expect(parseValues(input).ok).toBe(false);
    }
  });
});

describe('JSON Schema export', () => {
  it('describes the values file', () => {
    const schema = valuesJsonSchema() as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'name',
        'namespace',
        'images',
        'components',
        'storage',
        'resources',
        'exposure',
        'credentials',
        'login',
        'security',
      ]),
    );
    expect(JSON.stringify(schema)).toContain('server');
    expect(JSON.stringify(schema)).not.toContain('bitnami');
  });
});
