/**
 * Minimal structural types for the Kubernetes and OpenShift objects the engine renders.
 * They describe only the fields the engine writes or reads; live objects may carry more.
 */

export type StringMap = Record<string, string>;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: StringMap;
  annotations?: StringMap;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
}

export interface LabelSelector {
  matchLabels: StringMap;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
  /** Extended resource of the NVIDIA device plugin (task pods of GPU agents). */
  'nvidia.com/gpu'?: string;
}

export interface ResourceRequirements {
  requests?: ResourceList;
  limits?: ResourceList;
}

export interface SecretKeySelector {
  name: string;
  key: string;
  optional?: boolean;
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: SecretKeySelector;
    fieldRef?: { fieldPath: string };
  };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: 'TCP' | 'UDP';
  hostPort?: number;
}

export interface HttpGetAction {
  path: string;
  port: number | string;
  scheme?: 'HTTP' | 'HTTPS';
}

export interface Probe {
  httpGet?: HttpGetAction;
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
  successThreshold?: number;
}

export interface Capabilities {
  add?: string[];
  drop?: string[];
}

export interface SeccompProfile {
  type: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  localhostProfile?: string;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: Capabilities;
  seccompProfile?: SeccompProfile;
}

export interface Sysctl {
  name: string;
  value: string;
}

export interface PodSecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  supplementalGroups?: number[];
  seccompProfile?: SeccompProfile;
  sysctls?: Sysctl[];
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly?: boolean;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  args?: string[];
  workingDir?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
  volumeMounts?: VolumeMount[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: SecurityContext;
}

/** A volume source; the keys name the volume type (as SCC `volumes` lists them). */
export interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name: string; defaultMode?: number; items?: { key: string; path: string }[] };
  secret?: { secretName: string; defaultMode?: number };
  hostPath?: { path: string; type?: string };
  [volumeType: string]: unknown;
}

export interface PodSpec {
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  enableServiceLinks?: boolean;
  securityContext?: PodSecurityContext;
  initContainers?: Container[];
  containers: Container[];
  volumes?: Volume[];
  imagePullSecrets?: { name: string }[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  terminationGracePeriodSeconds?: number;
  affinity?: Record<string, unknown>;
  nodeSelector?: StringMap;
  tolerations?: Toleration[];
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface PodTemplateSpec {
  metadata: { labels: StringMap; annotations?: StringMap };
  spec: PodSpec;
}

export interface PersistentVolumeClaimSpec {
  accessModes: string[];
  resources: { requests: { storage: string } };
  storageClassName?: string;
}

export interface Deployment extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: {
    replicas: number;
    selector: LabelSelector;
    strategy?: {
      type: 'Recreate' | 'RollingUpdate';
      rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
    };
    template: PodTemplateSpec;
  };
}

export interface StatefulSet extends K8sObject {
  apiVersion: 'apps/v1';
  kind: 'StatefulSet';
  spec: {
    replicas: number;
    serviceName: string;
    selector: LabelSelector;
    podManagementPolicy?: 'OrderedReady' | 'Parallel';
    updateStrategy?: { type: 'RollingUpdate' | 'OnDelete' };
    template: PodTemplateSpec;
    volumeClaimTemplates?: {
      metadata: { name: string; labels?: StringMap };
      spec: PersistentVolumeClaimSpec;
    }[];
  };
}

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
  protocol?: 'TCP' | 'UDP';
}

export interface Service extends K8sObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    type: 'ClusterIP';
    clusterIP?: 'None';
    publishNotReadyAddresses?: boolean;
    selector: StringMap;
    ports: ServicePort[];
  };
}

export interface PersistentVolumeClaim extends K8sObject {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  spec: PersistentVolumeClaimSpec;
}

export interface K8sSecret extends K8sObject {
  apiVersion: 'v1';
  kind: 'Secret';
  type?: string;
  /** Base64-encoded values, as the API returns them. */
  data?: StringMap;
  stringData?: StringMap;
}

export interface ConfigMap extends K8sObject {
  apiVersion: 'v1';
  kind: 'ConfigMap';
  data?: StringMap;
}

export interface ServiceAccount extends K8sObject {
  apiVersion: 'v1';
  kind: 'ServiceAccount';
  automountServiceAccountToken?: boolean;
}

export interface RoleBindingSubject {
  kind: 'ServiceAccount';
  name: string;
  namespace: string;
}

export interface RoleBinding extends K8sObject {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'RoleBinding';
  roleRef: { apiGroup: 'rbac.authorization.k8s.io'; kind: 'ClusterRole' | 'Role'; name: string };
  subjects: RoleBindingSubject[];
}

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}

export interface Role extends K8sObject {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'Role';
  rules: PolicyRule[];
}

export interface RouteIngressCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export interface Route extends K8sObject {
  apiVersion: 'route.openshift.io/v1';
  kind: 'Route';
  spec: {
    host?: string;
    path?: string;
    to: { kind: 'Service'; name: string; weight?: number };
    port: { targetPort: string | number };
    tls?: {
      termination: 'edge' | 'passthrough' | 'reencrypt';
      insecureEdgeTerminationPolicy?: string;
    };
    wildcardPolicy?: 'None';
  };
  status?: { ingress?: { host: string; conditions?: RouteIngressCondition[] }[] };
}

export interface PodDisruptionBudget extends K8sObject {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  spec: { maxUnavailable: number; selector: LabelSelector };
}

/** Workload kinds that carry a pod template. */
export type Workload = Deployment | StatefulSet;

/** Every object the renderer can emit. */
export type RenderedObject =
  | Deployment
  | StatefulSet
  | Service
  | PersistentVolumeClaim
  | K8sSecret
  | ServiceAccount
  | RoleBinding
  | Role
  | ConfigMap
  | Route
  | PodDisruptionBudget;

export function isWorkload(obj: K8sObject): obj is Workload {
  return obj.kind === 'Deployment' || obj.kind === 'StatefulSet';
}
