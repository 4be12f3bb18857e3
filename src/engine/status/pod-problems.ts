/** Plain-words reasons for pods that are not running as they should. */
import { type Message, msg } from '../messages/message';
import type { Demand } from '../preflight/quota';
import { quotaSentence } from './quota-reason';
import { schedulerReason, stripFullStop } from './scheduler-message';
import type { LiveEvent, LivePod } from './types';

const PULL_REASONS = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName']);
const ADMISSION = /security context constraint|violates PodSecurity|forbidden/i;

export interface PodProblem {
  /** Short machine reason, e.g. ImagePullBackOff. */
  reason: string;
  /** A sentence a person understands, in English. */
  sentence: string;
  /** The sentence as a message id with parameters. */
  i18n: Message;
  /** Failed needs someone to act; anything else resolves by waiting. */
  fatal: boolean;
}

const problem = (reason: string, said: Message, fatal: boolean): PodProblem => ({
  reason,
  sentence: said.text,
  i18n: said,
  fatal,
});

/** The most telling problem of one pod, if any. */
export function podProblem(pod: LivePod): PodProblem | undefined {
  const status = pod.status ?? {};
  const init = status.initContainerStatuses ?? [];
  const main = status.containerStatuses ?? [];
  for (const c of [...init, ...main]) {
    const waiting = c.state?.waiting;
    if (!waiting?.reason) continue;
    if (PULL_REASONS.has(waiting.reason)) {
      return problem(
        waiting.reason,
        msg('status.pod.cannotPull', { image: c.image, container: c.name }),
        true,
      );
    }
    if (waiting.reason === 'CrashLoopBackOff') {
      const last = c.lastState?.terminated;
      const said =
        last?.exitCode !== undefined
          ? msg('status.pod.crashLoopExit', {
              container: c.name,
              count: c.restartCount,
              exitCode: last.exitCode,
            })
          : msg('status.pod.crashLoop', { container: c.name, count: c.restartCount });
      return problem(waiting.reason, said, true);
    }
    if (
      waiting.reason === 'CreateContainerConfigError' ||
      waiting.reason === 'CreateContainerError'
    ) {
      return problem(
        waiting.reason,
        msg('status.pod.cannotStart', {
          container: c.name,
          detail: stripFullStop(waiting.message ?? waiting.reason),
        }),
        true,
      );
    }
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
    return problem(
      'Unschedulable',
      msg('status.pod.unschedulable', {
        pod: pod.metadata.name,
        detail: schedulerReason(scheduled.message),
      }),
      false,
    );
  }
  const waitingInit = init.find((c) => !c.ready && (c.state?.running || c.state?.waiting));
  if (waitingInit) {
    return problem(
      'PodInitializing',
      msg('status.pod.initializing', { pod: pod.metadata.name, step: waitingInit.name }),
      false,
    );
  }
  const notReady = main.find((c) => c.state?.running && !c.ready);
  if (notReady) {
    return problem('NotReady', msg('status.pod.notReady', { container: notReady.name }), false);
  }
  return undefined;
}

/**
 * Pods that the controller could not create: admission (SCC/PSA), quota and the like. `demand`
 * is what the instance asks for in all, for quota sentences.
 */
export function failedCreate(
  events: LiveEvent[],
  demand: Demand = {},
): { sentence: Message; admission: boolean } | undefined {
  const failed = events
    .filter((e) => e.type === 'Warning' && e.reason === 'FailedCreate')
    .sort((a, b) =>
      (b.lastTimestamp ?? b.eventTime ?? '').localeCompare(a.lastTimestamp ?? a.eventTime ?? ''),
    )[0];
  if (!failed) return undefined;
  const message = failed.message ?? '';
  const quota = quotaSentence(message, demand);
  if (quota) return { sentence: quota, admission: false };
  if (/(exceeded|failed) quota/i.test(message)) {
    return { sentence: msg('status.create.quota', { detail: message }), admission: false };
  }
  if (ADMISSION.test(message)) {
    return { sentence: msg('status.create.admission', { detail: message }), admission: true };
  }
  return { sentence: msg('status.create.other', { detail: message }), admission: false };
}
