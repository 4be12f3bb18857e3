import { Alert, Card, CardBody, CardTitle, Content, Label, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { type ReleaseAudit, readReleaseAudit } from '../../engine/adopt/read';
import type { ChartRelease } from '../../engine/adopt/releases';
import type { SccGrantFound } from '../../engine/adopt/scc-audit';
import { useClusterClient } from '../ClusterClientContext';
import { useTranslateMessage } from '../i18n/translate-message';

type AuditState = { audit?: ReleaseAudit; error?: string };

/** Reads the audit once per release shape (its workloads and accounts), not on every update. */
function useReleaseAudit(release: ChartRelease, namespace: string): AuditState {
  const client = useClusterClient();
  const [state, setState] = useState<AuditState>({});
  const key = JSON.stringify([namespace, release.release, release.workloads]);
  useEffect(() => {
    let live = true;
    setState({});
    readReleaseAudit(client, release, namespace).then(
      (audit) => live && setState({ audit }),
      (err: unknown) => live && setState({ error: String((err as Error)?.message ?? err) }),
    );
    return () => {
      live = false;
    };
    // The key stands for the release's shape; a new object with the same shape is the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return state;
}

const VERDICT_COLOR = { excess: 'orange', needed: 'green', unused: 'grey' } as const;

/** Which SCC grants reach the release, each compared with the least-privilege plan. */
export const SecurityExposure = ({
  release,
  namespace,
}: {
  release: ChartRelease;
  namespace: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const { audit, error } = useReleaseAudit(release, namespace);
  const kindOf = (g: SccGrantFound) =>
    ({
      ClusterRoleBinding: t('Cluster-wide ClusterRoleBinding'),
      'SCC users': t('Cluster-wide: SCC users list'),
      'SCC groups': t('Cluster-wide: SCC groups list'),
      RoleBinding: t('Namespaced RoleBinding'),
    })[g.via];
  const verdictOf = (g: SccGrantFound) =>
    ({
      excess: t('More than needed'),
      needed: t('As the plan needs'),
      unused: t('No workload uses it'),
    })[g.verdict];
  return (
    <Card data-test="security-exposure">
      <CardTitle component="h3">{t('Security exposure')}</CardTitle>
      <CardBody>
        <Content component="p">
          {t(
            'SecurityContextConstraints granted to the release’s service accounts, compared with what the least-privilege plan of a managed instance gives the same components.',
          )}
        </Content>
        {error && (
          <Alert
            isInline
            variant="danger"
            title={t('Could not audit the grants.')}
            data-test="audit-error"
          >
            {error}
          </Alert>
        )}
        {!audit && !error && <Spinner size="md" aria-label={t('Auditing the grants')} />}
        {audit && !audit.clusterRead && (
          <Alert
            isInline
            variant="info"
            title={t('The audit of cluster-wide grants needs a cluster reader.')}
            data-test="audit-needs-cluster-reader"
          >
            {t(
              'You may not list ClusterRoleBindings and SecurityContextConstraints, where grants made with oc adm policy add-scc-to-user live. Ask a cluster administrator, or someone with the cluster-reader role, to open this page.',
            )}
          </Alert>
        )}
        {audit && audit.grants.length === 0 && (audit.clusterRead || audit.namespaceRead) && (
          <Content component="p" data-test="audit-none">
            {audit.clusterRead
              ? t('No SCC grant reaches the release’s service accounts.')
              : t(
                  'No RoleBinding in this project grants an SCC to the release’s service accounts.',
                )}
          </Content>
        )}
        {audit && audit.grants.length > 0 && (
          <Table aria-label={t('SCC grants')} variant="compact" data-test="audit-grants">
            <Thead>
              <Tr>
                <Th>{t('Grant')}</Th>
                <Th>{t('Kind')}</Th>
                <Th>{t('Verdict')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {audit.grants.map((g) => (
                <Tr
                  key={`${g.via}/${g.object}/${g.serviceAccount}/${g.scc}`}
                  data-test={`audit-grant-${g.serviceAccount}-${g.scc}`}
                >
                  <Td dataLabel={t('Grant')} data-test="audit-sentence">
                    {say(g.message)}
                  </Td>
                  <Td dataLabel={t('Kind')} data-test="audit-kind">
                    {kindOf(g)}
                  </Td>
                  <Td dataLabel={t('Verdict')}>
                    <Label isCompact color={VERDICT_COLOR[g.verdict]} data-test="audit-verdict">
                      {verdictOf(g)}
                    </Label>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
};
