/**
 * The console's Topology side panel, Resources tab: for any workload of a ClearML instance, a
 * section that opens the ClearML page of that instance (`console.topology/details/tab-section`).
 */
import { Content, Title } from '@patternfly/react-core';
import type { ReactElement } from 'react';
import { Link, useTranslation } from '../../compat/console-api';
import { instancePath } from '../page-paths';
import { type ElementLike, instanceOfElement } from './instance-of-element';

const ClearMLTopologySection = ({
  namespace,
  instance,
}: {
  namespace: string;
  instance: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <div className="overview__sidebar-pane-body" data-test="clearml-topology-section">
      <Title headingLevel="h2" size="md">
        {t('ClearML')}
      </Title>
      <Content component="p">
        {t('Part of ClearML instance {{name}}.', { name: instance })}{' '}
        <Link to={instancePath(namespace, instance)} data-test="clearml-topology-link">
          {t('Open the ClearML page of {{name}}', { name: instance })}
        </Link>
      </Content>
    </div>
  );
};

/** The tab-section hook: the section for a ClearML workload, nothing for anything else. */
export const useClearMLTopologySection = (
  element: ElementLike,
): [ReactElement | undefined, boolean, undefined] => {
  const target = instanceOfElement(element);
  return [target ? <ClearMLTopologySection {...target} /> : undefined, true, undefined];
};

/** The deprecated `section` fallback the extension type still requires. */
export const clearMLTopologySection = (element: ElementLike) => {
  const target = instanceOfElement(element);
  return target ? <ClearMLTopologySection {...target} /> : null;
};
