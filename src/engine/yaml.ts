import { stringify } from 'yaml';
import type { K8sObject, K8sSecret } from './k8s-types';
import { sortObjects } from './render/order';

export interface YamlOptions {
  /** Include Secret values; by default every value is replaced by a mask. */
  showSecrets?: boolean;
}

export const SECRET_MASK = '<hidden: use --show-secrets>';

function mask(obj: K8sObject): K8sObject {
  if (obj.kind !== 'Secret') {
    return obj;
  }
  const secret = obj as K8sSecret;
  const hide = (map: Record<string, string> | undefined) =>
    map ? Object.fromEntries(Object.keys(map).map((k) => [k, SECRET_MASK])) : undefined;
  return {
    ...secret,
    ...(secret.data ? { data: hide(secret.data) } : {}),
    ...(secret.stringData ? { stringData: hide(secret.stringData) } : {}),
  } as K8sSecret;
}

/**
 * One YAML document as kubectl and oc read it. They parse YAML 1.1, where unquoted yes/no/on/off
 * are booleans, so strings like "yes" must be quoted: the 1.1 schema does that.
 */
export function kubeYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false, version: '1.1' });
}

/** The objects in apply order, Secret values masked unless asked. */
export function exportObjects(
  objects: readonly K8sObject[],
  options: YamlOptions = {},
): K8sObject[] {
  return sortObjects(objects).map((obj) => (options.showSecrets ? obj : mask(obj)));
}

/** Multi-document YAML of the objects in a stable order, Secret values masked unless asked. */
export function toYaml(objects: readonly K8sObject[], options: YamlOptions = {}): string {
  return exportObjects(objects, options)
    .map((obj) => kubeYaml(obj))
    .map((doc) => `---\n${doc}`)
    .join('');
}
