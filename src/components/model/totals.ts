/** Resource and storage totals of a plan, for the Size and Storage steps. */
import {
  type ClearMLValues,
  parseQuantity,
  RESOURCE_COMPONENTS,
  type ResourceComponent,
  resolveResources,
} from '../../engine';

export interface ResourceTotals {
  requests: { cpu: number; memory: number };
  limits: { cpu: number; memory: number };
}

const ENABLED: Record<ResourceComponent, (v: ClearMLValues) => boolean> = {
  apiserver: () => true,
  asyncDelete: (v) => v.components.asyncDelete.enabled && v.components.fileserver.enabled,
  fileserver: (v) => v.components.fileserver.enabled,
  webserver: (v) => v.components.webserver.enabled,
  mongodb: (v) => v.components.mongodb.enabled,
  redis: (v) => v.components.redis.enabled,
  elasticsearch: (v) => v.components.elasticsearch.enabled,
};

export function replicasOf(v: ClearMLValues, c: ResourceComponent): number {
  switch (c) {
    case 'apiserver':
    case 'fileserver':
    case 'webserver':
    case 'elasticsearch':
      return v.components[c].replicas;
    default:
      return 1;
  }
}

export function resourceTotals(v: ClearMLValues): ResourceTotals {
  const t: ResourceTotals = { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 } };
  for (const c of RESOURCE_COMPONENTS) {
    if (!ENABLED[c](v)) continue;
    const r = resolveResources(v, c);
    const n = replicasOf(v, c);
    t.requests.cpu += (parseQuantity(r.requests.cpu) ?? 0) * n;
    t.requests.memory += (parseQuantity(r.requests.memory) ?? 0) * n;
    t.limits.cpu += (parseQuantity(r.limits.cpu) ?? 0) * n;
    t.limits.memory += (parseQuantity(r.limits.memory) ?? 0) * n;
  }
  return t;
}

export interface VolumePlan {
  id: 'fileserver' | 'mongodb' | 'redis' | 'elasticsearch';
  size: string;
  count: number;
}

/** The volumes the instance creates: a store on an existing claim (`existingClaim`) adds none. */
export function volumesOf(v: ClearMLValues): VolumePlan[] {
  const c = v.components;
  const s = v.storage;
  const creates = (id: VolumePlan['id']) => c[id].enabled && !s[id].existingClaim;
  const out: VolumePlan[] = [];
  if (creates('fileserver')) out.push({ id: 'fileserver', size: s.fileserver.size, count: 1 });
  if (creates('mongodb')) out.push({ id: 'mongodb', size: s.mongodb.size, count: 1 });
  if (creates('redis')) out.push({ id: 'redis', size: s.redis.size, count: 1 });
  if (creates('elasticsearch'))
    out.push({ id: 'elasticsearch', size: s.elasticsearch.size, count: c.elasticsearch.replicas });
  return out;
}

export const storageTotal = (v: ClearMLValues): number =>
  volumesOf(v).reduce((sum, vol) => sum + (parseQuantity(vol.size) ?? 0) * vol.count, 0);

/** Cores with up to two decimals, e.g. "2.35". */
export const formatCores = (cores: number) => String(Math.round(cores * 100) / 100);

/** Bytes as GiB (or MiB below 1 GiB), e.g. "7.5 GiB". */
export const formatBytes = (bytes: number) =>
  bytes >= 2 ** 30
    ? `${Math.round((bytes / 2 ** 30) * 10) / 10} GiB`
    : `${Math.round(bytes / 2 ** 20)} MiB`;
