/** Preflight for a set of values: render them for this cluster, then run every check. */
import type { ClusterClient } from '../cluster/client';
import { type ClusterPlan, renderForCluster } from '../deploy/live';
import type { ClearMLValues } from '../values/schema';
import type { PreflightReport } from './findings';
import { preflight } from './preflight';

export async function checkValues(
  client: ClusterClient,
  values: ClearMLValues,
  options: { tolerateReadErrors?: boolean } = {},
): Promise<Omit<ClusterPlan, 'rerender'> & { report: PreflightReport }> {
  const { objects, plan, live } = await renderForCluster(client, values, options);
  const report = await preflight({
    client,
    namespace: values.namespace,
    instance: values.name,
    objects,
    live,
  });
  return { objects, plan, live, report };
}
