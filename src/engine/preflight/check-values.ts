/** Preflight for a set of values: render them for this cluster, then run every check. */
import type { ClusterClient } from '../cluster/client';
import { type ClusterPlan, renderForCluster } from '../deploy/live';
import { existingSecretMessages } from '../deploy/existing-secret';
import { checkUpgrade, type UpgradeCheck } from '../deploy/upgrade';
import type { ClearMLValues } from '../values/schema';
import { blocking, type Finding, finding, type PreflightReport } from './findings';
import { preflight } from './preflight';

export async function checkValues(
  client: ClusterClient,
  values: ClearMLValues,
  options: { tolerateReadErrors?: boolean } = {},
): Promise<Omit<ClusterPlan, 'rerender'> & { report: PreflightReport; upgrade: UpgradeCheck }> {
  const { objects, plan, live, record, credentialsGap } = await renderForCluster(
    client,
    values,
    options,
  );
  const upgrade = checkUpgrade(values, record, live);
  const report = await preflight({
    client,
    namespace: values.namespace,
    instance: values.name,
    objects,
    live,
  });
  report.findings.push(...upgradeFindings(upgrade));
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

/** The release step in words: refusals block the deploy; the notes say what happens to the data. */
export function upgradeFindings(upgrade: UpgradeCheck): Finding[] {
  return [
    ...upgrade.refusals.map((m, i) => finding(`upgrade-refused-${i}`, 'upgrade', 'error', m)),
    ...upgrade.notes.map((m, i) => finding(`upgrade-${i}`, 'upgrade', 'info', m)),
  ];
}
