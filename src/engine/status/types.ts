/** Live objects the status model reads: only the fields it needs. */
import type { ComponentId } from '../components';
import type { Message } from '../messages/message';

export interface Meta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  ownerReferences?: { kind: string; name: string }[];
  generation?: number;
}

export interface LiveWorkload {
  kind: string;
  metadata: Meta;
  spec?: {
    replicas?: number;
    template?: {
      spec?: {
        containers?: { name: string; image: string; env?: { name: string; value?: string }[] }[];
      };
    };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    observedGeneration?: number;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
  };
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; message?: string };
}

export interface ContainerStatus {
  name: string;
  image: string;
  ready: boolean;
  restartCount: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface LivePod {
  kind?: string;
  metadata: Meta & { deletionTimestamp?: string };
  spec?: {
    nodeName?: string;
    containers?: { name: string; image: string }[];
    volumes?: { persistentVolumeClaim?: { claimName: string } }[];
  };
  status?: {
    phase?: string;
    /** Why a pod failed as a whole, e.g. Evicted, with `message`. */
    reason?: string;
    message?: string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface LivePvc {
  kind?: string;
  metadata: Meta;
  spec?: { storageClassName?: string; resources?: { requests?: { storage?: string } } };
  status?: { phase?: string; capacity?: { storage?: string } };
}

export interface LiveRoute {
  kind?: string;
  metadata: Meta;
  spec?: { host?: string; path?: string; tls?: { termination?: string } };
  status?: {
    ingress?: {
      host?: string;
      routerName?: string;
      conditions?: { type: string; status: string; reason?: string; message?: string }[];
    }[];
  };
}

/** A Route of the instance that a router does not serve, and why. */
export interface RouteProblem {
  route: string;
  host?: string;
  /** The router's reason, e.g. HostAlreadyClaimed. */
  reason: string;
  /** In English, with what happens next or what to do. */
  message: string;
  i18n: Message;
}

export interface LiveEvent {
  metadata: { name: string; namespace?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject: { kind?: string; name?: string };
}

export interface LiveStorageClass {
  kind?: string;
  metadata: Meta & { annotations?: Record<string, string> };
}

export interface LiveState {
  deployments: LiveWorkload[];
  statefulSets: LiveWorkload[];
  replicaSets: LiveWorkload[];
  /** The instance's pods and its agents' task pods (which carry only the agent labels). */
  pods: LivePod[];
  pvcs: LivePvc[];
  routes: LiveRoute[];
  events: LiveEvent[];
  /** The cluster's StorageClasses; undefined when the user may not list them. */
  storageClasses?: LiveStorageClass[];
}

export type ComponentHealth = 'Ready' | 'Progressing' | 'Degraded' | 'Failed';

export interface PodSummary {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  /** A short reason when the pod is not ready, e.g. "ImagePullBackOff". */
  problem?: string;
}

export interface EventSummary {
  reason: string;
  message: string;
  object: string;
  count: number;
  time?: string;
}

/** The health of one workload (a component's or an agent's glue) and why. */
export interface WorkloadHealth {
  state: ComponentHealth;
  /** One plain sentence: why it is in this state, in English. */
  reason: string;
  /** The reason as a message id with parameters, for the page to translate. */
  i18n: Message;
  workload?: { kind: string; name: string };
  desired: number;
  ready: number;
}

export interface ComponentStatus extends WorkloadHealth {
  component: ComponentId;
  displayName: string;
  pods: PodSummary[];
  pvcs: { name: string; phase: string; size?: string; storageClass?: string }[];
  warnings: EventSummary[];
}

/** A pod the agent's glue started for one ClearML task (label `clearml-console-plugin/agent`). */
export interface TaskPodStatus {
  name: string;
  /** Pending, Running, Succeeded, Failed or Unknown, as the pod reports it. */
  phase: string;
  /** Why it waits or failed, in English; empty when it runs or succeeded. */
  reason: string;
  /** The reason as a message id with parameters, for the page to translate. */
  i18n?: Message;
  /** The ClearML task id, when the glue labelled the pod with it. */
  task?: string;
}

/** One agent of the instance: its glue Deployment and the task pods it started. */
export interface AgentStatus extends WorkloadHealth {
  agent: string;
  queues: string[];
  /** The most task pods the agent runs at once. */
  maxPods: number;
  /** `nvidia.com/gpu` per task pod (0 for CPU agents). */
  gpus: number;
  taskPods: TaskPodStatus[];
}

export interface InstanceStatus {
  instance: string;
  ready: boolean;
  state: ComponentHealth;
  components: ComponentStatus[];
  /** The instance's agents; empty when it has none. */
  agents: AgentStatus[];
  urls: { app?: string; api?: string; files?: string };
  /** Routes a router rejected: their URLs do not answer yet. */
  routeProblems: RouteProblem[];
}
