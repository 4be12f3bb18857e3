import {
  DocumentTitle,
  ListPageHeader,
  useActiveNamespace,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Content,
  PageSection,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type K8sSecret, objectName, parseValues } from '../engine';
import type { ClusterClient } from '../engine/cluster/client';
import {
  type InstallRecord,
  needsSecretValues,
  recordName,
  recordValues,
  restoreSecretValues,
} from '../engine/deploy/record';
import { useDeployRun } from '../hooks/useDeployRun';
import { ALL_NAMESPACES, GVK } from '../hooks/watch-specs';
import { ClusterClientProvider, useClusterClient } from './ClusterClientContext';
import { InstancesList } from './instances/InstancesList';
import { ProjectBar } from './ProjectBar';
import { UninstallModal } from './instances/UninstallModal';
import type { FormInput } from './model/form-values';
import { DeployProgress } from './progress/DeployProgress';
import { StatusPanel } from './status/StatusPanel';
import { DeployWizard } from './wizard/DeployWizard';

interface Target {
  namespace: string;
  instance: string;
}

/**
 * The recorded values of an instance, for upgrades and the login name. External connections are
 * kept only in the credentials Secret, so for those instances that one Secret is read by name.
 */
function useRecord(target: Target | undefined) {
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
  const recorded = record?.data ? recordValues(record) : undefined;
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
  return { values, loaded: recordLoaded && secretLoaded };
}

const Page = () => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [activeNamespace] = useActiveNamespace();
  const [params, setParams] = useSearchParams();
  const action = params.get('action');
  const instanceParam = params.get('instance');
  const namespace = params.get('namespace') ?? activeNamespace;
  const target =
    instanceParam && namespace !== ALL_NAMESPACES
      ? { namespace, instance: instanceParam }
      : undefined;
  const record = useRecord(target);
  const deployRun = useDeployRun();
  const [uninstalling, setUninstalling] = useState<Target>();

  const go = (next: Record<string, string | undefined>) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
    );
  const open = (tg: Target) => go({ instance: tg.instance, namespace: tg.namespace });
  const home = () => go({});

  const wizard = action === 'deploy' || (action === 'upgrade' && target);
  const run = deployRun.state;
  const runHere =
    target &&
    run.request?.values.name === target.instance &&
    run.request.values.namespace === target.namespace;

  let body;
  if (wizard) {
    const isUpgrade = action === 'upgrade';
    const initial: FormInput | undefined = isUpgrade
      ? record.values
      : {
          name: 'clearml',
          ...(activeNamespace !== ALL_NAMESPACES ? { namespace: activeNamespace } : {}),
        };
    body = initial ? (
      <DeployWizard
        key={isUpgrade ? `upgrade-${target?.instance}` : 'deploy'}
        initial={initial}
        isUpgrade={isUpgrade}
        onCancel={home}
        onDeploy={(request) => {
          deployRun.start(request);
          open({ namespace: request.values.namespace, instance: request.values.name });
        }}
      />
    ) : record.loaded ? (
      <Alert
        isInline
        variant="danger"
        title={t('The install record of {{name}} was not found.', { name: target?.instance })}
      />
    ) : null;
  } else if (target) {
    const username = parseRecordUsername(record.values);
    body = (
      <>
        <Breadcrumb>
          <BreadcrumbItem>
            <Button variant="link" isInline onClick={home} data-test="back-to-instances">
              {t('ClearML instances')}
            </Button>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{target.instance}</BreadcrumbItem>
        </Breadcrumb>
        {runHere && (
          <DeployProgress run={run} onRetry={deployRun.retry} onCancel={deployRun.cancel} />
        )}
        <StatusPanel
          namespace={target.namespace}
          instance={target.instance}
          username={username}
          onUpgrade={() => go({ action: 'upgrade', ...target })}
          onUninstall={() => setUninstalling(target)}
        />
      </>
    );
  } else {
    body = (
      <InstancesList
        namespace={activeNamespace}
        onDeploy={() => go({ action: 'deploy' })}
        onOpen={(i) => open({ namespace: i.namespace, instance: i.name })}
        onUpgrade={(i) => go({ action: 'upgrade', instance: i.name, namespace: i.namespace })}
        onUninstall={(i) => setUninstalling({ namespace: i.namespace, instance: i.name })}
      />
    );
  }

  return (
    <>
      <DocumentTitle>{t('Deploy ClearML')}</DocumentTitle>
      <ProjectBar isDisabled={!!wizard} />
      <ListPageHeader title={t('ClearML')}>
        {!wizard && (
          <Button
            variant="primary"
            onClick={() => go({ action: 'deploy' })}
            data-test="deploy-clearml"
          >
            {t('Deploy ClearML')}
          </Button>
        )}
      </ListPageHeader>
      <PageSection>
        <Content component="p">
          {t(
            'Deploy the ClearML server in this project with a least-privilege security plan, then watch it come up.',
          )}
        </Content>
      </PageSection>
      <PageSection isFilled>{body}</PageSection>
      {uninstalling && (
        <UninstallModal
          namespace={uninstalling.namespace}
          instance={uninstalling.instance}
          onClose={() => setUninstalling(undefined)}
          onDone={() => {
            if (target) home();
          }}
        />
      )}
    </>
  );
};

/** The login name of a recorded instance, when it has a web login. */
function parseRecordUsername(values: FormInput | undefined): string | undefined {
  if (!values) return undefined;
  const parsed = parseValues(values);
  return parsed.ok && parsed.values.login.enabled ? parsed.values.login.username : undefined;
}

/** The console renders the page without props; tests pass a fake cluster client. */
const ClearMLPage = ({ client }: { client?: ClusterClient }) => (
  <ClusterClientProvider client={client}>
    <Page />
  </ClusterClientProvider>
);

export default ClearMLPage;
