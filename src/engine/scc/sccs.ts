/**
 * The four default OpenShift SCCs the planner chooses from, as shipped in OCP 4.11+
 * (cluster-kube-apiserver-operator `bindata/bootkube/scc-manifests`).
 */

export type SccName = 'restricted-v2' | 'nonroot-v2' | 'anyuid' | 'privileged';

export interface SccDefinition {
  name: SccName;
  /** Higher priority is tried first; `null` sorts as 0. */
  priority: number | null;
  /**
   * Restriction points used to order SCCs of equal priority (fewer first). Approximations of
   * apiserver-library-go `byrestrictions.go` that keep the real relative order.
   */
  restrictionPoints: number;
  allowPrivilegedContainer: boolean;
  allowPrivilegeEscalation: boolean;
  allowHostNetwork: boolean;
  allowHostPID: boolean;
  allowHostIPC: boolean;
  allowHostPorts: boolean;
  allowHostDirVolumePlugin: boolean;
  requiredDropCapabilities: string[];
  /** Capabilities a container may add; `['*']` allows any. */
  allowedCapabilities: string[];
  runAsUser: 'MustRunAsRange' | 'MustRunAsNonRoot' | 'RunAsAny';
  fsGroup: 'MustRunAs' | 'RunAsAny';
  supplementalGroups: 'MustRunAs' | 'RunAsAny';
  /** Allowed seccomp profiles (`runtime/default`, `*`); empty means seccomp may not be set. */
  seccompProfiles: string[];
  /** Allowed volume types; `['*']` allows any. */
  volumes: string[];
  allowUnsafeSysctls: boolean;
}

const RESTRICTED_VOLUMES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const NO_HOST = {
  allowHostNetwork: false,
  allowHostPID: false,
  allowHostIPC: false,
  allowHostPorts: false,
  allowHostDirVolumePlugin: false,
};

export const SCCS: Record<SccName, SccDefinition> = {
  'restricted-v2': {
    name: 'restricted-v2',
    priority: null,
    restrictionPoints: 132_000,
    allowPrivilegedContainer: false,
    allowPrivilegeEscalation: false,
    ...NO_HOST,
    requiredDropCapabilities: ['ALL'],
    allowedCapabilities: ['NET_BIND_SERVICE'],
    runAsUser: 'MustRunAsRange',
    fsGroup: 'MustRunAs',
    supplementalGroups: 'RunAsAny',
    seccompProfiles: ['runtime/default'],
    volumes: RESTRICTED_VOLUMES,
    allowUnsafeSysctls: false,
  },
  'nonroot-v2': {
    name: 'nonroot-v2',
    priority: null,
    restrictionPoints: 142_000,
    allowPrivilegedContainer: false,
    allowPrivilegeEscalation: false,
    ...NO_HOST,
    requiredDropCapabilities: ['ALL'],
    allowedCapabilities: ['NET_BIND_SERVICE'],
    runAsUser: 'MustRunAsNonRoot',
    fsGroup: 'RunAsAny',
    supplementalGroups: 'RunAsAny',
    seccompProfiles: ['runtime/default'],
    volumes: RESTRICTED_VOLUMES,
    allowUnsafeSysctls: false,
  },
  anyuid: {
    name: 'anyuid',
    priority: 10,
    restrictionPoints: 190_000,
    allowPrivilegedContainer: false,
    allowPrivilegeEscalation: true,
    ...NO_HOST,
    requiredDropCapabilities: ['MKNOD'],
    allowedCapabilities: [],
    runAsUser: 'RunAsAny',
    fsGroup: 'RunAsAny',
    supplementalGroups: 'RunAsAny',
    seccompProfiles: [],
    volumes: RESTRICTED_VOLUMES,
    allowUnsafeSysctls: false,
  },
  privileged: {
    name: 'privileged',
    priority: null,
    restrictionPoints: 2_500_000,
    allowPrivilegedContainer: true,
    allowPrivilegeEscalation: true,
    allowHostNetwork: true,
    allowHostPID: true,
    allowHostIPC: true,
    allowHostPorts: true,
    allowHostDirVolumePlugin: true,
    requiredDropCapabilities: [],
    allowedCapabilities: ['*'],
    runAsUser: 'RunAsAny',
    fsGroup: 'RunAsAny',
    supplementalGroups: 'RunAsAny',
    seccompProfiles: ['*'],
    volumes: ['*'],
    allowUnsafeSysctls: true,
  },
};

/** Order in which admission tries SCCs: priority first, then fewer restriction points, then name. */
export function byAdmissionOrder(a: SccDefinition, b: SccDefinition): number {
  return (
    (b.priority ?? 0) - (a.priority ?? 0) ||
    a.restrictionPoints - b.restrictionPoints ||
    a.name.localeCompare(b.name)
  );
}

/** Pod sysctls every SCC accepts (apiserver-library-go `sysctl/mustmatchpatterns.go`). */
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
