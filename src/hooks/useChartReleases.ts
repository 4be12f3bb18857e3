/**
 * Releases of the upstream `clearml` chart, found from their workloads (watched) and Helm's release
 * records (read as metadata only through the cluster client: a watch would stream whole Secrets).
 */
import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import { readHelmRecords } from '../engine/adopt/read';
import {
  type ChartRelease,
  type ChartWorkload,
  findChartReleases,
  type HelmRecord,
} from '../engine/adopt/releases';
import { releaseStatus } from '../engine/adopt/release-status';
import {
  type ProgressConfigMap,
  type UnfinishedTakeover,
  unfinishedTakeovers,
} from '../engine/adopt/takeover-progress';
import type { InstanceStatus, LiveState, LiveWorkload } from '../engine/status/types';
import { ALL_NAMESPACES, chartWorkloadsWatch, releaseWatch } from './watch-specs';

type Results = Record<string, { data: unknown; loaded: boolean; loadError?: unknown }>;

/** A workload as watched: what the status model and the release finder both read. */
type Workload = LiveWorkload & ChartWorkload;

const listOf = <T>(r: Results, key: string): T[] =>
  Array.isArray(r[key]?.data) ? (r[key].data as T[]) : [];

/** The chart workloads of the three watches, each once. */
function chartWorkloads(results: Results, namespace: string): Workload[] {
  const seen = new Map<string, Workload>();
  const add = (kind: string, items: Workload[]) => {
    for (const w of items) {
      const ns = w.metadata.namespace ?? namespace;
      const item = { ...w, kind, metadata: { ...w.metadata, namespace: ns } };
      seen.set(`${kind}/${ns}/${w.metadata.name}`, item);
    }
  };
  add('Deployment', listOf(results, 'helmDeployments'));
  add('StatefulSet', listOf(results, 'helmStatefulSets'));
  add('StatefulSet', listOf(results, 'elasticStatefulSets'));
  return [...seen.values()];
}

/**
 * What changes when a release is upgraded or rolled back: its chart version and its workloads'
 * generations. The records are read again only then.
 */
function signatureOf(workloads: Workload[]): string {
  return findChartReleases(workloads, undefined)
    .map((r) => {
      const generations = workloads
        .filter((w) => r.workloads.some((x) => x.name === w.metadata.name && x.kind === w.kind))
        .map((w) => w.metadata.generation ?? 0)
        .join('.');
      return `${r.release}@${r.chartVersion}:${generations}`;
    })
    .join(',');
}

interface RecordsOf {
  /** undefined while not read yet, or when the user may not list Secrets. */
  records?: HelmRecord[];
  read: boolean;
}

/**
 * Helm records per project: read at once (with the watches, not after them), and again when a
 * project's release signature changes. The first signature seen after the read at mount does
 * not count as a change: the records read then are as fresh.
 */
function useHelmRecords(signatures: Record<string, string>): Record<string, RecordsOf> {
  const client = useClusterClient();
  const [byNs, setByNs] = useState<Record<string, RecordsOf>>({});
  const readFor = useRef(new Map<string, string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = JSON.stringify(Object.entries(signatures).sort());
  useEffect(() => {
    for (const [ns, sig] of JSON.parse(key) as [string, string][]) {
      const before = readFor.current.get(ns);
      readFor.current.set(ns, sig);
      if (before === sig || before === '') continue;
      void readHelmRecords(client, ns).then((records) => {
        if (mounted.current) setByNs((s) => ({ ...s, [ns]: { records, read: true } }));
      });
    }
  }, [client, key]);
  return byNs;
}

export interface ReleaseSummary {
  release: ChartRelease;
  namespace: string;
  /** Health from the workloads' counts (the list does not watch pods). */
  status: InstanceStatus;
  /** Whether the Helm records were read (the Helm status is unknown until, or without, them). */
  recordsRead: boolean;
}

const NO_PODS = { replicaSets: [], pods: [], pvcs: [], routes: [], events: [] };

/** The chart releases of `namespace` (or of every project), for the instances list. */
export function useChartReleases(namespace: string): {
  releases: ReleaseSummary[];
  /** Take-overs removing a release whose workloads are gone, so it is not in `releases`. */
  takeovers: UnfinishedTakeover[];
  loaded: boolean;
} {
  const spec = useMemo(() => chartWorkloadsWatch(namespace), [namespace]);
  const results = useK8sWatchResources(spec) as unknown as Results;
  const workloads = chartWorkloads(results, namespace);
  const byNs = new Map<string, Workload[]>();
  for (const w of workloads) {
    const ns = w.metadata.namespace!;
    byNs.set(ns, [...(byNs.get(ns) ?? []), w]);
  }
  // One project: its records are read at mount. Every project: those with a release, once known.
  const signatures: Record<string, string> =
    namespace !== ALL_NAMESPACES
      ? { [namespace]: signatureOf(workloads) }
      : Object.fromEntries(
          [...byNs].map(([ns, ws]) => [ns, signatureOf(ws)]).filter(([, sig]) => sig),
        );
  const records = useHelmRecords(signatures);
  const releases = [...byNs].flatMap(([ns, ws]) => {
    const known = records[ns];
    return findChartReleases(ws, known?.records).map((release) => ({
      release,
      namespace: ns,
      status: releaseStatus(release, {
        ...NO_PODS,
        deployments: ws.filter((w) => w.kind === 'Deployment'),
        statefulSets: ws.filter((w) => w.kind === 'StatefulSet'),
      }),
      recordsRead: !!known?.read,
    }));
  });
  const found = new Set(releases.map((r) => `${r.namespace}/${r.release.release}`));
  const takeovers = unfinishedTakeovers(
    listOf<ProgressConfigMap>(results, 'takeovers'),
    namespace,
  ).filter((t) => !found.has(`${t.namespace}/${t.release}`));
  const loaded = Object.keys(spec).every((k) => k === 'takeovers' || results[k]?.loaded);
  return { releases, takeovers, loaded };
}

export interface ReleaseLive {
  release?: ChartRelease;
  /** A take-over that removes this release and has not finished, when one is recorded. */
  takeover?: UnfinishedTakeover;
  status?: InstanceStatus;
  recordsRead: boolean;
  loaded: boolean;
  error?: unknown;
}

/** One release's live status: its workloads, and the project's pods, claims and events. */
export function useReleaseLive(namespace: string, name: string): ReleaseLive {
  const spec = useMemo(() => releaseWatch(namespace), [namespace]);
  const results = useK8sWatchResources(spec) as unknown as Results;
  const workloads = chartWorkloads(results, namespace);
  const records = useHelmRecords({ [namespace]: signatureOf(workloads) })[namespace];
  const release = findChartReleases(workloads, records?.records).find((r) => r.release === name);
  const classes = results.storageClasses;
  const live: LiveState = {
    deployments: workloads.filter((w) => w.kind === 'Deployment'),
    statefulSets: workloads.filter((w) => w.kind === 'StatefulSet'),
    replicaSets: listOf(results, 'replicaSets'),
    pods: listOf(results, 'pods'),
    pvcs: listOf(results, 'pvcs'),
    routes: listOf(results, 'routes'),
    events: listOf(results, 'events'),
    storageClasses:
      classes?.loaded && !classes.loadError && Array.isArray(classes.data)
        ? (classes.data as LiveState['storageClasses'])
        : undefined,
  };
  const key = JSON.stringify([release, live]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const status = useMemo(() => (release ? releaseStatus(release, live) : undefined), [key]);
  const takeover = release
    ? undefined
    : unfinishedTakeovers(listOf<ProgressConfigMap>(results, 'takeovers'), namespace).find(
        (t) => t.release === name,
      );
  const optional = ['routes', 'storageClasses', 'takeovers'];
  const required = Object.keys(spec).filter((k) => !optional.includes(k));
  const loaded = required.every((k) => results[k]?.loaded);
  const error = required.map((k) => results[k]?.loadError).find(Boolean);
  return { release, takeover, status, recordsRead: !!records?.read, loaded, error };
}
