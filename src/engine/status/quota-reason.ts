/**
 * Quota refusals in plain words. The API server's ResourceQuota admission refuses a pod or claim
 * with "exceeded quota: <quota>, requested: <list>, used: <list>, limited: <list>", each list
 * `resource=quantity` joined by commas (kubernetes v1.34,
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go, `checkRequest`
 * and `prettyPrint`), or with "failed quota: <quota>: must specify …" when the quota tracks a
 * resource a container does not set. The controllers put that text in a FailedCreate event,
 * sometimes behind "(combined from similar events): ".
 */
import { list, type Message, msg } from '../messages/message';
import { type Demand, formatAmount } from '../preflight/quota';
import { parseQuantity } from '../quantity';

const LIST = String.raw`[^\s,]+=[^\s,]+(?:,[^\s,]+=[^\s,]+)*`;
const EXCEEDED = new RegExp(
  String.raw`exceeded quota: ([^\s,]+), requested: (${LIST}), used: (${LIST}), limited: (${LIST})`,
);
const MUST_SPECIFY = /failed quota: ([^\s:]+): must specify (.+?)\s*$/;
const SUBJECT = /(pods|persistentvolumeclaims) "([^"]+)" is forbidden/;

const parseList = (text: string) =>
  Object.fromEntries(
    text.split(',').map((item) => {
      const [key, value] = item.split('=');
      return [key, parseQuantity(value) ?? Number.NaN];
    }),
  );

const amount = (resource: string, value: number): string | Message =>
  Number.isNaN(value) ? msg('status.quota.unknownAmount') : formatAmount(resource, value);

/**
 * A sentence for a quota refusal, or undefined when the message is not one. `demand` is what the
 * whole instance asks for when fully rolled out.
 */
export function quotaSentence(message: string, demand: Demand = {}): Message | undefined {
  const subject = SUBJECT.exec(message);
  const what =
    subject?.[1] === 'persistentvolumeclaims'
      ? msg('status.quota.volume', { name: subject[2] })
      : msg('status.quota.pods');
  const exceeded = EXCEEDED.exec(message);
  if (exceeded) {
    const [, quota, requestedText, usedText, limitedText] = exceeded;
    const requested = parseList(requestedText);
    const used = parseList(usedText);
    const limited = parseList(limitedText);
    const parts = Object.keys(limited).map((resource) => {
      const total = demand[resource];
      const params = {
        resource,
        used: amount(resource, used[resource] ?? 0),
        limit: amount(resource, limited[resource]),
        needed: amount(resource, requested[resource] ?? Number.NaN),
      };
      return total !== undefined
        ? msg('status.quota.partWithTotal', { ...params, total: amount(resource, total) })
        : msg('status.quota.part', params);
    });
    return msg('status.quota.usedUp', { what, quota, parts: list(parts, '; ') });
  }
  const specify = MUST_SPECIFY.exec(message);
  if (specify) {
    return msg('status.quota.mustSpecify', {
      what,
      quota: specify[1],
      resources: specify[2].replace(/\.$/, ''),
    });
  }
  return undefined;
}
