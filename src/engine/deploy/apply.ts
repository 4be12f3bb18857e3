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
  /** Set on the objects written with the admitted Route hosts, and on their dry runs. */
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
  /** Requests in flight at once (default `IN_FLIGHT`). */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface DryRunInput extends ApplyInput {
  /**
   * Asked when the API refuses an object: true when the refusal is expected and the object
   * is left out of the run instead (an SCC grant the user may not make goes to an administrator).
   */
  handOff?: (object: K8sObject, error: unknown) => Promise<boolean>;
}

export interface ApplyAllInput extends ApplyInput {
  /** Written with the first tier, whatever their own (objects written again). */
  first?: K8sObject[];
  /** Written with the last tier (the install record: it names an instance that is all there). */
  last?: K8sObject[];
}

/**
 * Requests in flight at once. kube-apiserver admits 600 by default (400 read-only and 200
 * mutating, k8s.io/apiserver v0.34.3 pkg/server/config.go), which priority and fairness shares
 * out by priority level: a user's requests fall in `global-default`, 20 of the 245 shares
 * (pkg/apis/flowcontrol/bootstrap/default.go), about 49 seats. 16 stays well inside that while
 * other clients work too; 429s are still retried after the server's Retry-After.
 */
export const IN_FLIGHT = 16;

const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;

/** Every object in one concurrent wave: dry runs do not depend on each other's writes. */
export async function dryRunAll(input: DryRunInput): Promise<ApplyProblem[]> {
  const { client, objects, skip, onEvent, concurrency = IN_FLIGHT, signal, handOff } = input;
  onEvent?.({
    type: 'phase',
    phase: 'dry-run',
    ...said(msg('deploy.phase.dryRun')),
  });
  const problems: ApplyProblem[] = [];
  await mapLimit(
    groupByTier(objects).flatMap((g) => g.objects.map((o) => ({ o, tier: g.tier }))),
    concurrency,
    async ({ o, tier }) => {
      signal?.throwIfAborted();
      const ref = refOf(o);
      if (skip?.has(key(o))) return;
      try {
        await client.apply(o, { dryRun: true });
        onEvent?.({ type: 'object', ref, tier, state: 'checked' });
      } catch (err) {
        if (await handOff?.(o, err)) return;
        const m = explainErrorMessage(err, msg('deploy.what.dryRun', { object: describeRef(ref) }));
        problems.push({ ref, ...said(m), status: (err as { status?: number }).status });
        onEvent?.({ type: 'object', ref, tier, state: 'failed', ...said(m) });
      }
    },
  );
  return problems;
}

/** Tier by tier in dependency order, every object of a tier at once (up to `concurrency`). */
export async function applyAll(input: ApplyAllInput): Promise<ApplyOutcome> {
  const { client, objects, live, skip, onEvent, concurrency = IN_FLIGHT, signal } = input;
  onEvent?.({ type: 'phase', phase: 'apply', ...said(msg('deploy.phase.apply')) });
  const states: { ref: ObjectRef; state: ObjectState }[] = [];
  const problems: ApplyProblem[] = [];
  let changed = 0;
  const groups = groupByTier(objects);
  if (input.first?.length) {
    if (groups.length) groups[0].objects.unshift(...input.first);
    else groups.push(...groupByTier(input.first));
  }
  if (input.last?.length) {
    const final = groups.at(-1);
    if (final) final.objects.push(...input.last);
    else groups.push(...groupByTier(input.last));
  }
  for (const group of groups) {
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
