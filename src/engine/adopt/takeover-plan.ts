/**
 * The take-over plan: from a chart release and what the project holds, the managed instance's
 * values and five ordered, idempotent steps, each with what it writes and whether `--rollback`
 * can still restore the release after it, plus findings that say what blocks or what to know.
 * Pure: the reads are in takeover-read.ts, the writes in takeover.ts.
 */
import type { ObjectRef } from '../cluster/client';
import type { K8sObject } from '../k8s-types';
import { list, type Message, msg } from '../messages/message';
import { blocking, finding, type Finding } from '../preflight/findings';
import { parseValues } from '../values/parse';
import { planGrantRemovals, removalCommands } from './takeover-grants';
import {
  defaultInstanceName,
  invalidName,
  isReleaseObject,
  nameClashes,
  releaseRoutes,
  releaseWorkloads,
  takeoverValues,
} from './takeover-values';
import type {
  StepWrite,
  TakeoverInput,
  TakeoverPlan,
  TakeoverStep,
  TakeoverStepId,
} from './takeover-types';

/** Annotation on each chart workload: its replicas before the take-over scaled it down. */
export const REPLICAS_ANNOTATION = 'clearml-console-plugin/takeover-replicas';

/** What a step does, in the words of the "may not" finding. */
export const STEP_WHAT: Record<TakeoverStepId, Message> = {
  'protect-claims': msg('adopt.what.protect'),
  'scale-down': msg('adopt.what.scaleDown'),
  deploy: msg('adopt.what.deploy'),
  'remove-release': msg('adopt.what.removeRelease'),
  'remove-grants': msg('adopt.what.removeGrants'),
};

const refOf = (o: K8sObject, namespace?: string): ObjectRef => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name,
  ...(namespace ? { namespace } : {}),
});

const keyOf = (kind: string, name: string) => `${kind}/${name}`;

/**
 * The objects step 4 deletes: everything labelled for the release (its chart's and subcharts'
 * labels) and the Routes that lead to its Services, except the volumes, Helm's release records
 * (labelled `owner: helm`, never the release's instance label) and the credentials Secret the
 * instance reads. The release's service accounts go too, `default` never.
 */
export function releaseObjects(input: TakeoverInput, keepSecret: string): ObjectRef[] {
  const { namespace } = input;
  const { release, serviceAccounts } = input.release;
  const routes = new Set(releaseRoutes(input).map((r) => r.metadata.name));
  const picked = input.objects.filter((o) => {
    if (o.kind === 'PersistentVolumeClaim' || o.metadata.labels?.owner === 'helm') return false;
    if (o.kind === 'Secret' && o.metadata.name === keepSecret) return false;
    if (o.kind === 'Route') return routes.has(o.metadata.name);
    if (o.kind === 'ServiceAccount' && o.metadata.name === 'default') return false;
    if (o.kind === 'ServiceAccount' && serviceAccounts.includes(o.metadata.name)) {
      return o.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'clearml-console-plugin';
    }
    return isReleaseObject(o, release);
  });
  const workloads = releaseWorkloads(input);
  // Routes first (their hosts pass to the instance's Routes), then what serves, then the rest.
  const rank = (kind: string) =>
    kind === 'Route' || kind === 'Ingress' ? 0 : kind === 'Service' ? 1 : 2;
  return [...picked, ...workloads]
    .sort((a, b) => rank(a.kind) - rank(b.kind))
    .map((o) => refOf(o, namespace));
}

function stepsOf(
  input: TakeoverInput,
  plan: Omit<TakeoverPlan, 'steps' | 'blocked'>,
  claims: string[],
): TakeoverStep[] {
  const { namespace } = input;
  const done = new Set(input.progress?.done ?? []);
  const workloads = releaseWorkloads(input);
  const retain = Object.keys(plan.retention);
  const ref = (apiVersion: string, kind: string, name: string): ObjectRef => ({
    apiVersion,
    kind,
    name,
    namespace,
  });
  const protect: StepWrite[] = [
    ...claims.map((c) => ({
      action: 'annotate' as const,
      ref: ref('v1', 'PersistentVolumeClaim', c),
    })),
    ...retain.map((s) => ({
      action: 'retain-volumes' as const,
      ref: ref('apps/v1', 'StatefulSet', s),
    })),
  ];
  // The recorded workloads: after step 4 they are no longer live.
  const names = Object.keys(plan.replicas).map((k) => k.split('/')[1]);
  const removals = plan.grantRemovals;
  const steps: [TakeoverStepId, Message, StepWrite[], boolean][] = [
    [
      'protect-claims',
      retain.length
        ? msg('adopt.step.protectRetain', { claims: list(claims), statefulSets: list(retain) })
        : msg('adopt.step.protect', { claims: list(claims) }),
      protect,
      true,
    ],
    [
      'scale-down',
      msg('adopt.step.scaleDown', { workloads: list(names) }),
      workloads.map((w) => ({ action: 'scale' as const, ref: refOf(w, namespace) })),
      true,
    ],
    [
      'deploy',
      msg('adopt.step.deploy', { instance: plan.instance }),
      [{ action: 'deploy', ref: ref('v1', 'ConfigMap', `${plan.instance}-install-record`) }],
      true,
    ],
    [
      'remove-release',
      msg('adopt.step.removeRelease', {
        count: plan.releaseObjects.length,
        release: plan.release,
        secret: plan.values.credentials?.existingSecret ?? 'clearml-conf',
      }),
      plan.releaseObjects.map((r) => ({ action: 'delete' as const, ref: r })),
      false,
    ],
  ];
  if (plan.removeGrants) {
    steps.push([
      'remove-grants',
      removals.length
        ? msg('adopt.step.removeGrants', {
            grants: list(removals.map((r) => `${r.object} (${r.accounts.join(', ')})`)),
          })
        : msg('adopt.step.removeGrantsNone'),
      removals.map((r) => ({
        action: r.deletes ? ('delete' as const) : ('update' as const),
        ref:
          r.via === 'ClusterRoleBinding'
            ? {
                apiVersion: 'rbac.authorization.k8s.io/v1',
                kind: 'ClusterRoleBinding',
                name: r.object,
              }
            : {
                apiVersion: 'security.openshift.io/v1',
                kind: 'SecurityContextConstraints',
                name: r.object,
              },
      })),
      false,
    ]);
  }
  return steps.map(([id, m, writes, rollbackAfter]) => ({
    id,
    message: m.text,
    i18n: m,
    writes,
    rollbackAfter,
    done: done.has(id),
  }));
}

/** The instance name: --name, else the one a take-over in progress recorded, else generated. */
function chooseName(input: TakeoverInput, findings: Finding[]): string {
  const { release } = input.release;
  const recorded = input.progress?.instance;
  if (recorded && input.instance && input.instance !== recorded) {
    findings.push(
      finding(
        'adopt-other-takeover',
        'adopt',
        'error',
        msg('adopt.finding.otherTakeover', { release, recorded }),
      ),
    );
  }
  const name = recorded ?? input.instance ?? defaultInstanceName(input);
  const reason = invalidName(name);
  if (reason) {
    findings.push(
      finding(
        'adopt-name-invalid',
        'adopt',
        'error',
        msg('adopt.finding.nameInvalid', { instance: name, reason }),
      ),
    );
    return name;
  }
  const clashes = nameClashes(input, name);
  if (clashes.length) {
    findings.push(
      finding(
        'adopt-name-taken',
        'adopt',
        'error',
        msg('adopt.finding.nameTaken', { instance: name, objects: list(clashes.slice(0, 5)) }),
      ),
    );
  }
  return name;
}

function accessFindings(input: TakeoverInput, plan: Pick<TakeoverPlan, 'grantRemovals'>) {
  const findings: Finding[] = [];
  for (const [id, denied] of Object.entries(input.denied) as [TakeoverStepId, string[]][]) {
    if (!denied?.length || (input.progress?.done ?? []).includes(id)) continue;
    if (id === 'remove-grants') {
      if (!input.removeGrants || !plan.grantRemovals.length) continue;
      const commands = removalCommands(plan.grantRemovals, input.namespace);
      findings.push(
        finding(
          'adopt-grants-denied',
          'access',
          'error',
          msg('adopt.finding.grantsDenied', {
            denied: list(denied),
            commands: list(commands, '; '),
          }),
        ),
      );
      continue;
    }
    findings.push(
      finding(
        `adopt-denied-${id}`,
        'access',
        'error',
        msg('adopt.finding.denied', {
          step: STEP_WHAT[id],
          denied: list(denied),
          namespace: input.namespace,
        }),
      ),
    );
  }
  return findings;
}

export function planTakeover(input: TakeoverInput): TakeoverPlan {
  const { namespace } = input;
  const { release, status } = input.release;
  const progress = input.progress;
  const findings: Finding[] = [];
  if (progress) {
    findings.push(
      finding(
        'adopt-resumed',
        'adopt',
        'info',
        msg('adopt.finding.resumed', {
          release,
          instance: progress.instance,
          done: progress.done.length ? list(progress.done) : '-',
        }),
      ),
    );
  } else if (status === undefined) {
    findings.push(
      finding(
        'adopt-status-unknown',
        'adopt',
        'warning',
        msg('adopt.finding.statusUnknown', { release }),
      ),
    );
  } else if (status !== 'deployed') {
    findings.push(
      finding(
        'adopt-not-deployed',
        'adopt',
        'error',
        msg('adopt.finding.notDeployed', { release, status, namespace }),
      ),
    );
  }
  const instance = chooseName(input, findings);
  // A take-over in progress keeps its values: the release may already be scaled down or gone.
  const derived = takeoverValues(input, instance);
  const values = progress?.values ?? derived.values;
  if (!progress) findings.push(...derived.findings);
  const claims = Object.values(values.storage ?? {}).map((s) => s.existingClaim.name);

  const workloads = releaseWorkloads(input);
  const replicas: Record<string, number> = { ...(progress?.replicas ?? {}) };
  for (const w of workloads) {
    const key = keyOf(w.kind, w.metadata.name);
    const recorded = w.metadata.annotations?.[REPLICAS_ANNOTATION];
    replicas[key] ??= recorded !== undefined ? Number(recorded) : (w.spec?.replicas ?? 1);
  }
  const retention = { ...(progress?.retention ?? {}) };
  for (const w of workloads) {
    const policy = w.spec?.persistentVolumeClaimRetentionPolicy;
    if (w.kind !== 'StatefulSet' || !policy || w.metadata.name in retention) continue;
    if (policy.whenDeleted === 'Delete' || policy.whenScaled === 'Delete') {
      retention[w.metadata.name] = policy;
    }
  }
  // Checked now, not when step 3 comes to deploy them with the chart already scaled down.
  const parsed = parseValues({ ...values, name: instance });
  if (!parsed.ok) {
    const issues = list(
      parsed.issues.map((i) => `${i.path}: ${i.message}`),
      '; ',
    );
    findings.push(
      finding(
        'adopt-values-invalid',
        'adopt',
        'error',
        msg('adopt.finding.valuesInvalid', { issues }),
      ),
    );
  }
  const grants = planGrantRemovals(input);
  findings.push(...grants.findings);
  if (!input.removeGrants && grants.removals.length) {
    findings.push(
      finding(
        'adopt-grants-left',
        'adopt',
        'info',
        msg('adopt.finding.grantsLeft', {
          grants: list(grants.removals.map((r) => `${r.object} (${r.accounts.join(', ')})`)),
        }),
      ),
    );
  }
  findings.push(...accessFindings(input, { grantRemovals: grants.removals }));
  const base = {
    release,
    namespace,
    instance,
    values: { ...values, name: instance },
    findings,
    replicas,
    retention,
    releaseObjects: releaseObjects(input, values.credentials?.existingSecret ?? 'clearml-conf'),
    grantRemovals: grants.removals,
    removeGrants: input.removeGrants === true,
    snapshot: progress?.snapshot ?? input.release,
  };
  return { ...base, steps: stepsOf(input, base, claims), blocked: blocking(findings) };
}
