/**
 * Upgrades between ClearML server releases: what is installed, whether the step asked for is
 * allowed, and what happens to the data. Pure: it reads only the install record and the live
 * data-store workloads handed in, and writes nothing.
 *
 * Data-store rules this enforces:
 * - MongoDB upgrades one release series at a time (4.4 → 5.0 → 6.0 → 7.0 → 8.0), and a 7.0 binary
 *   starts only on data whose featureCompatibilityVersion is 6.0; it cannot go back once the
 *   featureCompatibilityVersion is raised (MongoDB manual, "Upgrade a Standalone to 7.0",
 *   and clearml/clearml-server#267: Mongo exits with code 62 after skipping a release).
 * - Elasticsearch 8 reads indices written by 7.x, but only a 7.17 node may be upgraded to 8.x, and
 *   a node never starts on data written by a later major (Elastic, "Upgrade Elasticsearch").
 * - Redis reads persistence files of older releases but not of newer ones.
 * The ClearML API server migrates its own collections when it starts (clearml-server v2.3.0
 * apiserver/mongo/initialize/migration.py, `_apply_migrations`).
 */
import type { K8sObject } from '../k8s-types';
import { type Message, msg } from '../messages/message';
import { resolveImage, SERVER_VERSIONS, type ServerVersion, tagVersion } from '../values/images';
import type { ClearMLValues } from '../values/schema';
import { type InstallRecord, recordValues } from './record';

/** MongoDB release series in upgrade order. */
const MONGO_SERIES = ['4.4', '5.0', '6.0', '7.0', '8.0'];

export interface UpgradeCheck {
  /** The release installed now; undefined for a new install. */
  from?: ServerVersion;
  to: ServerVersion;
  /** Why the deploy must not go ahead; empty when it may. */
  refusals: Message[];
  /** What happens to the data, and what cannot be undone, in words. */
  notes: Message[];
  /** Before MongoDB's image changes series: the live image, to set featureCompatibilityVersion. */
  prepareMongo?: { image: string; series: string };
}

const isVersion = (v: unknown): v is ServerVersion =>
  typeof v === 'string' && (SERVER_VERSIONS as readonly string[]).includes(v);

/**
 * The release an install record says is installed. Records written before releases could be
 * chosen have none: those instances run 2.0.
 */
export function installedVersion(record: InstallRecord | undefined): ServerVersion | undefined {
  if (!record?.data?.['values.yaml']) return undefined;
  let parsed: unknown;
  try {
    parsed = recordValues(record);
  } catch {
    return '2.0';
  }
  const version = (parsed as { server?: { version?: unknown } } | null)?.server?.version;
  return isVersion(version) ? version : '2.0';
}

function liveImage(
  live: Map<string, K8sObject>,
  key: string,
  container: string,
): string | undefined {
  const w = live.get(key) as
    | { spec?: { template?: { spec?: { containers?: { name: string; image?: string }[] } } } }
    | undefined;
  return w?.spec?.template?.spec?.containers?.find((c) => c.name === container)?.image;
}

const tagOf = (image: string) => image.slice(image.lastIndexOf(':') + 1);
const series = (v: [number, number]) => `${v[0]}.${v[1]}`;

function checkMongo(values: ClearMLValues, live: Map<string, K8sObject>, out: UpgradeCheck): void {
  if (!values.components.mongodb.enabled) return;
  const current = liveImage(live, `Deployment/${values.name}-mongodb`, 'mongodb');
  const from = current ? tagVersion(tagOf(current)) : undefined;
  const to = tagVersion(resolveImage(values, 'mongodb').tag);
  if (!current || !from || !to) return;
  const a = MONGO_SERIES.indexOf(series(from));
  const b = MONGO_SERIES.indexOf(series(to));
  if (a < 0 || b < 0 || a === b) return;
  if (b < a) {
    out.refusals.push(msg('upgrade.mongodb.downgrade', { from: series(from), to: series(to) }));
  } else if (b - a > 1) {
    out.refusals.push(
      msg('upgrade.mongodb.skip', {
        from: series(from),
        to: series(to),
        path: MONGO_SERIES.slice(a, b + 1).join(' → '),
      }),
    );
  } else {
    out.prepareMongo = { image: current, series: series(from) };
    out.notes.push(msg('upgrade.mongodb.step', { from: series(from), to: series(to) }));
  }
}

function checkElasticsearch(
  values: ClearMLValues,
  live: Map<string, K8sObject>,
  out: UpgradeCheck,
): void {
  if (!values.components.elasticsearch.enabled) return;
  const current = liveImage(live, `StatefulSet/${values.name}-elasticsearch`, 'elasticsearch');
  const from = current ? tagVersion(tagOf(current)) : undefined;
  const to = tagVersion(resolveImage(values, 'elasticsearch').tag);
  if (!from || !to || from[0] === to[0]) {
    if (from && to && to[1] < from[1] && from[0] === to[0]) {
      out.refusals.push(
        msg('upgrade.elasticsearch.downgradeMinor', { from: series(from), to: series(to) }),
      );
    }
    return;
  }
  if (to[0] < from[0]) {
    out.refusals.push(
      msg('upgrade.elasticsearch.downgradeMajor', { from: series(from), to: series(to) }),
    );
  } else if (to[0] - from[0] > 1 || !(from[0] === 7 && from[1] >= 17)) {
    out.refusals.push(msg('upgrade.elasticsearch.skip', { from: series(from), to: series(to) }));
  } else {
    out.notes.push(
      msg('upgrade.elasticsearch.step', {
        from: series(from),
        to: series(to),
        fromMajor: from[0],
        toMajor: to[0],
      }),
    );
  }
}

function checkRedis(values: ClearMLValues, live: Map<string, K8sObject>, out: UpgradeCheck): void {
  if (!values.components.redis.enabled) return;
  const current = liveImage(live, `StatefulSet/${values.name}-redis`, 'redis');
  const from = current ? tagVersion(tagOf(current)) : undefined;
  const to = tagVersion(resolveImage(values, 'redis').tag);
  if (from && to && (to[0] < from[0] || (to[0] === from[0] && to[1] < from[1]))) {
    out.refusals.push(msg('upgrade.redis.downgrade', { from: series(from), to: series(to) }));
  }
}

/**
 * Whether deploying `values` over what is installed is allowed, and what it does to the data.
 * `record` is the instance's install record, `live` its live objects keyed `Kind/name`.
 */
export function checkUpgrade(
  values: ClearMLValues,
  record: InstallRecord | undefined,
  live: Map<string, K8sObject>,
): UpgradeCheck {
  const from = installedVersion(record);
  const to = values.server.version;
  const out: UpgradeCheck = { from, to, refusals: [], notes: [] };
  if (from) {
    const a = SERVER_VERSIONS.indexOf(from);
    const b = SERVER_VERSIONS.indexOf(to);
    if (b < a) {
      out.refusals.push(msg('upgrade.server.downgrade', { from, to }));
    } else if (b - a > 1) {
      out.refusals.push(
        msg('upgrade.server.skip', {
          from,
          path: SERVER_VERSIONS.slice(a, b + 1).join(' → '),
          next: SERVER_VERSIONS[a + 1],
        }),
      );
    } else if (b > a) {
      out.notes.push(msg('upgrade.server.step', { from, to }));
    }
  }
  checkMongo(values, live, out);
  checkElasticsearch(values, live, out);
  checkRedis(values, live, out);
  if (out.refusals.length) {
    out.prepareMongo = undefined;
  } else if (out.notes.length) {
    out.notes.push(msg('upgrade.irreversible'));
  }
  return out;
}

/** Image defaults before releases could be chosen (chart 7.14 with Bitnami images). */
const LEGACY_DEFAULT_IMAGES: Record<string, { registry: string; repository: string; tag: string }> =
  {
    apiserver: { registry: 'docker.io', repository: 'allegroai/clearml', tag: '2.0.0-613' },
    fileserver: { registry: 'docker.io', repository: 'allegroai/clearml', tag: '2.0.0-613' },
    webserver: { registry: 'docker.io', repository: 'allegroai/clearml', tag: '2.0.0-613' },
    mongodb: {
      registry: 'docker.io',
      repository: 'bitnamilegacy/mongodb',
      tag: '6.0.10-debian-11-r8',
    },
    redis: { registry: 'docker.io', repository: 'bitnamilegacy/redis', tag: '7.0.9-debian-11-r1' },
    elasticsearch: {
      registry: 'docker.elastic.co',
      repository: 'elasticsearch/elasticsearch',
      tag: '7.17.3',
    },
  };

/**
 * The values of an install record as the wizard should start from them. Records written before
 * releases could be chosen hold no `server.version` and every image spelled out: they are 2.0,
 * and images equal to that time's defaults are dropped so that they follow the release chosen.
 */
export function valuesFromRecord(record: InstallRecord): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = recordValues(record);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const values = { ...(parsed as Record<string, unknown>) };
  const server = (values.server ?? {}) as Record<string, unknown>;
  if (isVersion(server.version)) return values;
  values.server = { ...server, version: '2.0' };
  const images = { ...((values.images ?? {}) as Record<string, unknown>) };
  for (const [component, legacy] of Object.entries(LEGACY_DEFAULT_IMAGES)) {
    if (JSON.stringify(images[component]) === JSON.stringify(legacy)) delete images[component];
  }
  values.images = images;
  return values;
}
