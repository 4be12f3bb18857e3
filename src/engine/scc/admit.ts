import type { Container, PodSpec, SeccompProfile } from '../k8s-types';
import { namespaceSccInfo, type IdRange, type NamespaceSccInfo } from './namespace';
import { byAdmissionOrder, SAFE_SYSCTLS, SCCS, type SccDefinition, type SccName } from './sccs';

/** Why an SCC refuses a pod, classified so that callers can explain it. */
export type ViolationKind =
  | 'privileged'
  | 'root'
  | 'uid-range'
  | 'non-root'
  | 'fs-group'
  | 'supplemental-groups'
  | 'privilege-escalation'
  | 'capability'
  | 'seccomp'
  | 'host-namespace'
  | 'host-port'
  | 'volume'
  | 'sysctl';

export interface Violation {
  kind: ViolationKind;
  container?: string;
  message: string;
}

export interface AdmissionResult {
  allowed: boolean;
  reasons: string[];
  violations: Violation[];
}

const formatRange = (r: IdRange): string => `${r.min}-${r.max}`;
const inRanges = (id: number, ranges: IdRange[]): boolean =>
  ranges.some((r) => id >= r.min && id <= r.max);

function seccompName(profile: SeccompProfile): string {
  if (profile.type === 'RuntimeDefault') {
    return 'runtime/default';
  }
  return profile.type === 'Unconfined'
    ? 'unconfined'
    : `localhost/${profile.localhostProfile ?? ''}`;
}

function checkSeccomp(
  profile: SeccompProfile | undefined,
  scc: SccDefinition,
  where: string,
  out: Violation[],
  container?: string,
): void {
  if (!profile) {
    return; // unset: the SCC's first profile (if any) is filled in
  }
  if (scc.seccompProfiles.length === 0) {
    out.push({ kind: 'seccomp', container, message: `${where}: seccomp may not be set` });
    return;
  }
  const name = seccompName(profile);
  if (!scc.seccompProfiles.includes('*') && !scc.seccompProfiles.includes(name)) {
    out.push({
      kind: 'seccomp',
      container,
      message: `${where}: seccomp profile ${name} is not allowed`,
    });
  }
}

function checkPod(pod: PodSpec, scc: SccDefinition, ns: NamespaceSccInfo, out: Violation[]): void {
  const ctx = pod.securityContext ?? {};
  for (const [field, allowed] of [
    ['hostNetwork', scc.allowHostNetwork],
    ['hostPID', scc.allowHostPID],
    ['hostIPC', scc.allowHostIPC],
  ] as const) {
    if (pod[field] && !allowed) {
      out.push({ kind: 'host-namespace', message: `${field} is not allowed` });
    }
  }
  for (const volume of pod.volumes ?? []) {
    for (const type of Object.keys(volume).filter((k) => k !== 'name')) {
      const typeAllowed = scc.volumes.includes('*') || scc.volumes.includes(type);
      if (!typeAllowed || (type === 'hostPath' && !scc.allowHostDirVolumePlugin)) {
        out.push({
          kind: 'volume',
          message: `volume "${volume.name}": ${type} volumes are not allowed`,
        });
      }
    }
  }
  if (ctx.fsGroup !== undefined && scc.fsGroup === 'MustRunAs') {
    const first = ns.groupRanges[0];
    if (!first || ctx.fsGroup !== first.min) {
      out.push({
        kind: 'fs-group',
        message: `fsGroup ${ctx.fsGroup} is not allowed: it must be the namespace's group ${first?.min ?? '(none)'}`,
      });
    }
  }
  if (scc.supplementalGroups === 'MustRunAs') {
    for (const group of ctx.supplementalGroups ?? []) {
      if (!inRanges(group, ns.groupRanges)) {
        out.push({
          kind: 'supplemental-groups',
          message: `supplemental group ${group} is not allowed`,
        });
      }
    }
  }
  for (const sysctl of ctx.sysctls ?? []) {
    if (!scc.allowUnsafeSysctls && !SAFE_SYSCTLS.includes(sysctl.name)) {
      out.push({ kind: 'sysctl', message: `sysctl ${sysctl.name} is not allowed` });
    }
  }
  checkSeccomp(ctx.seccompProfile, scc, 'pod', out);
}

function checkRunAsUser(
  pod: PodSpec,
  c: Container,
  scc: SccDefinition,
  ns: NamespaceSccInfo,
  out: Violation[],
): void {
  const uid = c.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
  const nonRoot = c.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
  const where = `container "${c.name}"`;
  if (scc.runAsUser === 'MustRunAsRange') {
    const range = ns.uidRange;
    if (uid !== undefined && (!range || !inRanges(uid, [range]))) {
      out.push({
        kind: uid === 0 ? 'root' : 'uid-range',
        container: c.name,
        message: `${where}: runAsUser ${uid} is outside the namespace UID range ${range ? formatRange(range) : '(none)'}`,
      });
    }
  } else if (scc.runAsUser === 'MustRunAsNonRoot') {
    if (uid === 0) {
      out.push({ kind: 'root', container: c.name, message: `${where}: runs as root (UID 0)` });
    } else if (uid === undefined && nonRoot === false) {
      out.push({
        kind: 'non-root',
        container: c.name,
        message: `${where}: runAsNonRoot must be true`,
      });
    }
  }
}

function checkCapabilities(c: Container, scc: SccDefinition, out: Violation[]): void {
  const where = `container "${c.name}"`;
  for (const cap of c.securityContext?.capabilities?.add ?? []) {
    const allowed = scc.allowedCapabilities.includes('*') || scc.allowedCapabilities.includes(cap);
    if (!allowed) {
      out.push({
        kind: 'capability',
        container: c.name,
        message: `${where}: capability ${cap} may not be added`,
      });
    }
  }
}

function checkContainer(
  pod: PodSpec,
  c: Container,
  scc: SccDefinition,
  ns: NamespaceSccInfo,
  out: Violation[],
): void {
  const sc = c.securityContext ?? {};
  const where = `container "${c.name}"`;
  if (sc.privileged && !scc.allowPrivilegedContainer) {
    out.push({
      kind: 'privileged',
      container: c.name,
      message: `${where}: privileged containers are not allowed`,
    });
  }
  if (sc.allowPrivilegeEscalation === true && !scc.allowPrivilegeEscalation) {
    out.push({
      kind: 'privilege-escalation',
      container: c.name,
      message: `${where}: allowPrivilegeEscalation must be false`,
    });
  }
  checkRunAsUser(pod, c, scc, ns, out);
  checkCapabilities(c, scc, out);
  checkSeccomp(sc.seccompProfile, scc, where, out, c.name);
  for (const port of c.ports ?? []) {
    if (port.hostPort && !scc.allowHostPorts) {
      out.push({
        kind: 'host-port',
        container: c.name,
        message: `${where}: host port ${port.hostPort} is not allowed`,
      });
    }
  }
}

/**
 * Whether an SCC admits a pod, after the defaults the SCC would fill in. Checks every init and
 * regular container against the same SCC, as OpenShift does.
 */
export function admit(
  pod: PodSpec,
  scc: SccName | SccDefinition,
  namespaceAnnotations?: Record<string, string>,
): AdmissionResult {
  const definition = typeof scc === 'string' ? SCCS[scc] : scc;
  const ns = namespaceSccInfo(namespaceAnnotations);
  const violations: Violation[] = [];
  checkPod(pod, definition, ns, violations);
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    checkContainer(pod, c, definition, ns, violations);
  }
  return {
    allowed: violations.length === 0,
    reasons: violations.map((v) => v.message),
    violations,
  };
}

/**
 * The SCC OpenShift would pick for a pod whose service account may use `available`: the first in
 * admission order (priority, then restrictiveness) that admits it; undefined if none does.
 */
export function selectScc(
  pod: PodSpec,
  available: readonly SccName[],
  namespaceAnnotations?: Record<string, string>,
): SccName | undefined {
  const ordered = available.map((name) => SCCS[name]).sort(byAdmissionOrder);
  return ordered.find((scc) => admit(pod, scc, namespaceAnnotations).allowed)?.name;
}
