/**
 * Writes rendered objects to a cluster: refuses to adopt objects someone else owns, dry-runs
 * everything on the server first, then applies tier by tier with server-side apply. Every step
 * is idempotent, so a run that stopped half-way is finished by running again.
 */
import { describeRef, refOf } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainError } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { mapLimit } from './concurrency';
import { groupByTier, type TierName } from './tiers';

export type ObjectState =
  'pending' | 'checked' | 'created' | 'configured' | 'unchanged' | 'skipped' | 'failed';

export interface ObjectEvent {
  type: 'object';
  ref: ObjectRef;
  tier: TierName;
  state: ObjectState;
  /** For failures and skips: what happened and what to do. */
  message?: string;
  /** Set on the second pass, which writes the objects that carry the admitted Route hosts. */
  pass?: 'route-hosts';
}

export interface PhaseEvent {
  type: 'phase';
  phase: 'read' | 'upgrade' | 'dry-run' | 'apply' | 'route-hosts' | 'grants' | 'record' | 'done';
  message: string;
}

export type ApplyEvent = ObjectEvent | PhaseEvent;

export interface ApplyProblem {
  ref: ObjectRef;
  message: string;
  status?: number;
}

export interface ApplyOutcome {
  /** Objects created or changed; 0 when the cluster already matched. */
  changed: number;
  states: { ref: ObjectRef; state: ObjectState }[];
  problems: ApplyProblem[];
}

export interface ApplyInput {
  client: ClusterClient;
  objects: K8sObject[];
  /** Live objects of the same kinds and names, keyed `Kind/name` (absent = not there yet). */
  live: Map<string, K8sObject>;
  /** Objects to leave out of this run (e.g. grants an administrator will apply). */
  skip?: Set<string>;
  onEvent?: (event: ApplyEvent) => void;
  /** Parallel requests within a tier. */
  concurrency?: number;
  signal?: AbortSignal;
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;

export async function dryRunAll(input: ApplyInput): Promise<ApplyProblem[]> {
  const { client, objects, skip, onEvent, concurrency = 16, signal } = input;
  onEvent?.({
    type: 'phase',
    phase: 'dry-run',
    message: 'Checking every object with the API server (dry run)',
  });
  const problems: ApplyProblem[] = [];
  const byTier = groupByTier(objects);
  await mapLimit(
    byTier.flatMap((g) => g.objects.map((o) => ({ o, tier: g.tier }))),
    concurrency,
    async ({ o, tier }) => {
      signal?.throwIfAborted();
      const ref = refOf(o);
      if (skip?.has(key(o))) return;
      try {
        await client.apply(o, { dryRun: true });
        onEvent?.({ type: 'object', ref, tier, state: 'checked' });
      } catch (err) {
        const message = explainError(err, `create or update ${describeRef(ref)}`);
        problems.push({ ref, message, status: (err as { status?: number }).status });
        onEvent?.({ type: 'object', ref, tier, state: 'failed', message });
      }
    },
  );
  return problems;
}

export async function applyAll(input: ApplyInput): Promise<ApplyOutcome> {
  const { client, objects, live, skip, onEvent, concurrency = 16, signal } = input;
  onEvent?.({ type: 'phase', phase: 'apply', message: 'Applying objects in dependency order' });
  const states: { ref: ObjectRef; state: ObjectState }[] = [];
  const problems: ApplyProblem[] = [];
  let changed = 0;
  for (const group of groupByTier(objects)) {
    await mapLimit(group.objects, concurrency, async (o) => {
      signal?.throwIfAborted();
      const ref = refOf(o);
      if (skip?.has(key(o))) {
        states.push({ ref, state: 'skipped' });
        onEvent?.({ type: 'object', ref, tier: group.tier, state: 'skipped' });
        return;
      }
      try {
        const before = live.get(key(o));
        const after = await client.apply(o);
        const state: ObjectState = !before
          ? 'created'
          : before.metadata.resourceVersion === after.metadata.resourceVersion
            ? 'unchanged'
            : 'configured';
        if (state !== 'unchanged') changed++;
        live.set(key(o), after);
        states.push({ ref, state });
        onEvent?.({ type: 'object', ref, tier: group.tier, state });
      } catch (err) {
        const message = explainError(err, `apply ${describeRef(ref)}`);
        problems.push({ ref, message, status: (err as { status?: number }).status });
        states.push({ ref, state: 'failed' });
        onEvent?.({ type: 'object', ref, tier: group.tier, state: 'failed', message });
      }
    });
    // A later tier depends on this one: stop at the first tier with a failure.
    if (problems.length) break;
  }
  return { changed, states, problems };
}
