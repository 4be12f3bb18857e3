/**
 * The Secret named in `credentials.existingSecret` (e.g. the upstream chart's `clearml-conf`):
 * read once, by name, only when named; what it lacks is said as messages that block a deploy.
 * Never a value: only the Secret's name and key names appear.
 */
import type { ClusterClient } from '../cluster/client';
import type { K8sSecret } from '../k8s-types';
import { type Message, msg } from '../messages/message';
import type { ExistingSecretGap } from '../render/secrets';
import type { ClearMLValues } from '../values/schema';

/** The named Secret, or undefined when none is named or it does not exist. */
export function readExistingSecret(
  client: ClusterClient,
  values: ClearMLValues,
): Promise<K8sSecret | undefined> {
  const name = values.credentials.existingSecret;
  if (!name) return Promise.resolve(undefined);
  return client.get<K8sSecret>({
    apiVersion: 'v1',
    kind: 'Secret',
    name,
    namespace: values.namespace,
  });
}

/** What the Secret lacks, in words, each with what to do. */
export function existingSecretMessages(gap: ExistingSecretGap, namespace: string): Message[] {
  if (gap.absent) {
    return [msg('credentials.existingSecret.absent', { secret: gap.secret, namespace })];
  }
  return [
    ...(gap.missingKeys.length
      ? [
          msg('credentials.existingSecret.missingKeys', {
            secret: gap.secret,
            keys: gap.missingKeys.join(', '),
          }),
        ]
      : []),
    ...(gap.unusableKeys.length
      ? [
          msg('credentials.existingSecret.unusableKeys', {
            secret: gap.secret,
            keys: gap.unusableKeys.join(', '),
          }),
        ]
      : []),
  ];
}
