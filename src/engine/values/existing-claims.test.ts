import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createValues, parseValues, valuesJsonSchema } from '../index';

const issuesOf = (input: unknown) => {
  const r = parseValues(input);
  return r.ok ? [] : r.issues;
};

describe('existing claims and credentials', () => {
  it('examples/adopt-chart.yaml names the upstream chart claims, their owners and its Secret', () => {
    const text = readFileSync(
      join(__dirname, '..', '..', '..', 'examples', 'adopt-chart.yaml'),
      'utf8',
    );
    const r = parseValues(parse(text));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.values.storage.mongodb.existingClaim).toEqual({
      name: 'clearml-mongodb',
      ownerUid: 1001,
    });
    expect(r.values.storage.fileserver.existingClaim).toEqual({
      name: 'clearml-fileserver-data',
      ownerUid: 0,
    });
    expect(r.values.credentials.existingSecret).toBe('clearml-conf');
  });

  it('without them nothing changes: no claim, no Secret', () => {
    const v = createValues();
    for (const store of ['fileserver', 'mongodb', 'redis', 'elasticsearch'] as const) {
      expect(v.storage[store].existingClaim).toBeUndefined();
    }
    expect(v.credentials.existingSecret).toBeUndefined();
  });

  it('a claim name must be a DNS name and ownerUid a whole number in the int32 range', () => {
    expect(issuesOf({ storage: { redis: { existingClaim: { name: 'Bad_Name' } } } })).toEqual([
      {
        path: 'storage.redis.existingClaim.name',
        message: 'claim name must be a lower-case DNS name such as example.com',
      },
    ]);
    expect(
      issuesOf({ storage: { mongodb: { existingClaim: { name: 'm', ownerUid: -1 } } } }),
    ).toEqual([
      {
        path: 'storage.mongodb.existingClaim.ownerUid',
        message: 'ownerUid must be between 0 and 2147483647',
      },
    ]);
    expect(
      issuesOf({ storage: { mongodb: { existingClaim: { name: 'm', ownerUid: 1.5 } } } }),
    ).toEqual([
      {
        path: 'storage.mongodb.existingClaim.ownerUid',
        message: 'ownerUid must be a whole number',
      },
    ]);
    expect(issuesOf({ credentials: { existingSecret: 'conf_' } })).toEqual([
      {
        path: 'credentials.existingSecret',
        message: 'credentials Secret name must be a lower-case DNS name such as example.com',
      },
    ]);
  });

  it('Elasticsearch on an existing claim runs one replica', () => {
    expect(
      issuesOf({
        components: { elasticsearch: { replicas: 3 } },
        storage: { elasticsearch: { existingClaim: { name: 'es-data' } } },
      }),
    ).toEqual([
      {
        path: 'components.elasticsearch.replicas',
        message:
          'elasticsearch mounts the existing claim es-data, which holds the data of one node: replicas must be 1',
      },
    ]);
  });

  it('a claim for a store that is not deployed is refused', () => {
    expect(
      issuesOf({
        components: { redis: { enabled: false, external: { host: 'redis.example.com' } } },
        storage: { redis: { existingClaim: { name: 'redis-data' } } },
      }),
    ).toEqual([
      {
        path: 'storage.redis.existingClaim',
        message:
          'storage.redis.existingClaim is set, but components.redis is not enabled to mount it',
      },
    ]);
  });

  it('the JSON schema offers the fields', () => {
    const schema = JSON.stringify(valuesJsonSchema());
    expect(schema).toContain('existingClaim');
    expect(schema).toContain('existingSecret');
    expect(schema).toContain('ownerUid');
  });
});
