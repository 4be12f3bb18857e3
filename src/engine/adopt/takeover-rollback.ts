/**
 * Rollback of a take-over whose release is still there (steps 1–3): the managed instance goes
 * (never a volume: it renders none of its own when it uses the release's), the chart's workloads
 * get their recorded replicas back, the StatefulSets their volume retention policy, and the claims
 * lose the keep annotation this tool set. Once step 4 began removing the release it refuses.
 * Idempotent: a rollback that stopped half-way is finished by running it again.
 */
import { describeRef } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { isOwnedBy } from '../deploy/ownership';
import { uninstall } from '../deploy/uninstall';
import { msg } from '../messages/message';
import { objectName } from '../names';
import {
  applyMeta,
  type TakeoverEvent,
  type TakeoverProblem,
  workloadRef,
  wrapped,
} from './takeover';
import { progressRef, readProgress } from './takeover-progress';

export interface RollbackResult {
  ok: boolean;
  /** Nothing was recorded, so nothing was changed. */
  nothing?: boolean;
  /** The release's objects are gone: no rollback. */
  closed?: boolean;
  instance?: string;
  problems: TakeoverProblem[];
}

/** Restores the release: removes the instance, scales the chart back, undoes the protections. */
export async function rollbackTakeover(options: {
  client: ClusterClient;
  release: string;
  namespace: string;
  onEvent?: (event: TakeoverEvent) => void;
}): Promise<RollbackResult> {
  const { client, release, namespace, onEvent } = options;
  const progress = await readProgress(client, release, namespace);
  if (!progress) {
    const m = msg('adopt.run.rollbackNothing', { release, namespace });
    return { ok: true, nothing: true, problems: [{ message: m.text, i18n: m }] };
  }
  const { instance } = progress;
  if (progress.closed) {
    const m = msg('adopt.run.rollbackClosed', { release });
    return { ok: false, closed: true, instance, problems: [{ message: m.text, i18n: m }] };
  }
  const problems: TakeoverProblem[] = [];
  const attempt = async (ref: ObjectRef, action: string, run: () => Promise<unknown>) => {
    try {
      await run();
      onEvent?.({ type: 'object', ref, action });
    } catch (err) {
      problems.push(wrapped(err, msg('uninstall.what.update', { object: describeRef(ref) })));
    }
  };
  // The instance first, so the chart's pods find their volumes free. Never a claim: the instance
  // renders none of its own when it uses the release's.
  const removed = await uninstall({ client, namespace, instance, deleteData: false });
  for (const r of removed.deleted) onEvent?.({ type: 'object', ref: r, action: 'delete' });
  problems.push(...removed.problems.map((p) => ({ message: p.message, i18n: p.i18n })));
  const secretRef = {
    apiVersion: 'v1',
    kind: 'Secret',
    name: objectName(instance, 'credentials'),
    namespace,
  };
  const secret = await client.get(secretRef);
  if (secret && isOwnedBy(secret, instance)) {
    await attempt(secretRef, 'delete', () => client.delete(secretRef));
  }
  for (const [key, replicas] of Object.entries(progress.replicas)) {
    const ref = workloadRef(key, namespace);
    if (!(await client.get(ref))) continue;
    // Applying without the annotation removes it: this tool was its only writer.
    await attempt(ref, 'scale', () =>
      client.apply(applyMeta(ref, { spec: { replicas } }), { force: true }),
    );
  }
  for (const [name, policy] of Object.entries(progress.retention)) {
    const ref: ObjectRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name, namespace };
    if (!(await client.get(ref))) continue;
    await attempt(ref, 'restore-retention', () =>
      client.apply(applyMeta(ref, { spec: { persistentVolumeClaimRetentionPolicy: policy } }), {
        force: true,
      }),
    );
  }
  for (const s of Object.values(progress.values.storage ?? {})) {
    const ref: ObjectRef = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: s.existingClaim.name,
      namespace,
    };
    if (!(await client.get(ref))) continue;
    await attempt(ref, 'unannotate', () => client.apply(applyMeta(ref, {}), { force: true }));
  }
  if (problems.length) return { ok: false, instance, problems };
  await client.delete(progressRef(release, namespace));
  return { ok: true, instance, problems };
}
