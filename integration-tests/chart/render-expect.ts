/** Assertions shared by the chart's render tests. */
import type * as k8s from '@kubernetes/client-node';
import { expect } from 'vitest';
import { ENABLER_NAME, pick, type Manifest } from './chart';

export const NAMESPACE = 'clearml-console-plugin';

export type Job = k8s.V1Job & Manifest;
export type Deployment = k8s.V1Deployment & Manifest;

export const jobsOf = (objects: Manifest[]): Job[] =>
  objects.filter((o) => o.kind === 'Job') as Job[];

const ENABLER_KINDS = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'] as const;
export const hookEvents = (o: Manifest): string[] =>
  (o.metadata.annotations?.['helm.sh/hook'] ?? '').split(',').filter(Boolean);
export const hookWeight = (o: Manifest): number =>
  Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');

/**
 * The enabler's identity and RBAC are Helm hooks of exactly the Jobs' events, created before
 * every Job of an event (lower weight; ServiceAccount and role before the binding) and deleted
 * once the event's hooks have succeeded, so that they exist only while the Jobs run.
 */
export function expectEnablerHooks(objects: Manifest[], events: string[]): void {
  const jobs = jobsOf(objects);
  expect([...new Set(jobs.flatMap(hookEvents))].sort()).toEqual([...events].sort());
  const weights = ENABLER_KINDS.map((kind) => {
    const o = pick(objects, kind, ENABLER_NAME);
    expect(hookEvents(o).sort(), kind).toEqual([...events].sort());
    expect(o.metadata.annotations?.['helm.sh/hook-delete-policy']?.split(',').sort(), kind).toEqual(
      ['before-hook-creation', 'hook-succeeded'],
    );
    for (const job of jobs) expect(hookWeight(o), kind).toBeLessThan(hookWeight(job));
    return hookWeight(o);
  });
  const [serviceAccount, role, binding] = weights;
  expect(serviceAccount).toBeLessThan(binding);
  expect(role).toBeLessThan(binding);
}

function expectRestrictedContainer(c: k8s.V1Container): void {
  expect(c.securityContext).toEqual({
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  });
}

export function expectRestrictedPod(spec: k8s.V1PodSpec): void {
  expect(spec.securityContext).toEqual({
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(spec.hostNetwork ?? false).toBe(false);
  for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
    expectRestrictedContainer(c);
    expect(c.securityContext?.runAsUser).toBeUndefined();
    expect(c.ports?.every((p) => p.hostPort === undefined) ?? true).toBe(true);
  }
  // No fixed IDs anywhere: OpenShift assigns them from the namespace.
  const sc = spec.securityContext as Record<string, unknown>;
  for (const key of ['runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups']) {
    expect(sc[key]).toBeUndefined();
  }
}
