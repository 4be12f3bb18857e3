/**
 * Writes rendered objects to a cluster: refuses to adopt objects someone else owns, dry-runs
 * everything on the server first, then applies tier by tier with server-side apply. Every step
 * is idempotent, so a run that stopped half-way is finished by running again.
 */
import { describeRef, refOf } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainErrorMessage } from '../cluster/errors';
import type { K8sObject } from '../k8s-types';
import { type Message, msg, said } from '../messages/message';
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
  i18n?: Message;
  /** Set on the second pass, which writes the objects that carry the admitted Route hosts. */
  pass?: 'route-hosts';
}

export interface PhaseEvent {
  type: 'phase';
  phase: 'read' | 'upgrade' | 'dry-run' | 'apply' | 'route-hosts' | 'grants' | 'record' | 'done';
  message: string;
  i18n: Message;
}

export type ApplyEvent = ObjectEvent | PhaseEvent;

export interface ApplyProblem {
  ref: ObjectRef;
  message: string;
  /** `message` as a message id with parameters, for the page to translate. */
  i18n?: Message;
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
    ...said(msg('deploy.phase.dryRun')),
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
        const m = explainErrorMessage(err, msg('deploy.what.dryRun', { object: describeRef(ref) }));
        problems.push({ ref, ...said(m), status: (err as { status?: number }).status });
        onEvent?.({ type: 'object', ref, tier, state: 'failed', ...said(m) });
      }
    },
  );
  return problems;
}

export async function applyAll(input: ApplyInput): Promise<ApplyOutcome> {
  const { client, objects, live, skip, onEvent, concurrency = 16, signal } = input;
  onEvent?.({ type: 'phase', phase: 'apply', ...said(msg('deploy.phase.apply')) });
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
        const m = explainErrorMessage(err, msg('deploy.what.apply', { object: describeRef(ref) }));
        problems.push({ ref, ...said(m), status: (err as { status?: number }).status });
        states.push({ ref, state: 'failed' });
        onEvent?.({ type: 'object', ref, tier: group.tier, state: 'failed', ...said(m) });
      }
    });
    // A later tier depends on this one: stop at the first tier with a failure.
    if (problems.length) break;
  }
  return { changed, states, problems };
}
