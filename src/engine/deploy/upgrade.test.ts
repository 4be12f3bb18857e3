import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../k8s-types';
import { createValues } from '../values';
import type { ClearMLValuesInput } from '../values/schema';
import { renderRecord } from './record';
import { checkUpgrade, installedVersion, valuesFromRecord } from './upgrade';
import { mongoPrepareJob } from './upgrade-mongodb';

const recordFor = (input: ClearMLValuesInput) => renderRecord(createValues(input), undefined);

/** Live data-store workloads running the given images. */
function liveWith(images: { mongodb?: string; elasticsearch?: string; redis?: string }) {
  const live = new Map<string, K8sObject>();
  const add = (kind: string, name: string, container: string, image?: string) => {
    if (!image) return;
    live.set(`${kind}/${name}`, {
      apiVersion: 'apps/v1',
      kind,
      metadata: { name },
      spec: { template: { spec: { containers: [{ name: container, image }] } } },
    } as K8sObject);
  };
  add('Deployment', 'clearml-mongodb', 'mongodb', images.mongodb);
  add('StatefulSet', 'clearml-elasticsearch', 'elasticsearch', images.elasticsearch);
  add('StatefulSet', 'clearml-redis', 'redis', images.redis);
  return live;
}

const live20 = liveWith({
  mongodb: 'docker.io/library/mongo:6.0.19',
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:7.17.3',
  redis: 'docker.io/library/redis:7.4.1',
});

describe('installed release', () => {
  it('reads server.version from the record; records without one are 2.0', () => {
    expect(installedVersion(undefined)).toBeUndefined();
    expect(installedVersion(recordFor({}))).toBe('2.3');
    const old = recordFor({ server: { version: '2.0' } });
    old.data['values.yaml'] = old.data['values.yaml'].replace(/\n\s+version: "?2\.0"?/, '');
    expect(old.data['values.yaml']).not.toMatch(/version: /);
    expect(installedVersion(old)).toBe('2.0');
  });
});

describe('upgrade check', () => {
  it('a new install has nothing to check', () => {
    const check = checkUpgrade(createValues(), undefined, new Map());
    expect(check).toMatchObject({ from: undefined, to: '2.3', refusals: [], notes: [] });
  });

  it('2.0 → 2.3 is allowed, prepares MongoDB and says what happens to the data', () => {
    const check = checkUpgrade(createValues(), recordFor({ server: { version: '2.0' } }), live20);
    expect(check.refusals).toEqual([]);
    expect(check.prepareMongo).toEqual({ image: 'docker.io/library/mongo:6.0.19', series: '6.0' });
    const text = check.notes.map((n) => n.text).join(' ');
    expect(text).toContain('featureCompatibilityVersion is 6.0');
    expect(text).toContain('raises it to 7.0');
    expect(text).toContain('Elasticsearch 7.17 → 8.17');
    expect(text).toContain('credentials Secret');
    expect(text).toContain('cannot be undone');
  });

  it('refuses going back from 2.3 to 2.0 before anything is written', () => {
    const live = liveWith({
      mongodb: 'docker.io/library/mongo:7.0.22',
      elasticsearch: 'docker.io/library/elasticsearch:8.17.0',
    });
    const check = checkUpgrade(createValues({ server: { version: '2.0' } }), recordFor({}), live);
    expect(check.refusals.map((r) => r.text).join(' ')).toContain(
      'going back to 2.0 is not supported',
    );
    expect(check.refusals.map((r) => r.text).join(' ')).toContain('MongoDB runs 7.0');
    expect(check.refusals.map((r) => r.text).join(' ')).toContain('Elasticsearch runs 8.17');
    expect(check.prepareMongo).toBeUndefined();
  });

  it('refuses skipping a MongoDB release series and upgrading Elasticsearch from before 7.17', () => {
    const live = liveWith({
      mongodb: 'docker.io/bitnami/mongodb:5.0.24-debian-11-r20',
      elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:7.16.2',
    });
    const check = checkUpgrade(createValues(), recordFor({ server: { version: '2.0' } }), live);
    expect(check.refusals.map((r) => r.text).join(' ')).toContain('5.0 → 6.0 → 7.0');
    expect(check.refusals.map((r) => r.text).join(' ')).toContain(
      'only 7.17 may be upgraded to 8.x',
    );
  });

  it('refuses an older Redis than the one running', () => {
    const live = liveWith({ redis: 'docker.io/library/redis:7.4.1' });
    const check = checkUpgrade(
      createValues({ images: { redis: { tag: '7.0.15' } } }),
      recordFor({}),
      live,
    );
    expect(check.refusals.map((r) => r.text).join(' ')).toContain('Redis runs 7.4');
  });

  it('a re-deploy of the same release has no notes', () => {
    const live = liveWith({
      mongodb: 'docker.io/library/mongo:7.0.22',
      elasticsearch: 'docker.io/library/elasticsearch:8.17.0',
    });
    const check = checkUpgrade(createValues(), recordFor({}), live);
    expect(check).toMatchObject({ from: '2.3', refusals: [], notes: [] });
  });
});

describe('MongoDB preparation Job', () => {
  it('runs the live image against the live server and keeps the password out of its spec', () => {
    const job = mongoPrepareJob(createValues(), {
      image: 'docker.io/library/mongo:6.0.19',
      series: '6.0',
    });
    const c = job.spec.template.spec.containers[0];
    expect(c.image).toBe('docker.io/library/mongo:6.0.19');
    expect(c.command).toEqual(expect.arrayContaining(['--host', 'clearml-mongodb']));
    expect(c.env).toContainEqual({ name: 'FCV', value: '6.0' });
    expect(c.env?.find((e) => e.name === 'MONGODB_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({
      name: 'clearml-credentials',
      key: 'mongodb_password',
      optional: true,
    });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });
});

describe('values from an install record', () => {
  it('a record from before releases could be chosen is 2.0 and follows the release images', () => {
    const record = recordFor({ server: { version: '2.0' } });
    record.data['values.yaml'] = [
      'name: clearml',
      'images:',
      '  pullPolicy: IfNotPresent',
      '  mongodb: { registry: docker.io, repository: bitnamilegacy/mongodb, tag: 6.0.10-debian-11-r8 }',
      '  redis: { registry: mirror.example.com, repository: bitnamilegacy/redis, tag: 7.0.9-debian-11-r1 }',
      'server: { cookieName: clearml-token-k8s }',
    ].join('\n');
    expect(valuesFromRecord(record)).toEqual({
      name: 'clearml',
      images: {
        pullPolicy: 'IfNotPresent',
        // Not the old default: the user chose it, so it stays.
        redis: {
          registry: 'mirror.example.com',
          repository: 'bitnamilegacy/redis',
          tag: '7.0.9-debian-11-r1',
        },
      },
      server: { cookieName: 'clearml-token-k8s', version: '2.0' },
    });
  });

  it('a current record is taken as it is', () => {
    const record = recordFor({ server: { version: '2.0' } });
    expect(valuesFromRecord(record)).toMatchObject({ server: { version: '2.0' } });
  });
});
