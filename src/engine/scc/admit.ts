import type { Container, PodSpec, SeccompProfile } from '../k8s-types';
import { type Message, msg } from '../messages/message';
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
  /** In English. */
  message: string;
  /** The same as a message id with parameters, for the page to translate. */
  i18n: Message;
}

/** A violation with its sentence. */
const violation = (kind: ViolationKind, m: Message, container?: string): Violation => ({
  kind,
  ...(container === undefined ? {} : { container }),
  message: m.text,
  i18n: m,
});

const inContainer = (c: Container): Message => msg('scc.where.container', { container: c.name });

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
  where: Message,
  out: Violation[],
  container?: string,
): void {
  if (!profile) {
    return; // unset: the SCC's first profile (if any) is filled in
  }
  if (scc.seccompProfiles.length === 0) {
    out.push(violation('seccomp', msg('scc.admit.seccompUnset', { where }), container));
    return;
  }
  const name = seccompName(profile);
  if (!scc.seccompProfiles.includes('*') && !scc.seccompProfiles.includes(name)) {
    out.push(
      violation('seccomp', msg('scc.admit.seccompProfile', { where, profile: name }), container),
    );
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
      out.push(violation('host-namespace', msg('scc.admit.hostNamespace', { field })));
    }
  }
  for (const volume of pod.volumes ?? []) {
    for (const type of Object.keys(volume).filter((k) => k !== 'name')) {
      const typeAllowed = scc.volumes.includes('*') || scc.volumes.includes(type);
      if (!typeAllowed || (type === 'hostPath' && !scc.allowHostDirVolumePlugin)) {
        out.push(violation('volume', msg('scc.admit.volume', { volume: volume.name, type })));
      }
    }
  }
  if (ctx.fsGroup !== undefined && scc.fsGroup === 'MustRunAs') {
    const first = ns.groupRanges[0];
    if (!first || ctx.fsGroup !== first.min) {
      const group = first ? first.min : msg('scc.admit.none');
      out.push(violation('fs-group', msg('scc.admit.fsGroup', { fsGroup: ctx.fsGroup, group })));
    }
  }
  if (scc.supplementalGroups === 'MustRunAs') {
    for (const group of ctx.supplementalGroups ?? []) {
      if (!inRanges(group, ns.groupRanges)) {
        out.push(violation('supplemental-groups', msg('scc.admit.supplementalGroup', { group })));
      }
    }
  }
  for (const sysctl of ctx.sysctls ?? []) {
    if (!scc.allowUnsafeSysctls && !SAFE_SYSCTLS.includes(sysctl.name)) {
      out.push(violation('sysctl', msg('scc.admit.sysctl', { sysctl: sysctl.name })));
    }
  }
  checkSeccomp(ctx.seccompProfile, scc, msg('scc.where.pod'), out);
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
  const where = inContainer(c);
  if (scc.runAsUser === 'MustRunAsRange') {
    const range = ns.uidRange;
    if (uid !== undefined && (!range || !inRanges(uid, [range]))) {
      const text = range ? formatRange(range) : msg('scc.admit.none');
      const m = msg('scc.admit.uidRange', { where, uid, range: text });
      out.push(violation(uid === 0 ? 'root' : 'uid-range', m, c.name));
    }
  } else if (scc.runAsUser === 'MustRunAsNonRoot') {
    if (uid === 0) {
      out.push(violation('root', msg('scc.admit.root', { where }), c.name));
    } else if (uid === undefined && nonRoot === false) {
      out.push(violation('non-root', msg('scc.admit.nonRoot', { where }), c.name));
    }
  }
}

function checkCapabilities(c: Container, scc: SccDefinition, out: Violation[]): void {
  const where = inContainer(c);
  for (const cap of c.securityContext?.capabilities?.add ?? []) {
    const allowed = scc.allowedCapabilities.includes('*') || scc.allowedCapabilities.includes(cap);
    if (!allowed) {
      out.push(
        violation('capability', msg('scc.admit.capability', { where, capability: cap }), c.name),
      );
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
  const where = inContainer(c);
  if (sc.privileged && !scc.allowPrivilegedContainer) {
    out.push(violation('privileged', msg('scc.admit.privileged', { where }), c.name));
  }
  if (sc.allowPrivilegeEscalation === true && !scc.allowPrivilegeEscalation) {
    const m = msg('scc.admit.privilegeEscalation', { where });
    out.push(violation('privilege-escalation', m, c.name));
  }
  checkRunAsUser(pod, c, scc, ns, out);
  checkCapabilities(c, scc, out);
  checkSeccomp(sc.seccompProfile, scc, where, out, c.name);
  for (const port of c.ports ?? []) {
    if (port.hostPort && !scc.allowHostPorts) {
      const m = msg('scc.admit.hostPort', { where, port: port.hostPort });
      out.push(violation('host-port', m, c.name));
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
