import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormSelect,
  FormHelperText,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  TextInput,
} from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import { explainErrorMessage } from '../../engine/cluster/errors';
import { useTranslateMessage } from '../i18n/translate-message';
import { isReservedNamespace } from '../../engine/values/limits';
import {
  DEFAULT_SERVER_VERSION,
  SERVER_VERSIONS,
  type ServerVersion,
} from '../../engine/values/images';
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
  const say = useTranslateMessage();
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
      setError(say(explainErrorMessage(err, t('create project {{name}}', { name }))));
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

/** The ClearML server release; the images of the data stores follow it. */
const ServerVersionField = ({ form, isUpgrade }: { form: WizardForm; isUpgrade: boolean }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [installed] = useState(() => String(form.get('server.version') ?? DEFAULT_SERVER_VERSION));
  const version = String(form.get('server.version') ?? DEFAULT_SERVER_VERSION);
  const labels: Record<ServerVersion, string> = {
    '2.3': t('2.3 (current release: MongoDB 7.0, Elasticsearch 8.17, Redis 7.4)'),
    '2.0': t('2.0 (as the Helm chart 7.14: MongoDB 6.0, Elasticsearch 7.17, Redis 7.4)'),
  };
  const id = fieldId('server.version');
  return (
    <FormGroup label={t('ClearML server version')} fieldId={id} isRequired>
      <FormSelect
        id={id}
        data-test={id}
        value={version}
        onChange={(_e, v) => form.set('server.version', v)}
        validated={form.errors['server.version'] ? 'error' : 'default'}
      >
        {[...SERVER_VERSIONS].reverse().map((v) => (
          <FormSelectOption key={v} value={v} label={labels[v]} />
        ))}
      </FormSelect>
      <FieldError form={form} path="server.version" />
      {isUpgrade && version !== installed && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem data-test="server-version-upgrade">
              {t(
                'Installed: {{installed}}. Volumes and credentials are kept; an upgrade cannot be undone, and the review says what happens to the data.',
                { installed },
              )}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
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
      <ServerVersionField form={form} isUpgrade={isUpgrade} />
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
