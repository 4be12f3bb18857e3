/**
 * Runs a take-over plan through the cluster client, step by step, recording each finished step in
 * the progress ConfigMap so that running it again continues where it stopped. With `until` a run
 * stops, successfully, once that step is recorded: a staged take-over, continued by a run without
 * it. `rollbackTakeover` (takeover-rollback.ts) restores the release as long as its objects were
 * not removed (steps 1–3). Both are idempotent.
 *
 * The release's objects are changed with server-side apply of only the fields the step sets
 * (`force`, since Helm owns them): the `helm.sh/resource-policy: keep` annotation on claims (Helm
 * keeps such objects on uninstall, helm v3 `pkg/action/uninstall.go`), a StatefulSet's
 * `persistentVolumeClaimRetentionPolicy` (k8s `apps/v1` StatefulSetSpec; with `Delete` the
 * controller makes the set or its pods own the claims, so deleting or scaling it down deletes
 * them) and the workloads' `replicas`.
 */
import { type LiveRoleBinding, removeSubjects, type Subject } from '../deploy/release-scc-bindings';
import { describeRef } from '../cluster/api-paths';
import type { ClusterClient, ObjectRef } from '../cluster/client';
import { explainErrorMessage } from '../cluster/errors';
import { sleep } from '../deploy/concurrency';
import { deploy, type DeployEvent } from '../deploy/deploy';
import type { AdminHandoff } from '../deploy/grants';
import type { K8sObject } from '../k8s-types';
import { list, type Message, msg } from '../messages/message';
import { waitForReady } from '../status/wait';
import { parseValues } from '../values/parse';
import { REPLICAS_ANNOTATION, STEP_WHAT } from './takeover-plan';
import { progressFromPlan, readProgress, writeProgress } from './takeover-progress';
import { subjectOf } from './takeover-grants';
import type {
  LiveClaim,
  LiveWorkload,
  TakeoverPlan,
  TakeoverProgress,
  TakeoverStepId,
} from './takeover-types';

export type TakeoverEvent =
  | { type: 'step'; step: TakeoverStepId; state: 'start' | 'done' | 'skipped'; message: string }
  | { type: 'object'; ref: ObjectRef; action: string }
  | { type: 'wait'; message: string }
  | { type: 'deploy'; event: DeployEvent };

export interface TakeoverProblem {
  message: string;
  i18n?: Message;
  /** HTTP status of the failed request, when one failed. */
  status?: number;
}

export interface TakeoverResult {
  ok: boolean;
  /** Steps finished, this run or before. */
  done: TakeoverStepId[];
  stoppedAt?: TakeoverStepId;
  /**
   * With `until`: the last finished step, when the run stopped there as asked with steps left to
   * do. Running again without `until` continues after it.
   */
  pausedAfter?: TakeoverStepId;
  /** With `pausedAfter`: whether `rollbackTakeover` can still restore the release. */
  rollbackPossible?: boolean;
  problems: TakeoverProblem[];
  handoff?: AdminHandoff;
}

export interface TakeoverOptions {
  client: ClusterClient;
  plan: TakeoverPlan;
  /** How long to wait for the chart's pods to stop, and for the instance to be Ready. */
  timeoutMs: number;
  pollMs?: number;
  onEvent?: (event: TakeoverEvent) => void;
  signal?: AbortSignal;
  /** A staged take-over: stop, successfully, once this step is recorded as done. */
  until?: TakeoverStepId;
}

const KEEP = { 'helm.sh/resource-policy': 'keep' };

/** Thrown inside a step to stop the run with problems. */
class StepStop extends Error {
  constructor(
    readonly problems: TakeoverProblem[],
    readonly handoff?: AdminHandoff,
  ) {
    super(problems.map((p) => p.message).join(' '));
  }
}

export function wrapped(err: unknown, what: Message | string): TakeoverProblem {
  const m = explainErrorMessage(err, what);
  return { message: m.text, i18n: m, status: (err as { status?: number }).status };
}

export const workloadRef = (key: string, namespace: string): ObjectRef => {
  const [kind, name] = key.split('/');
  return { apiVersion: 'apps/v1', kind, name, namespace };
};

export const applyMeta = (ref: ObjectRef, extra: Record<string, unknown>, annotations?: object) =>
  ({
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, namespace: ref.namespace, ...(annotations ? { annotations } : {}) },
    ...extra,
  }) as K8sObject;

async function protectClaims(o: TakeoverOptions) {
  const { client, plan } = o;
  const ns = plan.namespace;
  for (const [name] of Object.entries(plan.retention)) {
    const ref: ObjectRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', name, namespace: ns };
    if (!(await client.get(ref))) continue;
    const retain = { whenDeleted: 'Retain', whenScaled: 'Retain' };
    await client.apply(applyMeta(ref, { spec: { persistentVolumeClaimRetentionPolicy: retain } }), {
      force: true,
    });
    o.onEvent?.({ type: 'object', ref, action: 'retain-volumes' });
  }
  for (const s of Object.values(plan.values.storage ?? {})) {
    const ref: ObjectRef = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: s.existingClaim.name,
      namespace: ns,
    };
    await client.apply(applyMeta(ref, {}, KEEP), { force: true });
    o.onEvent?.({ type: 'object', ref, action: 'annotate' });
  }
}

async function scaleDown(o: TakeoverOptions) {
  const { client, plan } = o;
  const selectors: string[] = [];
  for (const [key, replicas] of Object.entries(plan.replicas)) {
    const ref = workloadRef(key, plan.namespace);
    const live = await client.get<LiveWorkload>(ref);
    if (!live) continue;
    const recorded = { [REPLICAS_ANNOTATION]: String(replicas) };
    await client.apply(applyMeta(ref, { spec: { replicas: 0 } }, recorded), { force: true });
    o.onEvent?.({ type: 'object', ref, action: 'scale' });
    const labels = live.spec?.selector?.matchLabels ?? {};
    const selector = Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    if (selector) selectors.push(selector);
  }
  const names = Object.keys(plan.replicas).map((k) => k.split('/')[1]);
  o.onEvent?.({
    type: 'wait',
    message: msg('adopt.run.waitPods', { workloads: list(names) }).text,
  });
  const deadline = Date.now() + o.timeoutMs;
  for (;;) {
    const running = await Promise.all(
      selectors.map((labelSelector) =>
        client.list('v1', 'Pod', { namespace: plan.namespace, labelSelector }),
      ),
    );
    if (running.every((pods) => pods.length === 0)) return;
    if (Date.now() >= deadline) {
      const m = msg('adopt.run.podsTimeout', {
        workloads: list(names),
        timeout: `${Math.round(o.timeoutMs / 1000)}s`,
      });
      throw new StepStop([{ message: m.text, i18n: m }]);
    }
    await sleep(Math.min(o.pollMs ?? 2000, Math.max(0, deadline - Date.now())), o.signal);
  }
}

async function deployInstance(o: TakeoverOptions) {
  const { client, plan } = o;
  const parsed = parseValues(plan.values);
  if (!parsed.ok) {
    const problems = parsed.issues.map((i) => ({ message: `${i.path}: ${i.message}` }));
    throw new StepStop(problems);
  }
  const result = await deploy({
    client,
    values: parsed.values,
    onEvent: (event) => o.onEvent?.({ type: 'deploy', event }),
    signal: o.signal,
  });
  if (!result.ok) {
    const m = msg('adopt.run.deployFailed', {
      instance: plan.instance,
      problems: list(
        result.problems.map((p) => p.message),
        ' ',
      ),
    });
    const status = result.stoppedBecause === 'grants-missing' ? 403 : result.problems[0]?.status;
    throw new StepStop([{ message: m.text, i18n: m, status }], result.handoff);
  }
  const waited = await waitForReady({
    client,
    namespace: plan.namespace,
    instance: plan.instance,
    timeoutMs: o.timeoutMs,
    pollMs: o.pollMs,
    signal: o.signal,
  });
  if (!waited.ready) {
    const notReady = waited.status.components.filter((c) => c.state !== 'Ready');
    const m = msg('adopt.run.notReady', {
      instance: plan.instance,
      timeout: `${Math.round(o.timeoutMs / 1000)}s`,
      components: list(notReady.map((c) => `${c.displayName} (${c.state})`)),
    });
    throw new StepStop([{ message: m.text, i18n: m }]);
  }
}

async function removeRelease(o: TakeoverOptions, progress: TakeoverProgress) {
  const { client, plan } = o;
  progress.closed = true;
  await writeProgress(client, plan.namespace, progress);
  const claims = await client.list<LiveClaim>('v1', 'PersistentVolumeClaim', {
    namespace: plan.namespace,
  });
  const problems: TakeoverProblem[] = [];
  for (const ref of plan.releaseObjects) {
    try {
      // A StatefulSet that still owns a claim is deleted without its dependents: the claim stays.
      const owns =
        ref.kind === 'StatefulSet' &&
        claims.some((c) =>
          (c.metadata.ownerReferences ?? []).some(
            (r) => r.kind === 'StatefulSet' && r.name === ref.name,
          ),
        );
      await client.delete(ref, { propagationPolicy: owns ? 'Orphan' : 'Background' });
      o.onEvent?.({ type: 'object', ref, action: 'delete' });
    } catch (err) {
      problems.push(wrapped(err, msg('uninstall.what.delete', { object: describeRef(ref) })));
    }
  }
  if (problems.length) throw new StepStop(problems);
}

async function removeGrants(o: TakeoverOptions) {
  const { client, plan } = o;
  const ns = plan.namespace;
  for (const r of plan.grantRemovals) {
    if (r.via === 'ClusterRoleBinding') {
      const ref: ObjectRef = {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        name: r.object,
      };
      const live = await client.get<LiveRoleBinding>(ref);
      if (!live) continue;
      const mine = (s: Subject) =>
        s.kind === 'ServiceAccount' && s.namespace === ns && r.accounts.includes(s.name);
      const state = await removeSubjects(client, ref, live, mine);
      if (state !== 'unchanged') {
        o.onEvent?.({ type: 'object', ref, action: state === 'deleted' ? 'delete' : 'update' });
      }
    } else {
      const ref: ObjectRef = {
        apiVersion: 'security.openshift.io/v1',
        kind: 'SecurityContextConstraints',
        name: r.object,
      };
      const live = await client.get<K8sObject & { users?: string[] | null }>(ref);
      const users = live?.users ?? [];
      const drop = new Set(r.accounts.map((a) => subjectOf(ns, a)));
      const left = users.filter((u) => !drop.has(u));
      if (!live || left.length === users.length) continue;
      await client.apply(
        {
          apiVersion: ref.apiVersion,
          kind: ref.kind,
          metadata: { name: r.object, resourceVersion: live.metadata.resourceVersion },
          users: left,
        } as K8sObject,
        { force: true },
      );
      o.onEvent?.({ type: 'object', ref, action: 'update' });
    }
  }
}

const RUNNERS: Record<
  TakeoverStepId,
  (o: TakeoverOptions, progress: TakeoverProgress) => Promise<void>
> = {
  'protect-claims': protectClaims,
  'scale-down': scaleDown,
  deploy: deployInstance,
  'remove-release': removeRelease,
  'remove-grants': removeGrants,
};

/** The outcome of a run that stopped after `until`: paused when steps are left to do. */
function untilReached(plan: TakeoverPlan, progress: TakeoverProgress): TakeoverResult {
  const { done } = progress;
  const left = plan.steps.some((s) => !done.includes(s.id));
  const last = plan.steps.filter((s) => done.includes(s.id)).pop();
  if (!left || !last) return { ok: true, done, problems: [] };
  return { ok: true, done, pausedAfter: last.id, rollbackPossible: !progress.closed, problems: [] };
}

/**
 * Runs the plan's steps that are not done yet, in order; stops at the first that fails, or, with
 * `until`, once that step is done (this run or before).
 */
export async function runTakeover(options: TakeoverOptions): Promise<TakeoverResult> {
  const { client, plan, onEvent, until } = options;
  const progress = (await readProgress(client, plan.release, plan.namespace)) ?? {
    ...progressFromPlan(plan),
    done: [],
  };
  // What the plan knows now (e.g. replicas of a workload first seen) joins what was recorded.
  progress.replicas = { ...plan.replicas, ...progress.replicas };
  progress.retention = { ...plan.retention, ...progress.retention };
  await writeProgress(client, plan.namespace, progress);
  for (const step of plan.steps) {
    if (progress.done.includes(step.id)) {
      onEvent?.({ type: 'step', step: step.id, state: 'skipped', message: step.message });
    } else {
      onEvent?.({ type: 'step', step: step.id, state: 'start', message: step.message });
      try {
        await RUNNERS[step.id](
          { ...options, plan: { ...plan, replicas: progress.replicas } },
          progress,
        );
      } catch (err) {
        if (options.signal?.aborted) throw err;
        const problems =
          err instanceof StepStop ? err.problems : [wrapped(err, STEP_WHAT[step.id])];
        const handoff = err instanceof StepStop ? err.handoff : undefined;
        return { ok: false, done: progress.done, stoppedAt: step.id, problems, handoff };
      }
      progress.done = [...progress.done, step.id];
      await writeProgress(client, plan.namespace, progress);
      onEvent?.({ type: 'step', step: step.id, state: 'done', message: step.message });
    }
    if (step.id === until) return untilReached(plan, progress);
  }
  return { ok: true, done: progress.done, problems: [] };
}
