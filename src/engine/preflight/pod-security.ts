/** Pod Security Admission levels the rendered pods need, against the namespace's enforce label. */
import type { K8sObject, PodSpec } from '../k8s-types';

export type PsaLevel = 'restricted' | 'baseline' | 'privileged';
const ORDER: PsaLevel[] = ['restricted', 'baseline', 'privileged'];

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

interface WithTemplate extends K8sObject {
  spec: { template: { spec: PodSpec } };
}

/** A coarse reading of the Pod Security Standards, enough to tell the three levels apart. */
export function podLevel(spec: PodSpec): PsaLevel {
  const containers = [...(spec.initContainers ?? []), ...spec.containers];
  const privileged =
    spec.hostNetwork ||
    spec.hostPID ||
    spec.hostIPC ||
    containers.some((c) => c.securityContext?.privileged) ||
    (spec.volumes ?? []).some((v) => v.hostPath);
  if (privileged) return 'privileged';
  const restricted =
    containers.every(
      (c) =>
        c.securityContext?.allowPrivilegeEscalation === false &&
        (c.securityContext?.capabilities?.drop ?? []).includes('ALL') &&
        (c.securityContext?.capabilities?.add ?? []).every((cap) => cap === 'NET_BIND_SERVICE'),
    ) &&
    (spec.securityContext?.runAsNonRoot === true ||
      containers.every((c) => c.securityContext?.runAsNonRoot === true)) &&
    spec.securityContext?.runAsUser !== 0 &&
    containers.every((c) => c.securityContext?.runAsUser !== 0);
  return restricted ? 'restricted' : 'baseline';
}

export interface PodLevelNeed {
  workload: string;
  level: PsaLevel;
}

export function podLevels(objects: K8sObject[]): PodLevelNeed[] {
  return objects
    .filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet')
    .map((o) => ({
      workload: `${o.kind} ${o.metadata.name}`,
      level: podLevel((o as WithTemplate).spec.template.spec),
    }));
}

/** Workloads whose pods the namespace's enforce level would reject. */
export function rejectedByPsa(objects: K8sObject[], enforce: string | undefined): PodLevelNeed[] {
  if (!enforce || !ORDER.includes(enforce as PsaLevel)) return [];
  const allowed = ORDER.indexOf(enforce as PsaLevel);
  return podLevels(objects).filter((n) => ORDER.indexOf(n.level) > allowed);
}
