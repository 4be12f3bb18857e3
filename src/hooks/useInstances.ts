import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { useMemo } from 'react';
import { INSTANCE_LABEL } from '../engine';
import type { InstallRecord } from '../engine/deploy/record';
import { installedVersion } from '../engine/deploy/upgrade';
import { instanceStatus } from '../engine/status/model';
import type { InstanceStatus, LiveRoute, LiveWorkload } from '../engine/status/types';
import { instancesWatch } from './watch-specs';

export interface InstanceSummary {
  name: string;
  namespace: string;
  version: string;
  /** The ClearML server release the install record names. */
  serverVersion: string;
  installedAt: string;
  updatedAt: string;
  status: InstanceStatus;
  record: InstallRecord;
}

type Results = Record<string, { data: unknown; loaded: boolean; loadError?: unknown }>;

const listOf = <T>(r: Results, key: string): T[] =>
  Array.isArray(r[key]?.data) ? (r[key].data as T[]) : [];

/** Instances found from their install records, each with health from its workloads. */
export function useInstances(namespace: string): {
  instances: InstanceSummary[];
  loaded: boolean;
  error?: unknown;
} {
  const spec = useMemo(() => instancesWatch(namespace), [namespace]);
  const results = useK8sWatchResources(spec) as unknown as Results;
  const records = listOf<InstallRecord>(results, 'records');
  const deployments = listOf<LiveWorkload>(results, 'deployments');
  const statefulSets = listOf<LiveWorkload>(results, 'statefulSets');
  const routes = listOf<LiveRoute>(results, 'routes');
  const instances = records
    .map((record) => {
      const name = record.metadata.labels?.[INSTANCE_LABEL] ?? record.metadata.name;
      const ns = record.metadata.namespace ?? '';
      const inNs = <T extends { metadata: { namespace?: string } }>(items: T[]) =>
        items.filter((i) => (i.metadata.namespace ?? ns) === ns);
      const status = instanceStatus(name, {
        deployments: inNs(deployments),
        statefulSets: inNs(statefulSets),
        replicaSets: [],
        pods: [],
        pvcs: [],
        routes: inNs(routes),
        events: [],
      });
      return {
        name,
        namespace: ns,
        version: record.data?.version ?? '',
        serverVersion: installedVersion(record) ?? '',
        installedAt: record.data?.installedAt ?? '',
        updatedAt: record.data?.updatedAt ?? '',
        status,
        record,
      };
    })
    .sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  const loaded = ['records', 'deployments', 'statefulSets'].every((k) => results[k]?.loaded);
  const error = results.records?.loadError;
  return { instances, loaded, error };
}
