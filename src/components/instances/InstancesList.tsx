import {
  Alert,
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Label,
  Spinner,
} from '@patternfly/react-core';
import { CubesIcon } from '@patternfly/react-icons';
import { ActionsColumn, Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useTranslation } from '../../compat/console-api';
import { useChartReleases } from '../../hooks/useChartReleases';
import { type InstanceSummary, useInstances } from '../../hooks/useInstances';
import { usePageAccess } from '../../hooks/usePageAccess';
import { deniedReason } from '../access/denied-reason';
import { GatedButton } from '../access/GatedButton';
import { ALL_NAMESPACES } from '../../hooks/watch-specs';
import { ReleaseLabels } from '../releases/ReleaseLabels';
import { StateLabel } from '../status/StateLabel';
import { RouteLinks } from './RouteLinks';

interface InstancesListProps {
  namespace: string;
  /** Why the user may not deploy in this project, when they may not. */
  deployDenied?: string;
  onDeploy: () => void;
  onOpen: (i: InstanceSummary) => void;
  onUpgrade: (i: InstanceSummary) => void;
  onUninstall: (i: InstanceSummary) => void;
  /** Opens a release of the upstream Helm chart (or its unfinished take-over). */
  onOpenRelease: (r: { release: string; namespace: string }) => void;
}

export const InstancesList = ({
  namespace,
  deployDenied,
  onDeploy,
  onOpen,
  onUpgrade,
  onUninstall,
  onOpenRelease,
}: InstancesListProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const { instances, loaded: instancesLoaded, error } = useInstances(namespace);
  const { releases, takeovers, loaded: releasesLoaded } = useChartReleases(namespace);
  const loaded = instancesLoaded && releasesLoaded;
  const accessOf = usePageAccess(instances.map((i) => i.namespace));
  const rowActions = (i: InstanceSummary) => {
    const project = accessOf(i.namespace);
    const item = (title: string, denied: string | undefined, onClick: () => void) => ({
      title,
      onClick,
      ...(denied ? { isAriaDisabled: true, description: denied } : {}),
    });
    return [
      item(t('Upgrade'), deniedReason(t, 'upgrade', project, i.namespace), () => onUpgrade(i)),
      item(t('Uninstall'), deniedReason(t, 'uninstall', project, i.namespace), () =>
        onUninstall(i),
      ),
    ];
  };
  if (error) {
    return (
      <Alert
        isInline
        variant="danger"
        title={t('Could not read the ClearML install records in this project.')}
        data-test="instances-error"
      >
        {String((error as { message?: string }).message ?? error)}
      </Alert>
    );
  }
  if (!loaded) return <Spinner aria-label={t('Loading instances')} />;
  if (!instances.length && !releases.length && !takeovers.length) {
    return (
      <EmptyState
        titleText={t('No ClearML instances')}
        headingLevel="h2"
        icon={CubesIcon}
        data-test="instances-empty"
      >
        <EmptyStateBody>
          {namespace === ALL_NAMESPACES
            ? t('No project has a ClearML server deployed from this console yet.')
            : t('This project has no ClearML server deployed from this console yet.')}
        </EmptyStateBody>
        <EmptyStateFooter>
          <EmptyStateActions>
            <GatedButton
              variant="primary"
              onClick={onDeploy}
              data-test="empty-deploy"
              denied={deployDenied}
            >
              {t('Deploy ClearML')}
            </GatedButton>
          </EmptyStateActions>
        </EmptyStateFooter>
      </EmptyState>
    );
  }
  return (
    <Table aria-label={t('ClearML instances')} data-test="instances-table">
      <Thead>
        <Tr>
          <Th>{t('Name')}</Th>
          {namespace === ALL_NAMESPACES && <Th>{t('Project')}</Th>}
          <Th>{t('Status')}</Th>
          <Th>{t('Version')}</Th>
          <Th>{t('Links')}</Th>
          <Th screenReaderText={t('Actions')} />
        </Tr>
      </Thead>
      <Tbody>
        {instances.map((i) => (
          <Tr key={`${i.namespace}/${i.name}`} data-test={`instance-${i.name}`}>
            <Td dataLabel={t('Name')}>
              <Button variant="link" isInline onClick={() => onOpen(i)} data-test="instance-open">
                {i.name}
              </Button>
            </Td>
            {namespace === ALL_NAMESPACES && <Td dataLabel={t('Project')}>{i.namespace}</Td>}
            <Td dataLabel={t('Status')}>
              <StateLabel state={i.status.state} dataTest="instance-state" />
            </Td>
            <Td dataLabel={t('Version')} data-test="instance-server-version">
              {i.serverVersion}
            </Td>
            <Td dataLabel={t('Links')}>
              <RouteLinks urls={i.status.urls} />
            </Td>
            <Td isActionCell>
              <ActionsColumn items={rowActions(i)} />
            </Td>
          </Tr>
        ))}
        {releases.map((r) => (
          <Tr
            key={`release/${r.namespace}/${r.release.release}`}
            data-test={`release-${r.release.release}`}
          >
            <Td dataLabel={t('Name')}>
              <Button
                variant="link"
                isInline
                onClick={() =>
                  onOpenRelease({ release: r.release.release, namespace: r.namespace })
                }
                data-test="release-open"
              >
                {r.release.release}
              </Button>{' '}
              <ReleaseLabels release={r.release} recordsRead={r.recordsRead} />
            </Td>
            {namespace === ALL_NAMESPACES && <Td dataLabel={t('Project')}>{r.namespace}</Td>}
            <Td dataLabel={t('Status')}>
              <StateLabel state={r.status.state} dataTest="instance-state" />
            </Td>
            <Td dataLabel={t('Version')} data-test="release-app-version">
              {r.release.appVersion ?? ''}
            </Td>
            <Td dataLabel={t('Links')} />
            <Td />
          </Tr>
        ))}
        {takeovers.map((tk) => (
          <Tr key={`takeover/${tk.namespace}/${tk.release}`} data-test={`takeover-${tk.release}`}>
            <Td dataLabel={t('Name')}>
              <Button
                variant="link"
                isInline
                onClick={() => onOpenRelease(tk)}
                data-test="takeover-open"
              >
                {tk.release}
              </Button>
            </Td>
            {namespace === ALL_NAMESPACES && <Td dataLabel={t('Project')}>{tk.namespace}</Td>}
            <Td dataLabel={t('Status')}>
              <Label color="orange" isCompact data-test="takeover-unfinished">
                {t('Take-over into {{instance}} not finished', { instance: tk.instance })}
              </Label>
            </Td>
            <Td dataLabel={t('Version')} />
            <Td dataLabel={t('Links')} />
            <Td />
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
