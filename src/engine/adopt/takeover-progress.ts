/**
 * The take-over's progress, kept on the cluster in ConfigMap `<release>-takeover`, so that a
 * second run continues after the last finished step and a rollback knows what to restore. It holds
 * no secret: the instance's values name Secrets and claims, never their contents. It carries the
 * plugin's managed-by label but no instance label, so uninstalling the instance leaves it.
 */
import type { ClusterClient, ObjectRef } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../deploy/ownership';
import type { TakeoverPlan, TakeoverProgress, TakeoverStepId } from './takeover-types';
import { STEP_ORDER } from './takeover-types';

export const TAKEOVER_LABEL = 'clearml-console-plugin/takeover-of';

export const progressName = (release: string) => `${release}-takeover`;

export const progressRef = (release: string, namespace: string): ObjectRef => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: progressName(release),
  namespace,
});

export interface ProgressConfigMap extends K8sObject {
  data?: Record<string, string>;
}

const parseJson = <T>(text: string | undefined, fallback: T): T => {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
};

/** The progress a ConfigMap records, or undefined when it records none for `release`. */
export function progressOf(
  cm: ProgressConfigMap | undefined,
  release: string,
  namespace: string,
): TakeoverProgress | undefined {
  const data = cm?.data;
  if (!data || data.release !== release || !data.instance) return undefined;
  const done = (data.done ?? '')
    .split(',')
    .filter((s): s is TakeoverStepId => (STEP_ORDER as string[]).includes(s));
  return {
    release,
    instance: data.instance,
    done,
    closed: data.closed === 'true',
    values: parseJson(data['values.json'], { name: data.instance, namespace }),
    snapshot: parseJson(data['release.json'], {
      release,
      chartVersion: '',
      workloads: [],
      serviceAccounts: [],
    }),
    replicas: parseJson(data['replicas.json'], {}),
    retention: parseJson(data['retention.json'], {}),
  };
}

/** The progress as recorded, or undefined when no take-over of the release has begun. */
export async function readProgress(
  client: ClusterClient,
  release: string,
  namespace: string,
): Promise<TakeoverProgress | undefined> {
  return progressOf(
    await client.get<ProgressConfigMap>(progressRef(release, namespace)),
    release,
    namespace,
  );
}

/** A take-over whose release's objects are being removed, and not all are gone yet. */
export interface UnfinishedTakeover {
  release: string;
  namespace: string;
  instance: string;
  done: TakeoverStepId[];
}

/**
 * The take-overs recorded in `configMaps` (labelled with TAKEOVER_LABEL) that began removing
 * their release and did not finish: the release's workloads may be gone, so the release is no
 * longer found by them, yet the take-over must be continued (or its end seen) from somewhere.
 */
export function unfinishedTakeovers(
  configMaps: ProgressConfigMap[],
  fallbackNamespace: string,
): UnfinishedTakeover[] {
  return configMaps.flatMap((cm) => {
    const release = cm.metadata.labels?.[TAKEOVER_LABEL];
    const namespace = cm.metadata.namespace ?? fallbackNamespace;
    const p = release ? progressOf(cm, release, namespace) : undefined;
    if (!p || !p.closed || p.done.includes('remove-release')) return [];
    return [{ release: p.release, namespace, instance: p.instance, done: p.done }];
  });
}

export function progressFromPlan(plan: TakeoverPlan): TakeoverProgress {
  return {
    release: plan.release,
    instance: plan.instance,
    done: plan.steps.filter((s) => s.done).map((s) => s.id),
    closed: false,
    values: plan.values,
    snapshot: plan.snapshot,
    replicas: plan.replicas,
    retention: plan.retention,
  };
}

/** Writes the progress (server-side apply of the whole ConfigMap: idempotent). */
export async function writeProgress(
  client: ClusterClient,
  namespace: string,
  progress: TakeoverProgress,
): Promise<void> {
  const ref = progressRef(progress.release, namespace);
  const done = STEP_ORDER.filter((s) => progress.done.includes(s));
  await client.apply<ProgressConfigMap>(
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: ref.name,
        namespace,
        labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [TAKEOVER_LABEL]: progress.release },
      },
      data: {
        release: progress.release,
        instance: progress.instance,
        done: done.join(','),
        closed: String(progress.closed),
        'values.json': JSON.stringify(progress.values),
        'release.json': JSON.stringify(progress.snapshot),
        'replicas.json': JSON.stringify(progress.replicas),
        'retention.json': JSON.stringify(progress.retention),
      },
    },
    { force: true },
  );
}
