/** Container image defaults of the upstream chart 7.14.x, with Bitnami images from `bitnamilegacy`. */
export const DEFAULT_IMAGES = {
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
} as const;

export type ImageComponent = keyof typeof DEFAULT_IMAGES;

export function imageReference(image: {
  registry: string;
  repository: string;
  tag: string;
}): string {
  return `${image.registry}/${image.repository}:${image.tag}`;
}
