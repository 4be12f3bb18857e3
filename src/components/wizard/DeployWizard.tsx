import {
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Wizard,
  WizardHeader,
  WizardStep,
} from '@patternfly/react-core';
import type { WizardFooterProps, WizardNavItemType } from '@patternfly/react-core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../compat/console-api';
import type { ClearMLValues, K8sObject } from '../../engine';
import { useDryRun } from '../../hooks/useDryRun';
import { usePlanCheck } from '../../hooks/usePlanCheck';
import { type FormInput, issuesUnder } from '../model/form-values';
import { parseValuesYaml, valuesToYaml, type YamlProblem } from '../model/values-yaml';
import { AgentsStep } from './agents/AgentsStep';
import { CredentialsStep } from './CredentialsStep';
import { type EditorMode, EditorToggle } from './EditorToggle';
import { GeneralStep } from './GeneralStep';
import { NetworkStep } from './NetworkStep';
import { ReviewStep } from './ReviewStep';
import { SecurityStep } from './SecurityStep';
import { SizeStep } from './SizeStep';
import { StorageStep } from './StorageStep';
import { UpgradeDiff } from './UpgradeDiff';
import { useWizardForm } from './useWizardForm';
import { ValuesYamlStep } from './ValuesYamlStep';
import './deploy-wizard.css';
import { clearDraft, loadDraft, saveDraft } from './wizard-draft';

export interface DeployRequest {
  values: ClearMLValues;
  waitForAdmin: boolean;
  objects: K8sObject[];
}

interface DeployWizardProps {
  initial: FormInput;
  isUpgrade: boolean;
  onDeploy: (request: DeployRequest) => void;
  onCancel: () => void;
  /** Where the unfinished input is kept across reloads (sessionStorage, never secrets). */
  draftKey?: string;
  /** Opens at this step: `review` deploys the defaults after the review and its dry run. */
  startAt?: 'review';
}

const STEPS = [
  'yaml',
  'general',
  'size',
  'storage',
  'network',
  'agents',
  'security',
  'credentials',
  'review',
];
const FORM_STEPS = STEPS.filter((s) => s !== 'yaml' && s !== 'review');

const STEP_FIELDS: Record<string, string[]> = {
  general: ['name', 'namespace'],
  size: ['resources', 'components'],
  storage: ['storage'],
  network: ['exposure'],
  agents: ['agents'],
  security: ['security'],
  credentials: ['credentials', 'login'],
};

const nav = (id: string) => ({ 'data-test': `wizard-step-${id}` }) as unknown as WizardNavItemType;
const footer = (extra: Partial<WizardFooterProps> = {}): Partial<WizardFooterProps> => ({
  ...extra,
  nextButtonProps: {
    'data-test': extra.nextButtonText ? 'deploy-button' : 'wizard-next',
  } as WizardFooterProps['nextButtonProps'],
  backButtonProps: { 'data-test': 'wizard-back' } as WizardFooterProps['backButtonProps'],
  cancelButtonProps: { 'data-test': 'wizard-cancel' } as WizardFooterProps['cancelButtonProps'],
});

/** Moves focus to the first field of the step shown, so a keyboard user starts there. */
function focusFirstField(root: HTMLElement | null) {
  const body = root?.querySelector('.pf-v6-c-wizard__main-body') ?? root;
  const field = body?.querySelector<HTMLElement>(
    'input:not([disabled]), select:not([disabled]), textarea:not([disabled])',
  );
  (field ?? root)?.focus();
}

export const DeployWizard = ({
  initial,
  isUpgrade,
  onDeploy,
  onCancel,
  draftKey,
  startAt,
}: DeployWizardProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [draft] = useState(() => (draftKey ? loadDraft(draftKey) : undefined));
  const [start] = useState(() => JSON.stringify(initial));
  const form = useWizardForm(draft?.input ?? initial);
  const [step, setStep] = useState<string>(
    draft && FORM_STEPS.concat('review').includes(draft.step) ? draft.step : (startAt ?? 'general'),
  );
  const [leaving, setLeaving] = useState(false);
  // Upgrade only: the values as YAML, kept in step with the form (every parsed edit updates it).
  const [mode, setMode] = useState<EditorMode>('form');
  const [yaml, setYaml] = useState('');
  const [yamlProblems, setYamlProblems] = useState<YamlProblem[]>([]);
  const [yamlBroken, setYamlBroken] = useState(false);
  const switchMode = (next: EditorMode) => {
    if (next === mode) return;
    if (next === 'yaml') {
      setYaml(valuesToYaml(form.input));
      setYamlProblems([]);
      setYamlBroken(false);
      setStep('yaml');
    } else {
      setStep(step === 'review' ? 'review' : 'general');
    }
    setMode(next);
  };
  const editYaml = (text: string) => {
    setYaml(text);
    const edit = parseValuesYaml(text, form.input);
    setYamlBroken(!edit.ok);
    setYamlProblems(edit.problems);
    if (edit.ok) form.update(() => edit.input);
  };
  const root = useRef<HTMLDivElement>(null);
  const dirty = JSON.stringify(form.input) !== start;

  useEffect(() => focusFirstField(root.current), []);
  useEffect(() => {
    if (draftKey) saveDraft(draftKey, { input: form.input, step });
  }, [draftKey, form.input, step]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const leave = () => {
    if (draftKey) clearDraft(draftKey);
    onCancel();
  };
  const close = () => (dirty ? setLeaving(true) : leave());
  const [waitForAdmin, setWaitForAdmin] = useState(true);
  const checking = step === 'security' || step === 'review';
  const check = usePlanCheck(form.values, checking);
  const dryRun = useDryRun(check, step === 'review' && !!form.values);

  // The engine defaults the project to the instance name; the wizard wants it chosen.
  const noProject = !form.get('namespace');
  const blocked: string | undefined = !form.values
    ? t('Deploy is disabled: some values are invalid.')
    : noProject
      ? t('Deploy is disabled: choose the project to deploy to.')
      : check.loading || !check.report
        ? t('Deploy is disabled until the preflight checks finish.')
        : !check.report.canDeploy
          ? t('Deploy is disabled: preflight found blocking problems. Fix them, then check again.')
          : dryRun.running || !dryRun.done
            ? t('Deploy is disabled until the server dry run finishes.')
            : dryRun.rows.some((r) => r.state === 'failed')
              ? t('Deploy is disabled: the server rejected some objects in the dry run.')
              : undefined;

  const status = (id: string) =>
    issuesUnder(form.issues, STEP_FIELDS[id] ?? []).length || (id === 'general' && noProject)
      ? 'error'
      : 'default';
  const names: Record<string, ReactNode> = {
    general: t('General'),
    size: t('Size'),
    storage: t('Storage'),
    network: t('Network'),
    agents: t('Agents'),
    security: t('Security'),
    credentials: t('Credentials'),
    review: t('Review'),
    yaml: t('Values (YAML)'),
  };
  const stepProps = (id: string) => ({
    id,
    name: names[id],
    isHidden: mode === 'yaml' ? FORM_STEPS.includes(id) : id === 'yaml',
    navItem: nav(id),
    status: status(id) as 'error' | 'default',
    // Each step validates its own fields: Next stays disabled while one of them is invalid.
    footer: footer({ isNextDisabled: status(id) === 'error' }),
  });

  return (
    <div ref={root} tabIndex={-1}>
      {isUpgrade && <EditorToggle mode={mode} onChange={switchMode} />}
      <Wizard
        key={mode}
        data-test="deploy-wizard"
        className="clearml-deploy-wizard"
        header={
          <WizardHeader
            title={isUpgrade ? t('Upgrade ClearML') : t('Deploy ClearML')}
            description={t(
              'Choose the size, storage, network, agents and security of the ClearML server; every choice is checked against the cluster before anything is written.',
            )}
            closeButtonAriaLabel={t('Close the wizard')}
            onClose={close}
          />
        }
        onClose={close}
        startIndex={STEPS.indexOf(step) + 1}
        onStepChange={(_e, current) => setStep(String(current.id))}
        onSave={() => {
          if (!blocked && form.values && check.objects) {
            if (draftKey) clearDraft(draftKey);
            onDeploy({ values: form.values, waitForAdmin, objects: check.objects });
          }
        }}
      >
        <WizardStep
          {...stepProps('yaml')}
          footer={footer({ isNextDisabled: yamlBroken || yamlProblems.length > 0 })}
        >
          <ValuesYamlStep text={yaml} problems={yamlProblems} onChange={editYaml} />
        </WizardStep>
        <WizardStep {...stepProps('general')}>
          <GeneralStep form={form} isUpgrade={isUpgrade} />
        </WizardStep>
        <WizardStep {...stepProps('size')}>
          <SizeStep form={form} />
        </WizardStep>
        <WizardStep {...stepProps('storage')}>
          <StorageStep form={form} />
        </WizardStep>
        <WizardStep {...stepProps('network')}>
          <NetworkStep form={form} />
        </WizardStep>
        <WizardStep {...stepProps('agents')}>
          <AgentsStep form={form} />
        </WizardStep>
        <WizardStep {...stepProps('security')}>
          <SecurityStep
            form={form}
            check={check}
            waitForAdmin={waitForAdmin}
            onWaitForAdmin={setWaitForAdmin}
          />
        </WizardStep>
        <WizardStep {...stepProps('credentials')}>
          <CredentialsStep form={form} isUpgrade={isUpgrade} />
        </WizardStep>
        <WizardStep
          {...stepProps('review')}
          footer={footer({
            nextButtonText: isUpgrade ? t('Upgrade') : t('Deploy'),
            isNextDisabled: !!blocked,
          })}
        >
          <ReviewStep form={form} check={check} dryRun={dryRun} blocked={blocked} />
          {isUpgrade && <UpgradeDiff check={check} dryRun={dryRun} />}
        </WizardStep>
      </Wizard>
      <Modal
        variant="small"
        isOpen={leaving}
        onClose={() => setLeaving(false)}
        aria-labelledby="leave-wizard-title"
        data-test="leave-wizard"
      >
        <ModalHeader title={t('Leave the wizard?')} labelId="leave-wizard-title" />
        <ModalBody>{t('The values you changed will be lost.')}</ModalBody>
        <ModalFooter>
          <Button variant="danger" onClick={leave} data-test="leave-wizard-confirm">
            {t('Leave')}
          </Button>
          <Button variant="link" onClick={() => setLeaving(false)} data-test="leave-wizard-stay">
            {t('Stay')}
          </Button>
        </ModalFooter>
      </Modal>
    </div>
  );
};
