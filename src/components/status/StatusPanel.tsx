import { Alert, Flex, FlexItem, Label, Stack, StackItem, Title } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import { useInstanceLive } from '../../hooks/useInstanceLive';
import { GatedButton } from '../access/GatedButton';
import { RouteLinks } from '../instances/RouteLinks';
import { AgentsSection } from './AgentsSection';
import { ComponentsView } from './ComponentsView';
import { NextSteps } from './NextSteps';
import { RouteProblems } from './RouteProblems';
import { StateLabel } from './StateLabel';
import { WatchState } from './WatchState';

interface StatusPanelProps {
  namespace: string;
  instance: string;
  username?: string;
  /** The ClearML server release the install record names. */
  serverVersion?: string;
  onUpgrade?: () => void;
  onUninstall?: () => void;
  /** Why the user may not upgrade, uninstall or read the credentials here, when they may not. */
  upgradeDenied?: string;
  uninstallDenied?: string;
  credentialsDenied?: string;
}

/** The live status of one instance: graph, component list, details and next steps. */
export const StatusPanel = ({
  namespace,
  instance,
  username,
  serverVersion,
  onUpgrade,
  onUninstall,
  upgradeDenied,
  uninstallDenied,
  credentialsDenied,
}: StatusPanelProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const { status, loaded, error } = useInstanceLive(namespace, instance);
  return (
    <Stack hasGutter data-test="status-panel">
      <StackItem>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h2">{instance}</Title>
          </FlexItem>
          {serverVersion && (
            <FlexItem>
              <Label isCompact data-test="instance-server-version">
                {t('ClearML server {{version}}', { version: serverVersion })}
              </Label>
            </FlexItem>
          )}
          <FlexItem>
            <Label isCompact data-test="instance-project">
              {t('Project {{namespace}}', { namespace })}
            </Label>
          </FlexItem>
          <FlexItem>
            <StateLabel state={status.state} dataTest="instance-state" />
          </FlexItem>
          <FlexItem>
            <RouteLinks urls={status.urls} />
          </FlexItem>
          <FlexItem align={{ default: 'alignRight' }}>
            {onUpgrade && (
              <GatedButton
                variant="secondary"
                onClick={onUpgrade}
                data-test="instance-upgrade"
                denied={upgradeDenied}
              >
                {t('Upgrade')}
              </GatedButton>
            )}{' '}
            {onUninstall && (
              <GatedButton
                variant="danger"
                onClick={onUninstall}
                data-test="instance-uninstall"
                denied={uninstallDenied}
              >
                {t('Uninstall')}
              </GatedButton>
            )}
          </FlexItem>
        </Flex>
      </StackItem>
      <WatchState name={instance} loaded={loaded} error={error} />
      {loaded && !status.components.length && (
        <StackItem>
          <Alert
            isInline
            variant="info"
            title={t('No workloads of {{name}} yet.', { name: instance })}
            data-test="status-empty"
          />
        </StackItem>
      )}
      {status.components.length > 0 && (
        <StackItem>
          <ComponentsView status={status} namespace={namespace} />
        </StackItem>
      )}
      {status.routeProblems.length > 0 && (
        <StackItem>
          <RouteProblems problems={status.routeProblems} />
        </StackItem>
      )}
      {status.agents.length > 0 && (
        <StackItem>
          <AgentsSection agents={status.agents} />
        </StackItem>
      )}
      {status.ready && (
        <StackItem>
          <NextSteps
            namespace={namespace}
            instance={instance}
            urls={status.urls}
            username={username}
            credentialsDenied={credentialsDenied}
            agents={status.agents}
          />
        </StackItem>
      )}
    </Stack>
  );
};
