import {
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Flex,
  FlexItem,
  Grid,
  GridItem,
  Label,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { useTranslateMessage } from '../i18n/translate-message';
import { useInstanceLive } from '../../hooks/useInstanceLive';
import { GatedButton } from '../access/GatedButton';
import { RouteLinks } from '../instances/RouteLinks';
import { AgentsSection } from './AgentsSection';
import { ComponentDetails } from './ComponentDetails';
import { NextSteps } from './NextSteps';
import { ReadyCount } from './ReadyCount';
import { RingLegend } from './RingLegend';
import { StateLabel } from './StateLabel';
import { TopologyGraph } from './TopologyGraph';

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
  const say = useTranslateMessage();
  const { status, loaded, error } = useInstanceLive(namespace, instance);
  const [selected, setSelected] = useState<string>();
  const select = useCallback((id: string | undefined) => setSelected(id), []);
  const details = status.components.find((c) => c.component === selected);
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
      {error ? (
        <StackItem>
          <Alert
            isInline
            variant="danger"
            title={t('Could not watch the objects of {{name}}.', { name: instance })}
            data-test="status-error"
          >
            {String((error as { message?: string }).message ?? error)}
          </Alert>
        </StackItem>
      ) : null}
      {!loaded && !error && (
        <StackItem>
          <Spinner aria-label={t('Loading status')} />
        </StackItem>
      )}
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
          <Grid hasGutter>
            <GridItem md={details ? 8 : 12}>
              <Card>
                <CardBody>
                  <TopologyGraph status={status} selected={selected} onSelect={select} />
                  <RingLegend />
                </CardBody>
              </Card>
            </GridItem>
            {details && (
              <GridItem md={4}>
                <ComponentDetails
                  status={details}
                  namespace={namespace}
                  onClose={() => setSelected(undefined)}
                />
              </GridItem>
            )}
          </Grid>
        </StackItem>
      )}
      {status.components.length > 0 && (
        <StackItem>
          <Card>
            <CardTitle component="h3">{t('Components')}</CardTitle>
            <CardBody>
              <Table aria-label={t('Components')} variant="compact" data-test="status-list">
                <Thead>
                  <Tr>
                    <Th>{t('Component')}</Th>
                    <Th>{t('State')}</Th>
                    <Th>{t('Pods')}</Th>
                    <Th>{t('Reason')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {status.components.map((c) => (
                    <Tr
                      key={c.component}
                      data-test={`status-row-${c.component}`}
                      isRowSelected={c.component === selected}
                    >
                      <Td dataLabel={t('Component')}>
                        <Button
                          variant="link"
                          isInline
                          onClick={() => setSelected(c.component)}
                          aria-pressed={c.component === selected}
                          data-test="status-row-select"
                        >
                          {c.displayName}
                        </Button>
                      </Td>
                      <Td dataLabel={t('State')}>
                        <StateLabel state={c.state} dataTest="component-state" />
                      </Td>
                      <Td dataLabel={t('Pods')}>
                        <ReadyCount ready={c.ready} desired={c.desired} />
                      </Td>
                      <Td dataLabel={t('Reason')} data-test="component-reason">
                        {say(c.i18n)}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </CardBody>
          </Card>
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
