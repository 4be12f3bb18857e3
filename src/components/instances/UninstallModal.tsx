import {
  Alert,
  Button,
  Checkbox,
  Content,
  Form,
  FormGroup,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Spinner,
  TextInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { explainErrorMessage } from '../../engine/cluster/errors';
import { type Message, msg } from '../../engine/messages/message';
import { useTranslateMessage } from '../i18n/translate-message';
import { instanceSelector } from '../../engine/deploy/ownership';
import { agentsOf, uninstall, type UninstallResult } from '../../engine/deploy/uninstall';
import type { LivePvc } from '../../engine/status/types';
import { useClusterClient } from '../ClusterClientContext';

interface UninstallModalProps {
  namespace: string;
  instance: string;
  onClose: () => void;
  onDone?: (result: UninstallResult) => void;
}

/**
 * Type-to-confirm uninstall that keeps the volumes and credentials unless asked, and the task pods
 * the instance's agents started unless asked (then it says which pods it left).
 */
export const UninstallModal = ({ namespace, instance, onClose, onDone }: UninstallModalProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const say = useTranslateMessage();
  const client = useClusterClient();
  const [typed, setTyped] = useState('');
  const [deleteData, setDeleteData] = useState(false);
  const [deleteTaskPods, setDeleteTaskPods] = useState(false);
  const [hasAgents, setHasAgents] = useState(false);
  const [pvcs, setPvcs] = useState<LivePvc[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message>();
  const [result, setResult] = useState<UninstallResult>();

  useEffect(() => {
    let live = true;
    client
      .list('v1', 'PersistentVolumeClaim', {
        namespace,
        labelSelector: instanceSelector(instance),
      })
      .then((items) => live && setPvcs(items as unknown as LivePvc[]))
      .catch(
        (err: unknown) =>
          live && setError(explainErrorMessage(err, msg('uninstall.what.listVolumes'))),
      );
    // Without this read the choice is not offered; the uninstall still reports pods it left.
    agentsOf(client, namespace, instance)
      .then((found) => live && setHasAgents(found.agents > 0 || found.taskPods > 0))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, namespace, instance]);

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await uninstall({
        client,
        namespace,
        instance,
        deleteData,
        deleteTaskPods: hasAgents && deleteTaskPods,
      });
      setResult(r);
      if (!r.problems.length) onDone?.(r);
    } catch (err) {
      setError(explainErrorMessage(err, msg('uninstall.what.uninstall', { instance })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onClose}
      aria-labelledby="uninstall-title"
      data-test="uninstall-modal"
    >
      <ModalHeader
        title={t('Uninstall {{name}}?', { name: instance })}
        titleIconVariant="warning"
        labelId="uninstall-title"
      />
      <ModalBody>
        <Form onSubmit={(e) => e.preventDefault()}>
          <Content component="p">
            {t(
              'This deletes the workloads, Services, Routes, service accounts and security grants of {{name}} in project {{namespace}}.',
              { name: instance, namespace },
            )}
          </Content>
          <FormGroup label={t('Volumes')} fieldId="uninstall-volumes">
            {!pvcs && !error && <Spinner size="md" aria-label={t('Loading volumes')} />}
            {pvcs && !pvcs.length && <Content component="p">{t('No volumes.')}</Content>}
            {pvcs && pvcs.length > 0 && (
              <List data-test="uninstall-pvcs">
                {pvcs.map((p) => (
                  <ListItem key={p.metadata.name}>
                    {t('{{name}} ({{size}})', {
                      name: p.metadata.name,
                      size:
                        p.status?.capacity?.storage ?? p.spec?.resources?.requests?.storage ?? '?',
                    })}
                  </ListItem>
                ))}
              </List>
            )}
          </FormGroup>
          <Checkbox
            id="uninstall-delete-data"
            data-test="uninstall-delete-data"
            isChecked={deleteData}
            onChange={(_e, v) => setDeleteData(v)}
            label={t('Also delete the data: the volumes above and the credentials Secret')}
            description={
              deleteData
                ? t('The experiments, models and files of this instance are lost for good.')
                : t('Kept by default: deploying {{name}} again finds its data.', { name: instance })
            }
          />
          {hasAgents && (
            <Checkbox
              id="uninstall-delete-task-pods"
              data-test="uninstall-delete-task-pods"
              isChecked={deleteTaskPods}
              onChange={(_e, v) => setDeleteTaskPods(v)}
              label={t("Also delete the agents' running task pods")}
              description={
                deleteTaskPods
                  ? t('The tasks they run stop now, after the agents are gone.')
                  : t(
                      'Kept by default: they belong to the agents, not to {{name}}, and finish their tasks.',
                      { name: instance },
                    )
              }
            />
          )}
          <FormGroup
            label={t('Type {{name}} to confirm', { name: instance })}
            fieldId="uninstall-confirm-name"
          >
            <TextInput
              id="uninstall-confirm-name"
              data-test="uninstall-confirm-name"
              value={typed}
              onChange={(_e, v) => setTyped(v)}
              autoFocus
            />
          </FormGroup>
          {error && (
            <Alert isInline variant="danger" title={say(error)} data-test="uninstall-error" />
          )}
          {result && (
            <Alert
              isInline
              variant={result.problems.length ? 'danger' : 'success'}
              data-test="uninstall-result"
              title={t('{{deleted}} objects deleted, {{kept}} kept.', {
                deleted: result.deleted.length,
                kept: result.kept.length,
              })}
            >
              {result.problems.map((p) => (
                <div key={`${p.ref.kind}/${p.ref.name}`}>{p.i18n ? say(p.i18n) : p.message}</div>
              ))}
            </Alert>
          )}
          {result?.taskPodsNote && (
            <Alert
              isInline
              variant="warning"
              // The engine's note names the CLI's flag; the page names its own checkbox.
              title={say({ ...result.taskPodsNote, id: 'uninstall.taskPodsLeftPage' })}
              data-test="uninstall-task-pods-left"
            />
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          variant="danger"
          onClick={() => void confirm()}
          isDisabled={typed !== instance || busy || (!!result && !result.problems.length)}
          isLoading={busy}
          data-test="uninstall-confirm"
        >
          {deleteData ? t('Uninstall and delete data') : t('Uninstall')}
        </Button>
        <Button variant="link" onClick={onClose} data-test="uninstall-cancel">
          {result ? t('Close') : t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
