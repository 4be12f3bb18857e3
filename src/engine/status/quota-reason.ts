/**
 * Quota refusals in plain words. The API server's ResourceQuota admission refuses a pod or claim
 * with "exceeded quota: <quota>, requested: <list>, used: <list>, limited: <list>", each list
 * `resource=quantity` joined by commas (kubernetes v1.34,
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go, `checkRequest`
 * and `prettyPrint`), or with "failed quota: <quota>: must specify …" when the quota tracks a
 * resource a container does not set. The controllers put that text in a FailedCreate event,
 * sometimes behind "(combined from similar events): ".
 */
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

const amount = (resource: string, value: number) =>
  Number.isNaN(value) ? 'an unknown amount' : formatAmount(resource, value);

/**
 * A sentence for a quota refusal, or undefined when the message is not one. `demand` is what the
 * whole instance asks for when fully rolled out.
 */
export function quotaSentence(message: string, demand: Demand = {}): string | undefined {
  const subject = SUBJECT.exec(message);
  const what =
    subject?.[1] === 'persistentvolumeclaims'
      ? `Volume ${subject[2]} cannot be created`
      : 'Pods cannot be created';
  const exceeded = EXCEEDED.exec(message);
  if (exceeded) {
    const [, quota, requestedText, usedText, limitedText] = exceeded;
    const requested = parseList(requestedText);
    const used = parseList(usedText);
    const limited = parseList(limitedText);
    const parts = Object.keys(limited).map((resource) => {
      const total = demand[resource];
      const all =
        total !== undefined ? `; the instance needs ${amount(resource, total)} in all` : '';
      return `${resource}: ${amount(resource, used[resource] ?? 0)} of ${amount(resource, limited[resource])} used, ${amount(resource, requested[resource] ?? Number.NaN)} more needed${all}`;
    });
    return `${what}: quota ${quota} of this project is used up (${parts.join('; ')}). Ask a project administrator for a larger quota, or choose a smaller size preset.`;
  }
  const specify = MUST_SPECIFY.exec(message);
  if (specify) {
    return `${what}: quota ${specify[1]} of this project requires every container to set ${specify[2].replace(/\.$/, '')}. Ask a project administrator to add a LimitRange with defaults, or set resources for every component.`;
  }
  return undefined;
}
