/** What the take-over plan reads from the project and what it produces. */
import type { ObjectRef } from '../cluster/client';
import type { K8sObject, Route } from '../k8s-types';
import type { Message } from '../messages/message';
import type { AdminHandoff } from '../deploy/grants';
import type { Finding } from '../preflight/findings';
import type { ChartRelease } from './releases';
import type { Binding, SccGrantFound, SccUsers } from './scc-audit';

export type TakeoverStepId =
  'protect-claims' | 'scale-down' | 'deploy' | 'remove-release' | 'remove-grants';

export const STEP_ORDER: TakeoverStepId[] = [
  'protect-claims',
  'scale-down',
  'deploy',
  'remove-release',
  'remove-grants',
];

/** The data stores whose volumes the instance takes over. */
export type StoreId = 'fileserver' | 'mongodb' | 'redis' | 'elasticsearch';
export const STORES: StoreId[] = ['fileserver', 'mongodb', 'redis', 'elasticsearch'];

/** A Deployment or StatefulSet as live, with the fields the plan reads. */
export interface LiveWorkload extends K8sObject {
  metadata: K8sObject['metadata'] & {
    ownerReferences?: OwnerReference[];
    generation?: number;
  };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> };
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
    volumeClaimTemplates?: { metadata: { name: string } }[];
    template?: {
      spec?: {
        serviceAccountName?: string;
        volumes?: { name: string; persistentVolumeClaim?: { claimName: string } }[];
        containers?: {
          name: string;
          env?: {
            name: string;
            valueFrom?: { secretKeyRef?: { name: string; key: string } };
          }[];
        }[];
      };
    };
  };
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
}

export interface LiveClaim extends K8sObject {
  metadata: K8sObject['metadata'] & { ownerReferences?: OwnerReference[] };
}

export interface LivePod extends K8sObject {
  metadata: K8sObject['metadata'] & { ownerReferences?: OwnerReference[] };
  spec?: { serviceAccountName?: string };
}

/** The progress of a take-over, kept on the cluster (see takeover-progress.ts). */
export interface TakeoverProgress {
  release: string;
  instance: string;
  done: TakeoverStepId[];
  /** Set when removing the release has begun: from then on there is no rollback. */
  closed: boolean;
  /** The values the instance is deployed with (names, claims, hosts: no secret). */
  values: TakeoverValues;
  /** The release as found before it was scaled down and removed. */
  snapshot: ChartRelease;
  /** The workloads' replicas before the scale-down, by `Kind/name`. */
  replicas: Record<string, number>;
  /** StatefulSets' volume retention policies before step 1, by name. */
  retention: Record<string, { whenDeleted?: string; whenScaled?: string }>;
}

export interface ExistingClaim {
  name: string;
  ownerUid?: number;
}

/** Values of the managed instance, as a user would write them (no secrets). */
export interface TakeoverValues {
  name: string;
  namespace: string;
  server?: { version: string };
  storage?: Partial<Record<StoreId, { existingClaim: ExistingClaim }>>;
  credentials?: { existingSecret: string };
  exposure?: {
    hosts?: { app?: string; api?: string };
    insecureEdgeTerminationPolicy?: 'Allow';
  };
}

export interface TakeoverInput {
  release: ChartRelease;
  namespace: string;
  /** `--name`; otherwise the recorded or a generated name. */
  instance?: string;
  removeGrants?: boolean;
  /** Every Deployment and StatefulSet of the namespace. */
  workloads: LiveWorkload[];
  /** Every pod of the namespace (who runs as which service account). */
  pods: LivePod[];
  claims: LiveClaim[];
  /** Names of the Secrets read: credentials by name, the release's by label (never their data). */
  secretNames: string[];
  /** Per Secret read by name, the chart's keys it lacks or holds empty (never a value). */
  secretGaps: Record<string, string[]>;
  /** Services, Routes, ConfigMaps, ServiceAccounts, Roles, RoleBindings, PDBs, Ingresses. */
  objects: K8sObject[];
  grants: SccGrantFound[];
  bindings: Binding[];
  sccs: SccUsers[];
  /** Per step, what the user may not do (access reviews), as `verb resource` phrases. */
  denied: Partial<Record<TakeoverStepId, string[]>>;
  progress?: TakeoverProgress;
}

/** One write of a step, for the plan's listing. */
export interface StepWrite {
  action: 'annotate' | 'retain-volumes' | 'scale' | 'deploy' | 'delete' | 'update';
  ref: ObjectRef;
}

export interface TakeoverStep {
  id: TakeoverStepId;
  message: string;
  i18n: Message;
  writes: StepWrite[];
  /** Whether `--rollback` can still restore the release after this step. */
  rollbackAfter: boolean;
  done: boolean;
}

/** Subjects to take out of one cluster-wide grant. */
export interface GrantRemoval {
  via: 'ClusterRoleBinding' | 'SCC users';
  /** The binding's or the SCC's name. */
  object: string;
  scc: string;
  accounts: string[];
  /** A binding left with no subject is deleted. */
  deletes: boolean;
}

export interface TakeoverPlan {
  release: string;
  namespace: string;
  instance: string;
  values: TakeoverValues;
  steps: TakeoverStep[];
  findings: Finding[];
  /** The release's workloads with the replicas to restore on rollback, by `Kind/name`. */
  replicas: Record<string, number>;
  /** StatefulSets whose volume retention step 1 sets to Retain, with their policy before. */
  retention: Record<string, { whenDeleted?: string; whenScaled?: string }>;
  /** The objects step 4 deletes. */
  releaseObjects: ObjectRef[];
  grantRemovals: GrantRemoval[];
  removeGrants: boolean;
  snapshot: ChartRelease;
  /** True when a blocking finding stops the take-over. */
  blocked: boolean;
  /**
   * The SCC grants an administrator must apply before the deploy step, when the user may not
   * (set by the deploy's preflight, takeover-preflight.ts).
   */
  handoff?: AdminHandoff;
}

export type { Route };
