/**
 * ClearML installs made with the upstream Helm chart (`helm install clearml clearml/clearml`), found
 * from what the project holds: the chart's workloads and Helm's release records.
 *
 * Facts from clearml-helm-charts (chart `clearml` 7.x, `templates/_helpers.tpl` `clearml.labels`,
 * and the subcharts' own templates):
 * - the chart's workloads carry `helm.sh/chart: clearml-<version>`, `app.kubernetes.io/instance:
 *   <release>` and `app.kubernetes.io/version: <server version>`;
 * - the Bitnami MongoDB and Redis subcharts label theirs `app.kubernetes.io/instance: <release>`;
 *   the Elastic subchart labels its StatefulSet `release: <release>` (elastic/helm-charts
 *   `elasticsearch/templates/statefulset.yaml`);
 * - names, for release `clearml`: Deployments `clearml-apiserver`, `clearml-apiserver-asyncdelete`,
 *   `clearml-fileserver`, `clearml-webserver`, `clearml-mongodb`; StatefulSets
 *   `clearml-redis-master` and `clearml-elastic-master`.
 * Helm 3 keeps each revision in a Secret `sh.helm.release.v1.<release>.v<revision>` labelled
 * `owner: helm`, `name`, `status` and `version` (helm v3 `pkg/storage/driver/secrets.go`).
 */
import type { ComponentId } from '../components';

export interface ChartWorkload {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: { replicas?: number; template?: { spec?: { serviceAccountName?: string } } };
}

export interface HelmRecord {
  metadata: { name: string; labels?: Record<string, string> };
}

export interface ChartRelease {
  release: string;
  chartVersion: string;
  /** The ClearML server version the chart deployed (`app.kubernetes.io/version`). */
  appVersion?: string;
  /** Status of the newest revision (deployed, failed, …); undefined when the records are unreadable. */
  status?: string;
  revision?: number;
  workloads: { kind: string; name: string; component?: ComponentId; serviceAccount: string }[];
  /** The service accounts its pods run as, and `default`, which the blog's grants name too. */
  serviceAccounts: string[];
}

const CHART_LABEL = 'helm.sh/chart';
const INSTANCE = 'app.kubernetes.io/instance';

/** The component a chart workload runs, from its name (see the list above). */
export function chartComponent(name: string): ComponentId | undefined {
  if (/-apiserver-asyncdelete$/.test(name)) return 'async-delete';
  if (/-apiserver$/.test(name)) return 'apiserver';
  if (/-fileserver$/.test(name)) return 'fileserver';
  if (/-webserver$/.test(name)) return 'webserver';
  if (/-mongodb$/.test(name)) return 'mongodb';
  if (/-redis-(master|replicas)$/.test(name)) return 'redis';
  if (/-elastic-master$/.test(name)) return 'elasticsearch';
  return undefined;
}

function newestRecord(records: HelmRecord[], release: string) {
  const mine = records
    .map((r) => r.metadata.labels ?? {})
    .filter((l) => l.owner === 'helm' && l.name === release)
    .sort((a, b) => Number(b.version) - Number(a.version));
  return mine[0];
}

/**
 * The releases of the `clearml` chart among `workloads` (Deployments and StatefulSets of one
 * project), each with its subcharts' workloads. `records` are Helm's release Secrets, or
 * undefined when the user may not list them.
 */
export function findChartReleases(
  workloads: ChartWorkload[],
  records: HelmRecord[] | undefined,
): ChartRelease[] {
  const releases = new Map<string, ChartRelease>();
  for (const w of workloads) {
    const labels = w.metadata.labels ?? {};
    const chart = /^clearml-(\d+\.\d+\.\d+\S*)$/.exec(labels[CHART_LABEL] ?? '');
    const release = labels[INSTANCE];
    if (!chart || !release || releases.has(release)) continue;
    const record = records && newestRecord(records, release);
    releases.set(release, {
      release,
      chartVersion: chart[1],
      appVersion: labels['app.kubernetes.io/version'],
      status: record?.status,
      revision: record?.version ? Number(record.version) : undefined,
      workloads: [],
      serviceAccounts: [],
    });
  }
  for (const [release, entry] of releases) {
    const mine = workloads.filter((w) => {
      const labels = w.metadata.labels ?? {};
      return labels[INSTANCE] === release || labels.release === release;
    });
    entry.workloads = mine.map((w) => ({
      kind: w.kind,
      name: w.metadata.name,
      component: chartComponent(w.metadata.name),
      serviceAccount: w.spec?.template?.spec?.serviceAccountName || 'default',
    }));
    entry.serviceAccounts = [
      ...new Set([...entry.workloads.map((w) => w.serviceAccount), 'default']),
    ];
  }
  return [...releases.values()].sort((a, b) => a.release.localeCompare(b.release));
}
