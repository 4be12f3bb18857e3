/**
 * The install record: a ConfigMap per instance with its values (never its secrets), the plugin
 * version and when it was installed, so the console can list, upgrade and uninstall instances.
 */
import { kubeYaml } from '../yaml';
import { parse } from 'yaml';
import { INSTANCE_LABEL } from '../components';
import type { K8sObject } from '../k8s-types';
import type { ClearMLValues } from '../values/schema';
import { MANAGED_BY, MANAGED_BY_LABEL } from './ownership';

export const RECORD_LABEL = 'clearml-console-plugin/install-record';
export const PLUGIN_VERSION = '0.1.0';

export interface InstallRecord extends K8sObject {
  data: { 'values.yaml': string; version: string; installedAt: string; updatedAt: string };
}

export const recordName = (instance: string) => `${instance}-install-record`;

/** Values as they may be stored in plain sight: credentials and the login password removed. */
export function publicValues(values: ClearMLValues): Omit<ClearMLValues, 'credentials'> {
  const { credentials: _credentials, ...rest } = values;
  const { password: _password, ...login } = values.login;
  return { ...rest, login } as Omit<ClearMLValues, 'credentials'>;
}

export function renderRecord(
  values: ClearMLValues,
  previous: InstallRecord | undefined,
  now: Date = new Date(),
): InstallRecord {
  const valuesYaml = kubeYaml(publicValues(values));
  const unchanged =
    previous?.data?.['values.yaml'] === valuesYaml && previous.data.version === PLUGIN_VERSION;
  const stamp = now.toISOString();
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: recordName(values.name),
      namespace: values.namespace,
      labels: {
        [RECORD_LABEL]: 'true',
        [INSTANCE_LABEL]: values.name,
        [MANAGED_BY_LABEL]: MANAGED_BY,
        'app.kubernetes.io/part-of': 'clearml',
      },
    },
    data: {
      'values.yaml': valuesYaml,
      version: PLUGIN_VERSION,
      installedAt: previous?.data?.installedAt ?? stamp,
      updatedAt: unchanged ? previous.data.updatedAt : stamp,
    },
  };
}

/** Values of a recorded instance (without credentials), for upgrades and listings. */
export function recordValues(record: InstallRecord): unknown {
  return parse(record.data['values.yaml']);
}
