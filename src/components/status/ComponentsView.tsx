import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Grid,
  GridItem,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import type { InstanceStatus } from '../../engine/status/types';
import { useTranslateMessage } from '../i18n/translate-message';
import { ComponentDetails } from './ComponentDetails';
import { ReadyCount } from './ReadyCount';
import { RingLegend } from './RingLegend';
import { StateLabel } from './StateLabel';
import { TopologyGraph } from './TopologyGraph';

/** The components of an instance or chart release: graph, list, and the selected one's details. */
export const ComponentsView = ({
  status,
  namespace,
}: {
  status: InstanceStatus;
  namespace: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const [selected, setSelected] = useState<string>();
  const select = useCallback((id: string | undefined) => setSelected(id), []);
  const details = status.components.find((c) => c.component === selected);
  return (
    <Stack hasGutter>
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
    </Stack>
  );
};
