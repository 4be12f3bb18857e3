/**
 * The install record: a ConfigMap per instance with its values (never its secrets), the plugin
 * version and when it was installed, so the console can list, upgrade and uninstall instances.
 */
import { kubeYaml } from '../yaml';
import { parse } from 'yaml';
import { INSTANCE_LABEL } from '../components';
import type { K8sObject, K8sSecret } from '../k8s-types';
import { decodeBase64 } from '../render/base64';
import { SECRET_KEYS } from '../render/secrets';
import { elasticEntriesOf } from '../values/elastic-hosts';
import type { ClearMLValues } from '../values/schema';
import { MANAGED_BY, MANAGED_BY_LABEL } from './ownership';

export const RECORD_LABEL = 'clearml-console-plugin/install-record';
export const PLUGIN_VERSION = '0.1.0';

export interface InstallRecord extends K8sObject {
  data: { 'values.yaml': string; version: string; installedAt: string; updatedAt: string };
}

export const recordName = (instance: string) => `${instance}-install-record`;

/** What the install record leaves out: every value that is kept only in the credentials Secret. */
export type PublicValues = Omit<ClearMLValues, 'credentials'>;

/**
 * Values as they may be stored in plain sight: the generated or given credentials, the login
 * password and the external MongoDB connection strings and Elasticsearch host list (which carry
 * passwords) are removed. They live in the credentials Secret only (`restoreSecretValues`).
 */
export function publicValues(values: ClearMLValues): PublicValues {
  const { credentials: _credentials, ...rest } = values;
  const { password: _password, ...login } = values.login;
  const { external: _mongo, ...mongodb } = values.components.mongodb;
  const { external: _elastic, ...elasticsearch } = values.components.elasticsearch;
  return {
    ...rest,
    login,
    components: { ...values.components, mongodb, elasticsearch },
  } as PublicValues;
}

/**
 * Recorded values with the external connections read back from the instance's credentials
 * Secret, for an upgrade. Credentials need no restoring: the renderer keeps the live ones.
 */
export function restoreSecretValues(recorded: unknown, secret: K8sSecret | undefined): unknown {
  const values = recorded as {
    components?: {
      mongodb?: { enabled?: boolean; external?: unknown };
      elasticsearch?: { enabled?: boolean; external?: unknown };
    };
  };
  const c = values?.components;
  if (!c || !secret?.data) return recorded;
  const read = (key: string) => {
    const encoded = secret.data?.[key];
    return encoded ? decodeBase64(encoded) : undefined;
  };
  const backend = read(SECRET_KEYS.mongodbBackend);
  const auth = read(SECRET_KEYS.mongodbAuth);
  const hosts = read(SECRET_KEYS.elasticsearchHosts);
  const components = { ...c };
  if (c.mongodb?.enabled === false && backend && auth) {
    components.mongodb = {
      ...c.mongodb,
      external: { backendConnectionString: backend, authConnectionString: auth },
    };
  }
  if (c.elasticsearch?.enabled === false && hosts) {
    components.elasticsearch = {
      ...c.elasticsearch,
      external: { hosts: elasticEntriesOf(hosts) ?? hosts },
    };
  }
  return { ...values, components };
}

/** Whether recorded values need `restoreSecretValues` before they are valid. */
export function needsSecretValues(recorded: unknown): boolean {
  const c = (recorded as { components?: Record<string, { enabled?: boolean }> })?.components;
  return c?.mongodb?.enabled === false || c?.elasticsearch?.enabled === false;
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
        'app.kubernetes.io/part-of': values.name,
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

/** Values of a recorded instance (without secrets: see `restoreSecretValues`), for listings. */
export function recordValues(record: InstallRecord): unknown {
  return parse(record.data['values.yaml']);
}
