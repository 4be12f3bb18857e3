import { isWorkload, type K8sObject, type PodSpec, type Workload } from '../k8s-types';
import type { MessageId } from '../messages/catalogue';
import { type Message, msg } from '../messages/message';
import { admit, selectScc, type Violation } from './admit';
import type { SccName } from './sccs';

export type SecurityModeName = 'least-privilege' | 'chart-compatible';

/** Pod-template annotation with the plain-language cause of a pod's extra privilege. */
export const SECURITY_NOTE_ANNOTATION = 'clearml-console-plugin/security-note';

/**
 * Pod-template annotation naming the existing claim (`storage.<store>.existingClaim`) whose files'
 * owner the pod runs as (render/data-volume.ts); the plan then says which store, claim and UID.
 */
export const DATA_OWNER_ANNOTATION = 'clearml-console-plugin/data-owner';

const COMPONENT_LABEL = 'app.kubernetes.io/component';
const STORES = new Set(['fileserver', 'mongodb', 'redis', 'elasticsearch']);

/** Why a workload's pods need more than restricted-v2, from its pod-template annotations. */
function noteOf(w: Workload): Message | string | undefined {
  const t = w.spec.template;
  const claim = t.metadata.annotations?.[DATA_OWNER_ANNOTATION];
  const store = t.metadata.labels?.[COMPONENT_LABEL];
  const uid = t.spec.securityContext?.runAsUser;
  if (claim && store && STORES.has(store) && uid !== undefined) {
    const component = msg(`component.${store}` as MessageId);
    return msg('scc.note.claimOwner', { component, claim, uid: String(uid) });
  }
  const note = t.metadata.annotations?.[SECURITY_NOTE_ANNOTATION];
  return note === undefined ? undefined : noteMessage(note);
}

/**
 * The notes the renderer writes (render/pod.ts, mongodb.ts, redis.ts, elasticsearch.ts,
 * agents/glue.ts, agents/task-template.ts), by their English, so the page can translate them.
 */
const NOTES: Record<string, MessageId> = {
  'the ClearML server image has no non-root user': 'scc.note.serverImage',
  'the upstream chart fixes UID and fsGroup 1001': 'scc.note.chartUid',
  'the upstream chart sets vm.max_map_count from the pod': 'scc.note.chartSysctl',
  'the ClearML agent image runs as root from /root': 'scc.note.agentImage',
  'the agent runs its tasks as root (taskPod.runAsRoot)': 'scc.note.rootTasks',
};

/** A pod template's security note as a message; a note the renderer does not write stays as is. */
export const noteMessage = (note: string): Message | string =>
  Object.hasOwn(NOTES, note) ? msg(NOTES[note]) : note;

/**
 * SCCs each mode may grant, least privileged first. `least-privilege` never grants privileged;
 * `chart-compatible` grants what the original OpenShift recipe for the upstream chart granted.
 */
export const SCC_LADDER: Record<SecurityModeName, readonly SccName[]> = {
  'least-privilege': ['restricted-v2', 'nonroot-v2', 'anyuid'],
  'chart-compatible': ['restricted-v2', 'anyuid', 'privileged'],
};

export interface SccPlanEntry {
  serviceAccount: string;
  /** The SCC to grant, `restricted-v2` when no grant is needed, null when none in the mode fits. */
  scc: SccName | null;
  /** One plain sentence saying why, in English. */
  reason: string;
  /** The reason as a message id with parameters, for the page to translate. */
  i18n: Message;
  /** Names of the workloads whose pods use this service account. */
  pods: string[];
  /** The SCC each workload's pods land on once the grant exists (anyuid captures every pod). */
  landsOn: Record<string, SccName>;
}

export interface PlanOptions {
  mode: SecurityModeName;
  namespaceAnnotations?: Record<string, string>;
}

const CAUSE_ORDER: Violation['kind'][] = [
  'privileged',
  'root',
  'uid-range',
  'fs-group',
  'non-root',
  'capability',
  'privilege-escalation',
  'seccomp',
  'host-namespace',
  'host-port',
  'volume',
  'sysctl',
  'supplemental-groups',
];

function describe(v: Violation, pod: PodSpec): Message {
  switch (v.kind) {
    case 'privileged':
      return msg('scc.cause.privileged', { container: v.container ?? '' });
    case 'root':
      return msg('scc.cause.root');
    case 'uid-range': {
      const c = [...(pod.initContainers ?? []), ...pod.containers].find(
        (x) => x.name === v.container,
      );
      const uid = c?.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
      return msg('scc.cause.uidRange', { uid: String(uid) });
    }
    case 'fs-group':
      return msg('scc.cause.fsGroup', { fsGroup: String(pod.securityContext?.fsGroup) });
    default:
      return v.i18n;
  }
}

function explain(
  workloads: Workload[],
  scc: SccName | null,
  annotations?: Record<string, string>,
): Message {
  if (scc === 'restricted-v2') return msg('scc.noGrant');
  for (const kind of CAUSE_ORDER) {
    for (const w of workloads) {
      const pod = w.spec.template.spec;
      const hit = admit(pod, 'restricted-v2', annotations).violations.find((v) => v.kind === kind);
      if (hit) {
        const note = noteOf(w);
        const text = describe(hit, pod);
        const cause = note
          ? msg('scc.causeWithNote', { cause: text, note })
          : msg('scc.causeInWorkload', { cause: text, workload: w.metadata.name });
        return scc === null ? msg('scc.noneAdmitsBecause', { cause }) : cause;
      }
    }
  }
  return scc === null ? msg('scc.noneAdmits') : msg('scc.needs', { scc });
}

function grantsFor(candidate: SccName): SccName[] {
  return candidate === 'restricted-v2' ? ['restricted-v2'] : ['restricted-v2', candidate];
}

/**
 * For each service account used by the workloads, the least privileged SCC of the mode's ladder
 * under which every pod of that account is admitted (restricted-v2 is granted to everyone).
 */
export function planScc(objects: readonly K8sObject[], options: PlanOptions): SccPlanEntry[] {
  const bySa = new Map<string, Workload[]>();
  for (const obj of objects) {
    if (isWorkload(obj)) {
      const sa = obj.spec.template.spec.serviceAccountName ?? 'default';
      bySa.set(sa, [...(bySa.get(sa) ?? []), obj]);
    }
  }
  const entries: SccPlanEntry[] = [];
  for (const [serviceAccount, workloads] of bySa) {
    let chosen: SccName | null = null;
    let landsOn: Record<string, SccName> = {};
    for (const candidate of SCC_LADDER[options.mode]) {
      const picks = workloads.map((w) =>
        selectScc(w.spec.template.spec, grantsFor(candidate), options.namespaceAnnotations),
      );
      if (picks.every((p) => p !== undefined)) {
        chosen = candidate;
        landsOn = Object.fromEntries(
          workloads.map((w, i) => [w.metadata.name, picks[i] as SccName]),
        );
        break;
      }
    }
    const reason = explain(workloads, chosen, options.namespaceAnnotations);
    entries.push({
      serviceAccount,
      scc: chosen,
      reason: reason.text,
      i18n: reason,
      pods: workloads.map((w) => w.metadata.name).sort(),
      landsOn,
    });
  }
  return entries.sort((a, b) => a.serviceAccount.localeCompare(b.serviceAccount));
}
