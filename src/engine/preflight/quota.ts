/** What a set of rendered objects asks of a namespace's ResourceQuotas. */
import type { K8sObject, PodSpec, ResourceList } from '../k8s-types';
import { parseQuantity } from '../quantity';

export type Demand = Record<string, number>;

interface WithTemplate extends K8sObject {
  spec: {
    replicas?: number;
    template: { spec: PodSpec };
    volumeClaimTemplates?: { spec: { resources: { requests: { storage: string } } } }[];
  };
}

function add(demand: Demand, key: string, value: number | undefined) {
  if (value === undefined || Number.isNaN(value)) return;
  demand[key] = (demand[key] ?? 0) + value;
}

/** Requests, limits, pod count and storage the objects ask for when fully rolled out. */
export function demandOf(objects: K8sObject[]): Demand {
  const demand: Demand = {};
  for (const o of objects) {
    if (o.kind === 'Deployment' || o.kind === 'StatefulSet') {
      const w = o as WithTemplate;
      const replicas = w.spec.replicas ?? 1;
      add(demand, 'pods', replicas);
      for (const c of w.spec.template.spec.containers ?? []) {
        const r = c.resources ?? {};
        const q = (v?: string) =>
          v === undefined ? undefined : (parseQuantity(v) ?? 0) * replicas;
        add(demand, 'requests.cpu', q(r.requests?.cpu));
        add(demand, 'requests.memory', q(r.requests?.memory));
        add(demand, 'limits.cpu', q(r.limits?.cpu));
        add(demand, 'limits.memory', q(r.limits?.memory));
        // Extended resources such as nvidia.com/gpu: a container's request equals its limit
        // (the limit alone sets both), and quotas track them only as `requests.<name>`
        // (kubernetes.io/docs/concepts/policy/resource-quotas, "Resource quota for extended
        // resources").
        const extended = new Set(
          [...Object.keys(r.requests ?? {}), ...Object.keys(r.limits ?? {})].filter((name) =>
            name.includes('/'),
          ),
        );
        for (const name of extended) {
          const key = name as keyof ResourceList;
          add(demand, `requests.${name}`, q(r.requests?.[key] ?? r.limits?.[key]));
        }
      }
      // A StatefulSet claims its volumes per replica from its templates.
      for (const claim of w.spec.volumeClaimTemplates ?? []) {
        add(demand, 'persistentvolumeclaims', replicas);
        add(
          demand,
          'requests.storage',
          (parseQuantity(claim.spec.resources.requests.storage) ?? 0) * replicas,
        );
      }
    }
    if (o.kind === 'PersistentVolumeClaim') {
      const size = (o as K8sObject & { spec: { resources: { requests: { storage: string } } } })
        .spec.resources.requests.storage;
      add(demand, 'persistentvolumeclaims', 1);
      add(demand, 'requests.storage', parseQuantity(size));
    }
    if (o.kind === 'Service') add(demand, 'services', 1);
    if (o.kind === 'Secret') add(demand, 'secrets', 1);
  }
  demand.cpu = demand['requests.cpu'] ?? 0;
  demand.memory = demand['requests.memory'] ?? 0;
  return demand;
}

export interface LiveQuota {
  metadata: { name: string };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

export interface QuotaShortfall {
  quota: string;
  resource: string;
  needed: number;
  free: number;
}

/**
 * Resources where a quota has less room than the plan needs. `existing` is what the instance
 * already uses (a re-deploy only needs the difference).
 */
export function quotaShortfalls(
  demand: Demand,
  quotas: LiveQuota[],
  existing: Demand = {},
): QuotaShortfall[] {
  const out: QuotaShortfall[] = [];
  for (const q of quotas) {
    for (const [resource, hardText] of Object.entries(q.status?.hard ?? {})) {
      const needed = (demand[resource] ?? 0) - (existing[resource] ?? 0);
      if (needed <= 0) continue;
      const hard = parseQuantity(hardText) ?? Infinity;
      const used = parseQuantity(q.status?.used?.[resource] ?? '0') ?? 0;
      if (hard - used < needed)
        out.push({ quota: q.metadata.name, resource, needed, free: Math.max(0, hard - used) });
    }
  }
  return out;
}

/** A quantity in the unit people read for that resource. */
export function formatAmount(resource: string, value: number): string {
  if (/memory|storage/.test(resource))
    return `${(value / 2 ** 30).toFixed(1).replace(/\.0$/, '')} GiB`;
  if (/cpu/.test(resource)) return `${Number(value.toFixed(2))} CPU`;
  return String(Math.round(value));
}
