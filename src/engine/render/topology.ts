/**
 * What the console's Developer → Topology view reads from workloads (openshift/console
 * release-4.22, `frontend/packages/topology/src/data-transforms/transform-utils.ts`):
 * - `app.kubernetes.io/part-of` makes the application group (`getTopologyGroupItems`), so it
 *   holds the instance name: one group per instance, two instances never merge;
 * - `app.openshift.io/connects-to` (a JSON list of `{apiVersion, kind, name}`) draws an edge to
 *   each named workload (`getTopologyEdgeItems`); here: to what a component waits for at start;
 * - `app.openshift.io/runtime` picks the node icon (`getImageForIconClass('icon-<runtime>')`,
 *   `frontend/public/components/catalog/catalog-item-icon.tsx`).
 * Route decorators need nothing more: each Route targets a Service selecting the workload's pods.
 */
import { type ComponentId, componentInfo, componentOf } from '../components';
import type { K8sObject } from '../k8s-types';

export const CONNECTS_TO = 'app.openshift.io/connects-to';
export const RUNTIME_LABEL = 'app.openshift.io/runtime';

/** Icon classes the console ships: the ClearML servers are Python, the web UI is nginx. */
export const RUNTIMES: Record<ComponentId, string> = {
  mongodb: 'mongodb',
  redis: 'redis',
  elasticsearch: 'elastic',
  apiserver: 'python',
  fileserver: 'python',
  'async-delete': 'python',
  webserver: 'nginx',
};

const isWorkload = (o: K8sObject) => o.kind === 'Deployment' || o.kind === 'StatefulSet';

/** Adds the runtime label and the start-order edges to every workload of an instance. */
export function linkWorkloads(objects: K8sObject[]): K8sObject[] {
  const byComponent = new Map<ComponentId, K8sObject>();
  for (const o of objects) {
    const id = componentOf(o);
    if (id && isWorkload(o)) byComponent.set(id, o);
  }
  return objects.map((o) => {
    const id = componentOf(o);
    if (!id || !isWorkload(o)) return o;
    const targets = componentInfo(id)
      .dependsOn.map((dep) => byComponent.get(dep))
      .filter((t): t is K8sObject => t !== undefined)
      .map((t) => ({ apiVersion: t.apiVersion, kind: t.kind, name: t.metadata.name }));
    return {
      ...o,
      metadata: {
        ...o.metadata,
        labels: { ...o.metadata.labels, [RUNTIME_LABEL]: RUNTIMES[id] },
        ...(targets.length
          ? { annotations: { ...o.metadata.annotations, [CONNECTS_TO]: JSON.stringify(targets) } }
          : {}),
      },
    };
  });
}
