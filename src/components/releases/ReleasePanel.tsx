import { Alert, Flex, FlexItem, Label, Stack, StackItem, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { useReleaseLive } from '../../hooks/useChartReleases';
import { RouteLinks } from '../instances/RouteLinks';
import { ComponentsView } from '../status/ComponentsView';
import { StateLabel } from '../status/StateLabel';
import { ReleaseLabels } from './ReleaseLabels';
import { SecurityExposure } from './SecurityExposure';
import { TakeOver } from './TakeOver';
import { WatchState } from '../status/WatchState';

/** A release of the upstream chart: its health, its SCC grants, and how to take it over. */
export const ReleasePanel = ({
  namespace,
  name,
  takeOverDenied,
}: {
  namespace: string;
  name: string;
  /** Why the user may not take the release over, when they may not. */
  takeOverDenied?: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const { release, takeover, status, recordsRead, loaded, error } = useReleaseLive(namespace, name);
  // A take-over removes the release's workloads in its fourth step, so the release leaves the
  // watches while the take-over still runs: its card stays, with its steps, its result and the
  // link to the instance, once the release was seen here.
  const [seen, setSeen] = useState(false);
  if (release && !seen) setSeen(true);
  return (
    <Stack hasGutter data-test="release-panel">
      <StackItem>
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h2">{name}</Title>
          </FlexItem>
          {release && (
            <FlexItem>
              <ReleaseLabels release={release} recordsRead={recordsRead} />
            </FlexItem>
          )}
          {release?.appVersion && (
            <FlexItem>
              <Label isCompact data-test="release-app-version">
                {t('ClearML server {{version}}', { version: release.appVersion })}
              </Label>
            </FlexItem>
          )}
          <FlexItem>
            <Label isCompact data-test="instance-project">
              {t('Project {{namespace}}', { namespace })}
            </Label>
          </FlexItem>
          {status && (
            <FlexItem>
              <StateLabel state={status.state} dataTest="instance-state" />
            </FlexItem>
          )}
          {status && (
            <FlexItem>
              <RouteLinks urls={status.urls} />
            </FlexItem>
          )}
        </Flex>
      </StackItem>
      <WatchState name={name} loaded={loaded} error={error} />
      {loaded && !release && !seen && takeover && (
        <StackItem>
          <Alert
            isInline
            variant="warning"
            title={t(
              'The take-over of {{name}} into instance {{instance}} was removing the release and did not finish; continue it to remove the rest.',
              { name, instance: takeover.instance },
            )}
            data-test="release-takeover-unfinished"
          />
        </StackItem>
      )}
      {loaded && !release && !seen && !takeover && (
        <StackItem>
          <Alert
            isInline
            variant="info"
            title={t('No release {{name}} of the ClearML chart in project {{namespace}}.', {
              name,
              namespace,
            })}
            data-test="release-missing"
          />
        </StackItem>
      )}
      {release && status && status.components.length > 0 && (
        <StackItem>
          <ComponentsView status={status} namespace={namespace} />
        </StackItem>
      )}
      {release && (
        <StackItem>
          <SecurityExposure release={release} namespace={namespace} />
        </StackItem>
      )}
      {(release || seen || takeover) && (
        <StackItem>
          <TakeOver release={name} namespace={namespace} denied={takeOverDenied} />
        </StackItem>
      )}
    </Stack>
  );
};
