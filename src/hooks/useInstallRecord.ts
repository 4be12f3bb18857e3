import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { useEffect, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import type { FormInput } from '../components/model/form-values';
import { type K8sSecret, objectName, parseValues } from '../engine';
import {
  type InstallRecord,
  needsSecretValues,
  recordName,
  restoreSecretValues,
} from '../engine/deploy/record';
import { installedVersion, valuesFromRecord } from '../engine/deploy/upgrade';
import { GVK } from './watch-specs';

/** The login name of a recorded instance, when it has a web login. */
function recordUsername(values: FormInput | undefined): string | undefined {
  if (!values) return undefined;
  const parsed = parseValues(values);
  return parsed.ok && parsed.values.login.enabled ? parsed.values.login.username : undefined;
}

export interface InstanceTarget {
  namespace: string;
  instance: string;
}

/**
 * The recorded values of an instance, for upgrades and the login name. External connections are
 * kept only in the credentials Secret, so for those instances that one Secret is read by name.
 */
export function useInstallRecord(target: InstanceTarget | undefined) {
  const client = useClusterClient();
  const [record, recordLoaded] = useK8sWatchResource<InstallRecord>(
    target
      ? {
          groupVersionKind: GVK.configMap,
          name: recordName(target.instance),
          namespace: target.namespace,
        }
      : null,
  );
  const recorded = record?.data ? valuesFromRecord(record) : undefined;
  const needsSecret = needsSecretValues(recorded);
  const [secret, setSecret] = useState<{ for: string; secret?: K8sSecret }>();
  const secretKey = target ? `${target.namespace}/${target.instance}` : '';
  useEffect(() => {
    if (!target || !needsSecret) return;
    let current = true;
    const done = (found?: K8sSecret) => current && setSecret({ for: secretKey, secret: found });
    client
      .get<K8sSecret>({
        apiVersion: 'v1',
        kind: 'Secret',
        name: objectName(target.instance, 'credentials'),
        namespace: target.namespace,
      })
      .then(done, () => done(undefined));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by secretKey
  }, [client, secretKey, needsSecret]);
  const secretLoaded = !needsSecret || secret?.for === secretKey;
  const values =
    recorded && secretLoaded
      ? (restoreSecretValues(recorded, secret?.secret) as FormInput)
      : undefined;
  return {
    values,
    loaded: recordLoaded && secretLoaded,
    serverVersion: installedVersion(record?.data ? record : undefined),
    missing: !!target && recordLoaded && !record,
    username: recordUsername(values),
  };
}
