import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import {
  Button,
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  List,
  ListItem,
} from '@patternfly/react-core';
import { TimesIcon } from '@patternfly/react-icons';
import { useTranslation } from '../../compat/console-api';
import { useTranslateMessage } from '../i18n/translate-message';
import type { ComponentStatus } from '../../engine/status/types';
import { GVK } from '../../hooks/watch-specs';
import { StateLabel } from './StateLabel';

interface ComponentDetailsProps {
  status: ComponentStatus;
  namespace: string;
  onClose: () => void;
}

/** The side panel of one component: why it is in its state, its pods, volumes and warnings. */
export const ComponentDetails = ({ status, namespace, onClose }: ComponentDetailsProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const workloadGvk = status.workload?.kind === 'StatefulSet' ? GVK.statefulSet : GVK.deployment;
  return (
    <Card data-test={`component-details-${status.component}`} isPlain>
      <CardHeader
        actions={{
          actions: (
            <Button
              variant="plain"
              aria-label={t('Close details')}
              icon={<TimesIcon />}
              onClick={onClose}
              data-test="component-details-close"
            />
          ),
        }}
      >
        <CardTitle component="h3">{status.displayName}</CardTitle>
      </CardHeader>
      <CardBody>
        <DescriptionList isCompact>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('State')}</DescriptionListTerm>
            <DescriptionListDescription>
              <StateLabel state={status.state} dataTest="component-state" />
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Reason')}</DescriptionListTerm>
            <DescriptionListDescription data-test="component-reason">
              {say(status.i18n)}
            </DescriptionListDescription>
          </DescriptionListGroup>
          {status.workload && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Workload')}</DescriptionListTerm>
              <DescriptionListDescription>
                <ResourceLink
                  groupVersionKind={workloadGvk}
                  name={status.workload.name}
                  namespace={namespace}
                  dataTest="workload-link"
                />
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
          <DescriptionListGroup>
            <DescriptionListTerm>
              {t('Pods ({{ready}} of {{desired}} ready)', {
                ready: Math.min(status.ready, status.desired),
                desired: status.desired,
              })}
            </DescriptionListTerm>
            <DescriptionListDescription>
              {status.pods.length ? (
                <List isPlain>
                  {status.pods.map((p) => (
                    <ListItem key={p.name} data-test="component-pod">
                      <ResourceLink
                        groupVersionKind={GVK.pod}
                        name={p.name}
                        namespace={namespace}
                        dataTest="pod-link"
                      />{' '}
                      {p.problem ?? p.phase}
                      {p.restarts > 0 && ` · ${t('{{count}} restarts', { count: p.restarts })}`}
                    </ListItem>
                  ))}
                </List>
              ) : (
                t('No pods')
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
          {status.pvcs.length > 0 && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Volumes')}</DescriptionListTerm>
              <DescriptionListDescription>
                <List isPlain>
                  {status.pvcs.map((c) => (
                    <ListItem key={c.name} data-test="component-pvc">
                      <ResourceLink
                        groupVersionKind={GVK.pvc}
                        name={c.name}
                        namespace={namespace}
                        dataTest="pvc-link"
                      />{' '}
                      {[c.phase, c.size, c.storageClass].filter(Boolean).join(' · ')}
                    </ListItem>
                  ))}
                </List>
              </DescriptionListDescription>
            </DescriptionListGroup>
          )}
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Recent warnings')}</DescriptionListTerm>
            <DescriptionListDescription>
              {status.warnings.length ? (
                <List isPlain>
                  {status.warnings.map((w, i) => (
                    <ListItem key={`${w.object}-${w.reason}-${i}`} data-test="component-warning">
                      <Content component="small">
                        {t('{{reason}} on {{object}} ({{count}}×)', {
                          reason: w.reason,
                          object: w.object,
                          count: w.count,
                        })}
                      </Content>
                      <div>{w.message}</div>
                    </ListItem>
                  ))}
                </List>
              ) : (
                t('None')
              )}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </CardBody>
    </Card>
  );
};
