// Rendering per ClearML server release, and the data stores' generated passwords.
import { describe, expect, it } from 'vitest';
import type { K8sObject, K8sSecret } from '../k8s-types';
import { createValues } from '../values';
import { deploymentOf, envOf, find, statefulSetOf } from '../test-helpers';
import { decodeBase64, encodeBase64 } from './base64';
import { render } from './render';

const secretOf = (objects: K8sObject[]) => {
  const secret = find<K8sSecret>(objects, 'Secret', 'clearml-credentials');
  return (key: string) => decodeBase64(secret.data?.[key] ?? '');
};

describe('server releases', () => {
  it('2.0 runs Elasticsearch 7.17 with the chart node role settings', async () => {
    const objects = await render(createValues({ server: { version: '2.0' } }));
    const es = statefulSetOf(objects, 'clearml-elasticsearch');
    expect(es.spec.template.spec.containers[0].image).toBe(
      'docker.elastic.co/elasticsearch/elasticsearch:7.17.3',
    );
    const env = envOf(es);
    expect(env['node.data']).toBe('true');
    expect(env['node.roles']).toBeUndefined();
    expect(env['xpack.monitoring.enabled']).toBe('false');
    expect(deploymentOf(objects, 'clearml-apiserver').spec.template.spec.containers[0].image).toBe(
      'docker.io/allegroai/clearml:2.0.0-613',
    );
    expect(deploymentOf(objects, 'clearml-mongodb').spec.template.spec.containers[0].image).toBe(
      'docker.io/library/mongo:6.0.19',
    );
  });

  it('2.3 runs Elasticsearch 8 with node.roles, which 8.0 requires instead of node.<role>', async () => {
    const objects = await render(createValues());
    const env = envOf(statefulSetOf(objects, 'clearml-elasticsearch'));
    expect(env['node.roles']).toBe('data,ingest,master,ml,remote_cluster_client');
    expect(Object.keys(env).filter((k) => /^node\.(data|master|ingest|ml)$/.test(k))).toEqual([]);
    expect(env['xpack.monitoring.enabled']).toBeUndefined();
    expect(env['xpack.security.enabled']).toBe('false');
  });
});

describe('data store authentication', () => {
  it('generates MongoDB and Redis passwords into the Secret and hands them to the servers', async () => {
    const objects = await render(createValues());
    const get = secretOf(objects);
    expect(get('mongodb_password')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(get('redis_password')).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const ref = (name: string, key: string) => ({
      name,
      valueFrom: { secretKeyRef: { name: 'clearml-credentials', key } },
    });
    for (const name of ['clearml-apiserver', 'clearml-async-delete']) {
      const env = deploymentOf(objects, name).spec.template.spec.containers[0].env ?? [];
      expect(env).toContainEqual(ref('CLEARML_MONGODB_SERVICE_PASSWORD', 'mongodb_password'));
      expect(env).toContainEqual(ref('CLEARML_REDIS_SERVICE_PASSWORD', 'redis_password'));
    }
    const fileserverEnv =
      deploymentOf(objects, 'clearml-fileserver').spec.template.spec.containers[0].env ?? [];
    expect(fileserverEnv).toContainEqual(ref('CLEARML_REDIS_SERVICE_PASSWORD', 'redis_password'));
    const redis = statefulSetOf(objects, 'clearml-redis').spec.template.spec.containers[0];
    expect(redis.env).toContainEqual(ref('REDIS_PASSWORD', 'redis_password'));
    const mongo = deploymentOf(objects, 'clearml-mongodb').spec.template.spec;
    expect(mongo.initContainers?.[0].env).toContainEqual(
      ref('MONGODB_PASSWORD', 'mongodb_password'),
    );
    // No password in any object but the Secret.
    const outside = JSON.stringify(objects.filter((o) => o.kind !== 'Secret'));
    expect(outside).not.toContain(get('mongodb_password'));
    expect(outside).not.toContain(get('redis_password'));
  });

  it('keeps the live passwords on upgrade and leaves them out for external data stores', async () => {
    const live: K8sSecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clearml-credentials' },
      data: {
        mongodb_password: encodeBase64('m'.repeat(40)),
        redis_password: encodeBase64('r'.repeat(40)),
      },
    };
    const get = secretOf(
      await render(createValues(), { secrets: { 'clearml-credentials': live } }),
    );
    expect(get('mongodb_password')).toBe('m'.repeat(40));
    expect(get('redis_password')).toBe('r'.repeat(40));
    const external = await render(
      createValues({
        components: {
          mongodb: {
            enabled: false,
            external: {
              backendConnectionString: 'mongodb://db.example.com/backend',
              authConnectionString: 'mongodb://db.example.com/auth',
            },
          },
          redis: { enabled: false, external: { host: 'redis.example.com' } },
        },
      }),
    );
    expect(secretOf(external)('mongodb_password')).toBe('');
    expect(secretOf(external)('redis_password')).toBe('');
    const env = envOf(deploymentOf(external, 'clearml-apiserver'));
    expect('CLEARML_REDIS_SERVICE_PASSWORD' in env).toBe(false);
  });

  it('keeps the Redis password off every command line', async () => {
    const objects = await render(createValues());
    const redis = statefulSetOf(objects, 'clearml-redis').spec.template.spec.containers[0];
    expect(JSON.stringify([redis.command, redis.args])).not.toMatch(/requirepass \$|--requirepass/);
    expect(JSON.stringify(redis.readinessProbe)).toContain('REDISCLI_AUTH');
  });
});
