import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  TextInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainError } from '../../engine/cluster/errors';
import { isReservedNamespace } from '../../engine/values/limits';
import { useDeployableProjects } from '../../hooks/usePageAccess';
import { GVK } from '../../hooks/watch-specs';
import { useClusterClient } from '../ClusterClientContext';
import { FieldError, fieldId, TextField } from './fields';
import type { WizardForm } from './useWizardForm';

interface Named {
  metadata: { name: string };
}

/** Whether the user may create a project: ProjectRequest served and allowed. */
function useCanRequestProject(): boolean {
  const client = useClusterClient();
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const served = await client.serves('project.openshift.io/v1', 'ProjectRequest');
        const review = served
          ? await client.canI({
              group: 'project.openshift.io',
              resource: 'projectrequests',
              verb: 'create',
            })
          : { allowed: false };
        if (live) setAllowed(review.allowed);
      } catch {
        if (live) setAllowed(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [client]);
  return allowed;
}

const CreateProject = ({ onCreated }: { onCreated: (name: string) => void }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const client = useClusterClient();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await client.create({
        apiVersion: 'project.openshift.io/v1',
        kind: 'ProjectRequest',
        metadata: { name },
      });
      onCreated(name);
      setName('');
    } catch (err) {
      setError(explainError(err, `create project ${name}`));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormGroup label={t('New project')} fieldId="new-project-name">
      <InputGroup>
        <InputGroupItem isFill>
          <TextInput
            id="new-project-name"
            data-test="new-project-name"
            value={name}
            onChange={(_e, v) => setName(v)}
          />
        </InputGroupItem>
        <InputGroupItem>
          <Button
            variant="secondary"
            data-test="create-project"
            isDisabled={!name || busy}
            isLoading={busy}
            onClick={() => void create()}
          >
            {t('Create project')}
          </Button>
        </InputGroupItem>
      </InputGroup>
      {error && (
        <Alert isInline isPlain variant="danger" title={error} data-test="create-project-error" />
      )}
    </FormGroup>
  );
};

export const GeneralStep = ({ form, isUpgrade }: { form: WizardForm; isUpgrade: boolean }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [projects, loaded, loadError] = useK8sWatchResource<Named[]>({
    groupVersionKind: GVK.project,
    isList: true,
  });
  const canCreate = useCanRequestProject();
  const [created, setCreated] = useState<string[]>([]);
  const namespace = String(form.get('namespace') ?? '');
  // The cluster's own projects (default, openshift-*, kube-*) are not offered, nor projects the
  // user may not deploy to; a reserved namespace that arrives from the active project stays
  // visible with its field message.
  const deployable = useDeployableProjects(
    (projects ?? []).map((p) => p.metadata.name).filter((n) => !isReservedNamespace(n)),
  );
  const names = [...new Set([...deployable, ...created, namespace])].filter(Boolean).sort();
  const pick = loaded && !loadError && !isUpgrade;
  return (
    <Form onSubmit={(e) => e.preventDefault()}>
      <TextField
        form={form}
        path="name"
        label={t('Instance name')}
        isRequired
        isDisabled={isUpgrade}
        helper={t('Every object is named after the instance, e.g. {{name}}-apiserver.', {
          name: String(form.get('name') ?? 'clearml'),
        })}
      />
      <FormGroup label={t('Project')} fieldId={fieldId('namespace')} isRequired>
        {pick ? (
          <FormSelect
            id={fieldId('namespace')}
            data-test={fieldId('namespace')}
            value={namespace}
            onChange={(_e, v) => form.set('namespace', v)}
            validated={form.errors.namespace ? 'error' : 'default'}
          >
            {!namespace && (
              <FormSelectOption value="" label={t('Select a project')} isPlaceholder />
            )}
            {names.map((n) => (
              <FormSelectOption key={n} value={n} label={n} />
            ))}
          </FormSelect>
        ) : (
          <TextInput
            id={fieldId('namespace')}
            data-test={fieldId('namespace')}
            value={namespace}
            isDisabled={isUpgrade}
            validated={form.errors.namespace ? 'error' : 'default'}
            onChange={(_e, v) => form.set('namespace', v)}
          />
        )}
        <FieldError form={form} path="namespace" />
        {!namespace && (
          <HelperText>
            <HelperTextItem variant="error" data-test="field-namespace-required">
              {t('Choose the project to deploy to.')}
            </HelperTextItem>
          </HelperText>
        )}
      </FormGroup>
      {canCreate && !isUpgrade && (
        <CreateProject
          onCreated={(name) => {
            setCreated((c) => [...c, name]);
            form.set('namespace', name);
          }}
        />
      )}
    </Form>
  );
};
