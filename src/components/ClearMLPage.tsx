import {
  DocumentTitle,
  ListPageHeader,
  useActiveNamespace,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  AlertActionLink,
  Button,
  Content,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  PageSection,
} from '@patternfly/react-core';
import { SearchIcon } from '@patternfly/react-icons';
import { useRef, useState } from 'react';
import { useSearchParams, useTranslation } from '../compat/console-api';
import { useProjectAccess } from '../hooks/usePageAccess';
import { deniedReason, takeOverDeniedReason } from './access/denied-reason';
import { GatedButton } from './access/GatedButton';
import type { ClusterClient } from '../engine/cluster/client';
import { useDeployRun } from '../hooks/useDeployRun';
import { type InstanceTarget, useInstallRecord } from '../hooks/useInstallRecord';
import { ALL_NAMESPACES, GVK } from '../hooks/watch-specs';
import { ClusterClientProvider } from './ClusterClientContext';
import { InstancesList } from './instances/InstancesList';
import { PageBreadcrumb } from './PageBreadcrumb';
import { ProjectBar } from './ProjectBar';
import { UninstallModal } from './instances/UninstallModal';
import type { FormInput } from './model/form-values';
import { readUrlTarget } from './model/url-target';
import { DeployProgress } from './progress/DeployProgress';
import { ReleasePanel } from './releases/ReleasePanel';
import { useFocusResult } from './progress/useFocusResult';
import { StatusPanel } from './status/StatusPanel';
import { DeployWizard } from './wizard/DeployWizard';
import { draftKey } from './wizard/wizard-draft';

interface Named {
  metadata: { name: string };
}

/** Whether the project in the URL is known not to exist (or not to be visible to the user). */
function useProjectMissing(namespace: string | undefined): boolean {
  const [, , error] = useK8sWatchResource<Named>(
    namespace ? { groupVersionKind: GVK.project, name: namespace } : null,
  );
  const code = (error as { code?: number } | undefined)?.code;
  return code === 404 || code === 403;
}

const Page = () => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [activeNamespace] = useActiveNamespace();
  const [params, setParams] = useSearchParams();
  const action = params.get('action');
  const url = readUrlTarget(params);
  const instanceParam = url.instance;
  const namespace = url.namespace ?? activeNamespace;
  const target =
    instanceParam && namespace !== ALL_NAMESPACES && !url.invalid.length
      ? { namespace, instance: instanceParam }
      : undefined;
  const releaseTarget =
    url.release && !target && namespace !== ALL_NAMESPACES && !url.invalid.length
      ? { namespace, release: url.release }
      : undefined;
  const allProjects = activeNamespace === ALL_NAMESPACES && !target && !releaseTarget;
  const scope =
    target?.namespace ?? releaseTarget?.namespace ?? (allProjects ? undefined : namespace);
  const record = useInstallRecord(target);
  const projectMissing = useProjectMissing(scope);
  const project = useProjectAccess(scope);
  const deployRun = useDeployRun();
  const progressRef = useRef<HTMLDivElement>(null);
  useFocusResult(progressRef, deployRun.state.running);
  const [uninstalling, setUninstalling] = useState<InstanceTarget>();

  const go = (next: Record<string, string | undefined>, replace = false) =>
    setParams(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
      { replace },
    );
  const open = (tg: InstanceTarget, replace = false) =>
    go({ instance: tg.instance, namespace: tg.namespace }, replace);
  const home = () => go({});
  const denied = (action: 'deploy' | 'upgrade' | 'uninstall' | 'credentials') =>
    scope ? deniedReason(t, action, project, scope) : undefined;
  const deployDenied = denied('deploy');
  const cannotDeploy = !!scope && project.loaded && !project.access.deploy.allowed;

  const wizard = action === 'deploy' || (action === 'upgrade' && target);
  const run = deployRun.state;
  const runHere =
    target &&
    run.request?.values.name === target.instance &&
    run.request.values.namespace === target.namespace;

  let body;
  if (url.invalid.length) {
    body = (
      <Alert
        isInline
        variant="danger"
        data-test="invalid-link"
        title={t('This link is not valid')}
        actionLinks={
          <AlertActionLink onClick={home} data-test="back-to-instances">
            {t('Back to ClearML instances')}
          </AlertActionLink>
        }
      >
        {url.invalid.includes('namespace') && (
          <Content component="p">
            {t('The namespace parameter must be a project name (a DNS label).')}
          </Content>
        )}
        {url.invalid.includes('instance') && (
          <Content component="p">
            {t('The instance parameter must be an instance name (a DNS label).')}
          </Content>
        )}
        {url.invalid.includes('release') && (
          <Content component="p">
            {t('The release parameter must be a Helm release name (a DNS label).')}
          </Content>
        )}
      </Alert>
    );
  } else if (scope && projectMissing) {
    body = (
      <EmptyState
        titleText={t('Project {{namespace}} does not exist', { namespace: scope })}
        headingLevel="h2"
        icon={SearchIcon}
        data-test="project-missing"
      >
        <EmptyStateBody>
          {t('The project {{namespace}} does not exist, or you may not see it.', {
            namespace: scope,
          })}
        </EmptyStateBody>
      </EmptyState>
    );
  } else if (wizard && action === 'deploy' && cannotDeploy) {
    body = (
      <Alert
        isInline
        variant="warning"
        title={t('You cannot deploy ClearML in project {{namespace}}.', { namespace: scope })}
        data-test="deploy-not-allowed"
        actionLinks={
          <AlertActionLink onClick={home} data-test="back-to-instances">
            {t('Back to ClearML instances')}
          </AlertActionLink>
        }
      >
        {deployDenied}
      </Alert>
    );
  } else if (wizard) {
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
        draftKey={draftKey(isUpgrade ? target : undefined)}
        startAt={!isUpgrade && params.get('step') === 'review' ? 'review' : undefined}
        onCancel={home}
        onDeploy={(request) => {
          deployRun.start(request);
          // The wizard's history entry is replaced, so Back returns to where the user came from.
          open({ namespace: request.values.namespace, instance: request.values.name }, true);
        }}
      />
    ) : record.loaded ? (
      <Alert
        isInline
        variant="danger"
        title={t('The install record of {{name}} was not found.', { name: target?.instance })}
      />
    ) : null;
  } else if (releaseTarget) {
    body = (
      <>
        <PageBreadcrumb
          namespace={releaseTarget.namespace}
          name={releaseTarget.release}
          onHome={home}
        />
        <ReleasePanel
          namespace={releaseTarget.namespace}
          name={releaseTarget.release}
          takeOverDenied={takeOverDeniedReason(t, project, releaseTarget.namespace)}
        />
      </>
    );
  } else if (target) {
    const breadcrumb = (
      <PageBreadcrumb namespace={target.namespace} name={target.instance} onHome={home} />
    );
    body =
      record.missing && !runHere ? (
        <>
          {breadcrumb}
          <EmptyState
            titleText={t('No instance {{name}} in project {{namespace}}', {
              name: target.instance,
              namespace: target.namespace,
            })}
            headingLevel="h2"
            icon={SearchIcon}
            data-test="instance-missing"
          >
            <EmptyStateBody>
              {t(
                'The project has no ClearML instance of that name. It may have been uninstalled, or the link is wrong.',
              )}
            </EmptyStateBody>
            <EmptyStateFooter>
              <EmptyStateActions>
                <Button variant="primary" onClick={home} data-test="instance-missing-back">
                  {t('Back to ClearML instances')}
                </Button>
              </EmptyStateActions>
            </EmptyStateFooter>
          </EmptyState>
        </>
      ) : (
        <>
          {breadcrumb}
          {runHere && (
            <div ref={progressRef}>
              <DeployProgress run={run} onRetry={deployRun.retry} onCancel={deployRun.cancel} />
            </div>
          )}
          <StatusPanel
            namespace={target.namespace}
            instance={target.instance}
            username={record.username}
            serverVersion={record.serverVersion}
            onUpgrade={() => go({ action: 'upgrade', ...target })}
            onUninstall={() => setUninstalling(target)}
            upgradeDenied={denied('upgrade')}
            uninstallDenied={denied('uninstall')}
            credentialsDenied={denied('credentials')}
          />
        </>
      );
  } else {
    body = (
      <InstancesList
        namespace={activeNamespace}
        deployDenied={deployDenied}
        onDeploy={() => go({ action: 'deploy' })}
        onOpen={(i) => open({ namespace: i.namespace, instance: i.name })}
        onUpgrade={(i) => go({ action: 'upgrade', instance: i.name, namespace: i.namespace })}
        onUninstall={(i) => setUninstalling({ namespace: i.namespace, instance: i.name })}
        onOpenRelease={(r) => go({ release: r.release, namespace: r.namespace })}
      />
    );
  }

  return (
    <>
      <DocumentTitle>{t('Deploy ClearML')}</DocumentTitle>
      <ProjectBar isDisabled={!!wizard} />
      <ListPageHeader title={t('ClearML')}>
        {!wizard && (
          <GatedButton
            variant="primary"
            onClick={() => go({ action: 'deploy' })}
            data-test="deploy-clearml"
            denied={deployDenied}
          >
            {t('Deploy ClearML')}
          </GatedButton>
        )}
        {!wizard && (
          <GatedButton
            variant="secondary"
            onClick={() => go({ action: 'deploy', step: 'review' })}
            data-test="deploy-defaults"
            denied={deployDenied}
          >
            {t('Deploy with defaults')}
          </GatedButton>
        )}
      </ListPageHeader>
      <PageSection>
        <Content component="p" data-test="page-description">
          {allProjects
            ? t(
                'Deploy the ClearML server in one of your projects with a least-privilege security plan, then watch it come up.',
              )
            : t(
                'Deploy the ClearML server in this project with a least-privilege security plan, then watch it come up.',
              )}
        </Content>
        {cannotDeploy && !wizard && !projectMissing && (
          <Alert
            isInline
            variant="info"
            title={t('You cannot deploy ClearML in project {{namespace}}.', { namespace: scope })}
            data-test="deploy-not-allowed"
          >
            {project.access.grant.allowed
              ? deployDenied
              : t(
                  '{{reason}} You can still watch the status of its instances; ask a project administrator for the edit or admin role to deploy.',
                  { reason: deployDenied },
                )}
          </Alert>
        )}
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

/** The console renders the page without props; tests pass a fake cluster client. */
const ClearMLPage = ({ client }: { client?: ClusterClient }) => (
  <ClusterClientProvider client={client}>
    <Page />
  </ClusterClientProvider>
);

export default ClearMLPage;
