/** Preflight for a set of values: render them for this cluster, then run every check. */
import type { ClusterClient } from '../cluster/client';
import { type ClusterPlan, renderForCluster } from '../deploy/live';
import { existingSecretMessages } from '../deploy/existing-secret';
import { checkUpgrade, type UpgradeCheck } from '../deploy/upgrade';
import type { K8sObject } from '../k8s-types';
import type { ClearMLValues } from '../values/schema';
import { msg } from '../messages/message';
import { blocking, type Finding, finding, type PreflightReport } from './findings';
import { preflight } from './preflight';

export async function checkValues(
  client: ClusterClient,
  values: ClearMLValues,
  options: { tolerateReadErrors?: boolean; freed?: K8sObject[] } = {},
): Promise<Omit<ClusterPlan, 'rerender'> & { report: PreflightReport; upgrade: UpgradeCheck }> {
  const { objects, plan, live, record, credentialsGap } = await renderForCluster(client, values, {
    tolerateReadErrors: options.tolerateReadErrors,
  });
  const upgrade = checkUpgrade(values, record, live);
  const report = await preflight({
    client,
    namespace: values.namespace,
    instance: values.name,
    objects,
    live,
    freed: options.freed,
  });
  report.findings.push(...upgradeFindings(upgrade));
  report.findings.push(...(await existingClaimFindings(client, values)));
  if (credentialsGap) {
    report.findings.push(
      ...existingSecretMessages(credentialsGap, values.namespace).map((m, i) =>
        finding(`credentials-existing-secret-${i}`, 'credentials', 'error', m),
      ),
    );
  }
  report.canDeploy = !blocking(report.findings);
  return { objects, plan, live, report, upgrade };
}

const CLAIM_STORES = ['fileserver', 'mongodb', 'redis', 'elasticsearch'] as const;

/**
 * Each existing claim a deployed store mounts must be there: a pod whose claim is missing stays
 * Pending. One read by name per claim; a claim that cannot be read is not judged.
 */
async function existingClaimFindings(
  client: ClusterClient,
  values: ClearMLValues,
): Promise<Finding[]> {
  const named = CLAIM_STORES.filter((s) => values.components[s].enabled).flatMap((store) => {
    const claim = values.storage[store].existingClaim;
    return claim ? [{ store, claim: claim.name }] : [];
  });
  const found = await Promise.all(
    named.map(({ claim }) =>
      client
        .get({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          name: claim,
          namespace: values.namespace,
        })
        .then((o) => o !== undefined)
        .catch(() => true),
    ),
  );
  return named
    .filter((_, i) => !found[i])
    .map(({ store, claim }) =>
      finding(
        `storage-claim-${store}`,
        'storage',
        'error',
        msg('preflight.storage.missingClaim', {
          claim,
          component: msg(`component.${store}`),
          namespace: values.namespace,
          field: `storage.${store}.existingClaim`,
        }),
      ),
    );
}

/** The release step in words: refusals block the deploy; the notes say what happens to the data. */
export function upgradeFindings(upgrade: UpgradeCheck): Finding[] {
  return [
    ...upgrade.refusals.map((m, i) => finding(`upgrade-refused-${i}`, 'upgrade', 'error', m)),
    ...upgrade.notes.map((m, i) => finding(`upgrade-${i}`, 'upgrade', 'info', m)),
  ];
}
