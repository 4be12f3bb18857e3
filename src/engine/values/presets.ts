/** Compute presets. `default` equals the upstream chart where it sets resources. */

export interface ResourceSpec {
  requests: { cpu: string; memory: string };
  limits: { cpu: string; memory: string };
}

export const RESOURCE_COMPONENTS = [
  'apiserver',
  'asyncDelete',
  'fileserver',
  'webserver',
  'mongodb',
  'redis',
  'elasticsearch',
] as const;

export type ResourceComponent = (typeof RESOURCE_COMPONENTS)[number];

export const PRESET_NAMES = ['small', 'default', 'production'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

function spec(reqCpu: string, reqMem: string, limCpu: string, limMem: string): ResourceSpec {
  return { requests: { cpu: reqCpu, memory: reqMem }, limits: { cpu: limCpu, memory: limMem } };
}

export const RESOURCE_PRESETS: Record<PresetName, Record<ResourceComponent, ResourceSpec>> = {
  small: {
    apiserver: spec('50m', '256Mi', '1', '768Mi'),
    asyncDelete: spec('25m', '128Mi', '500m', '512Mi'),
    fileserver: spec('50m', '128Mi', '1', '512Mi'),
    webserver: spec('25m', '64Mi', '500m', '256Mi'),
    mongodb: spec('100m', '256Mi', '1', '1Gi'),
    redis: spec('50m', '64Mi', '500m', '256Mi'),
    elasticsearch: spec('100m', '1Gi', '1', '2Gi'),
  },
  default: {
    apiserver: spec('100m', '256Mi', '2', '1Gi'),
    asyncDelete: spec('100m', '256Mi', '2', '1Gi'),
    fileserver: spec('100m', '256Mi', '2', '1Gi'),
    webserver: spec('100m', '256Mi', '2', '1Gi'),
    mongodb: spec('250m', '512Mi', '2', '2Gi'),
    redis: spec('100m', '128Mi', '1', '512Mi'),
    elasticsearch: spec('100m', '2Gi', '2', '4Gi'),
  },
  production: {
    apiserver: spec('500m', '1Gi', '4', '4Gi'),
    asyncDelete: spec('100m', '256Mi', '1', '1Gi'),
    fileserver: spec('250m', '512Mi', '2', '2Gi'),
    webserver: spec('100m', '256Mi', '1', '1Gi'),
    mongodb: spec('1', '2Gi', '4', '8Gi'),
    redis: spec('250m', '512Mi', '2', '2Gi'),
    elasticsearch: spec('1', '8Gi', '4', '8Gi'),
  },
};

/** Requests and limits of the wait-for-dependency init containers (as in the chart). */
export const INIT_CONTAINER_RESOURCES: ResourceSpec = spec('10m', '64Mi', '10m', '64Mi');
