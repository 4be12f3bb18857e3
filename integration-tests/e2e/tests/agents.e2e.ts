import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';
import { until } from '../support/wait';

const VIEWPORT = { width: 1280, height: 800 };

type Workload = { metadata: { name: string }; status?: { readyReplicas?: number } };

describe('agents', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);

  it('adds the CPU agent preset, reviews it, deploys it and its glue becomes Ready', async () => {
    const ns = await namespaces.create('e2e-agents');
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.startDeploy();
    const wizard = clearml.wizard;
    const instance = await wizard.field('name').inputValue();

    await wizard.goToStep('agents');
    await wizard.addAgent('cpu');
    await wizard.agentCard(0).waitFor();
    expect(await wizard.field('agents.0.name').inputValue()).toBe('cpu');
    expect(await wizard.field('agents.0.queues').inputValue()).toBe('default');
    expect(await wizard.fieldError('agents.0.name').count()).toBe(0);
    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('wizard-agents');

    // The glue runs as root from /root: the security plan grants its ServiceAccount anyuid.
    await wizard.goToStep('security');
    await wizard.sccPlan().waitFor({ timeout: 30_000 });
    expect(await wizard.sccPlanRow(`${instance}-agent-cpu`).innerText()).toContain('anyuid');

    await wizard.goToStep('review');
    expect(await wizard.reviewSummaryItem('agents').innerText()).toBe(
      'cpu: queues default, at most 2 task pods at once',
    );
    await wizard.waitForDeployEnabled();
    expect(await wizard.reviewObject('Deployment', `${instance}-agent-cpu`).count()).toBe(1);
    await wizard.deploy();

    await clearml.progress.waitForDone(120_000);
    await clearml.status.waitForInstanceState('Ready', 180_000);
    const glue = `/apis/apps/v1/namespaces/${ns}/deployments/${instance}-agent-cpu`;
    await until(
      async () => ((await namespaces.admin.get<Workload>(glue)).status?.readyReplicas ?? 0) >= 1,
      { description: 'the agent glue Deployment to be Ready', timeoutMs: 120_000 },
    );
    await shell.screenshot('status-ready-with-agent');
    expect(await shell.errors()).toEqual([]);
  }, 360_000);
});
