import { useK8sWatchResources } from '@openshift-console/dynamic-plugin-sdk';
import { useMemo } from 'react';
import { instanceStatus } from '../engine/status/model';
import { mergePods } from '../engine/status/read';
import type { InstanceStatus, LiveState } from '../engine/status/types';
import { instanceWatch } from './watch-specs';

type Results = Record<string, { data: unknown; loaded: boolean; loadError?: unknown }>;

const KEYS = [
  'deployments',
  'statefulSets',
  'replicaSets',
  'pods',
  'pvcs',
  'routes',
  'events',
] as const;

/**
 * Watch results as the status model's live state (missing lists are empty), the agents' task
 * pods merged into `pods`. StorageClasses stay unknown unless their watch loaded without error.
 */
export function liveStateOf(results: Results): LiveState {
  const out = {} as Record<(typeof KEYS)[number] | 'storageClasses', unknown[] | undefined>;
  for (const key of KEYS) {
    const data = results[key]?.data;
    out[key] = Array.isArray(data) ? data : [];
  }
  const taskPods = results.taskPods?.data;
  out.pods = mergePods(
    out.pods as { metadata: { name: string } }[],
    Array.isArray(taskPods) ? (taskPods as { metadata: { name: string } }[]) : [],
  );
  const classes = results.storageClasses;
  out.storageClasses =
    classes?.loaded && !classes.loadError && Array.isArray(classes.data) ? classes.data : undefined;
  return out as unknown as LiveState;
}

export interface InstanceLive {
  live: LiveState;
  status: InstanceStatus;
  loaded: boolean;
  /** The first watch error other than the optional Routes. */
  error?: unknown;
}

/** The live state and status of one instance, kept current by watches (no polling). */
export function useInstanceLive(namespace: string, instance: string): InstanceLive {
  const spec = useMemo(() => instanceWatch(namespace, instance), [namespace, instance]);
  const results = useK8sWatchResources(spec) as unknown as Results;
  const live = liveStateOf(results);
  const key = JSON.stringify(live);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const memoLive = useMemo(() => live, [key]);
  const status = useMemo(() => instanceStatus(instance, memoLive), [instance, memoLive]);
  const required = [...KEYS.filter((k) => k !== 'routes' && k !== 'events'), 'taskPods'];
  const loaded = required.every((k) => results[k]?.loaded);
  const error = required.map((k) => results[k]?.loadError).find(Boolean);
  return { live: memoLive, status, loaded, error };
}
