/**
 * Container images per supported ClearML server release. Values may override any field of any
 * image; what they leave out comes from the release chosen in `server.version`.
 *
 * Sources:
 * - 2.3: clearml/clearml-server tag v2.3.0 (b3960966), `docker/docker-compose.yml`: `clearml/server`,
 *   `mongo:7.0.22`, `redis:7.4.1`, `elasticsearch:8.17.0`. The compose file pins `clearml/server:latest`;
 *   the release tag `2.3.0` follows the plain `X.Y.Z` tags published under `clearml/server` since the
 *   organization rename (registry not reachable from here: the tag is inferred, not looked up).
 * - 2.0: clearml/clearml-helm-charts 7.14.4 (747c018a), `charts/clearml/values.yaml`
 *   (`allegroai/clearml:2.0.0-613`) and its elastic subchart 7.17.3; MongoDB and Redis from
 *   clearml-server tag v2.0.0 `docker/docker-compose.yml` (`mongo:6.0.19`, `redis:7.4.1`), the same
 *   major versions as the chart's withdrawn Bitnami images (6.0.10, 7.0.9), so that no repository
 *   that is no longer published or maintained (`bitnami/*`, `bitnamilegacy/*`) is needed.
 */
export const SERVER_VERSIONS = ['2.0', '2.3'] as const;
export type ServerVersion = (typeof SERVER_VERSIONS)[number];
export const DEFAULT_SERVER_VERSION: ServerVersion = '2.3';

export interface ImageRef {
  registry: string;
  repository: string;
  tag: string;
}

export type ImageComponent =
  'apiserver' | 'fileserver' | 'webserver' | 'mongodb' | 'redis' | 'elasticsearch';

const server = (repository: string, tag: string): ImageRef => ({
  registry: 'docker.io',
  repository,
  tag,
});

export const IMAGES_BY_VERSION: Record<ServerVersion, Record<ImageComponent, ImageRef>> = {
  '2.0': {
    apiserver: server('allegroai/clearml', '2.0.0-613'),
    fileserver: server('allegroai/clearml', '2.0.0-613'),
    webserver: server('allegroai/clearml', '2.0.0-613'),
    mongodb: { registry: 'docker.io', repository: 'library/mongo', tag: '6.0.19' },
    redis: { registry: 'docker.io', repository: 'library/redis', tag: '7.4.1' },
    elasticsearch: {
      registry: 'docker.elastic.co',
      repository: 'elasticsearch/elasticsearch',
      tag: '7.17.3',
    },
  },
  '2.3': {
    apiserver: server('clearml/server', '2.3.0'),
    fileserver: server('clearml/server', '2.3.0'),
    webserver: server('clearml/server', '2.3.0'),
    mongodb: { registry: 'docker.io', repository: 'library/mongo', tag: '7.0.22' },
    redis: { registry: 'docker.io', repository: 'library/redis', tag: '7.4.1' },
    elasticsearch: { registry: 'docker.io', repository: 'library/elasticsearch', tag: '8.17.0' },
  },
};

/** Defaults of the current release, for documentation and the JSON Schema. */
export const DEFAULT_IMAGES = IMAGES_BY_VERSION[DEFAULT_SERVER_VERSION];

interface ImageValues {
  server: { version: ServerVersion };
  images: Partial<Record<ImageComponent, Partial<ImageRef> | undefined>>;
}

/** The image a component runs: the release's default with the values' overrides on top. */
export function resolveImage(values: ImageValues, component: ImageComponent): ImageRef {
  const given = values.images[component] ?? {};
  const base = IMAGES_BY_VERSION[values.server.version][component];
  return {
    registry: given.registry ?? base.registry,
    repository: given.repository ?? base.repository,
    tag: given.tag ?? base.tag,
  };
}

export function imageReference(image: ImageRef): string {
  return `${image.registry}/${image.repository}:${image.tag}`;
}

/** `registry/repository:tag` of a component's image. */
export const imageOf = (values: ImageValues, component: ImageComponent): string =>
  imageReference(resolveImage(values, component));

/** Major and minor version at the start of an image tag (`7.0.22` → [7, 0]), if it has one. */
export function tagVersion(tag: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(tag);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}
