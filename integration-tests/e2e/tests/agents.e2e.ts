import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';
import { taskPodFromTemplate } from '../../support/task-pod';
import { until } from '../support/wait';

const VIEWPORT = { width: 1280, height: 800 };
const TASK_POD = 'clearml-id-e2e0001';
const CLI_COMMAND =
  'clearml-task --project my-project --name my-task --script train.py --queue default';

type Workload = { metadata: { name: string }; status?: { readyReplicas?: number } };

/** A task pod as the glue makes it from the CPU agent's template, running until deleted. */
async function cpuTaskPod(
  admin: { get<T>(path: string): Promise<T> },
  namespace: string,
  instance: string,
) {
  const cm = await admin.get<{ data: Record<string, string> }>(
    `/api/v1/namespaces/${namespace}/configmaps/${instance}-agent-cpu-pod-template`,
  );
  return taskPodFromTemplate(cm.data['template.yaml'], {
    name: TASK_POD,
    namespace,
    script: 'sleep 3600',
  });
}

describe('agents', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);
  // Deployed by the first test, used by the next ones.
  let ns = '';
  let instance = '';

  it('adds the CPU agent preset, reviews it, deploys it and its glue becomes Ready', async () => {
    ns = await namespaces.create('e2e-agents');
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.startDeploy();
    const wizard = clearml.wizard;
    instance = await wizard.field('name').inputValue();

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

  it('shows the agent, its queue, state and task pods, and the commands to queue a task', async () => {
    expect(instance, 'the first test deployed the instance').not.toBe('');
    const shell = await shellAs('admin', VIEWPORT);
    await shell.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(e2e.consoleURL).origin,
    });
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, instance);
    const status = clearml.status;

    await status.agents().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => status.agentState('cpu').innerText(), { timeout: 60_000 })
      .toBe('Ready');
    expect(await status.agentQueues('cpu').innerText()).toBe('default');

    // A task pod like the glue starts: listed under the agent, Running once kwok starts it.
    const pod = await cpuTaskPod(namespaces.admin, ns, instance);
    const created = await namespaces.admin.request('POST', `/api/v1/namespaces/${ns}/pods`, pod);
    expect(created.status, created.body).toBe(201);
    await expect
      .poll(
        () =>
          status
            .taskPodPhase(TASK_POD)
            .innerText()
            .catch(() => ''),
        { timeout: 90_000 },
      )
      .toBe('Running');

    await status.nextSteps().waitFor();
    expect(await status.agentCommand('default').innerText()).toBe(CLI_COMMAND);
    expect(await status.agentPython('default').innerText()).toContain(
      'task.execute_remotely(queue_name="default")',
    );
    await status.agentCopyButton('default', 'cli').click();
    expect(await shell.page.evaluate(() => navigator.clipboard.readText())).toBe(CLI_COMMAND);
    await status.agentCopyButton('default', 'sdk').click();
    expect(await shell.page.evaluate(() => navigator.clipboard.readText())).toContain(
      'task.execute_remotely(queue_name="default")',
    );

    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await status.agents().scrollIntoViewIfNeeded();
    await shell.screenshot('status-agents');
    await status.agentPython('default').scrollIntoViewIfNeeded();
    await shell.screenshot('agent-commands');
    expect(await shell.errors()).toEqual([]);
  }, 240_000);

  it("uninstalls leaving the agents' task pod by default, and says so", async () => {
    expect(instance, 'the first test deployed the instance').not.toBe('');
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, instance);
    await clearml.status.uninstallButton().click();
    const dialog = clearml.uninstallDialog;
    await dialog.root().waitFor();
    await dialog.deleteTaskPods().waitFor();
    expect(await dialog.deleteTaskPods().isChecked()).toBe(false);
    expect(await dialog.root().innerText()).toContain("Also delete the agents' running task pods");
    await dialog.confirmName().fill(instance);
    const violations = await shell.accessibilityViolations('[data-test="uninstall-modal"]');
    expect(violations, formatViolations(violations)).toEqual([]);
    await dialog.confirmButton().click();

    await dialog.taskPodsLeft().waitFor({ timeout: 60_000 });
    expect(await dialog.taskPodsLeft().innerText()).toContain(
      `Left 1 task pod of the agents in ${ns} (${TASK_POD}).`,
    );
    expect(await dialog.taskPodsLeft().innerText()).toContain(
      `oc delete pod -n ${ns} -l clearml-console-plugin/agent-of=${instance}`,
    );
    const pods = await namespaces.admin.list<{ metadata: { name: string } }>(
      `/api/v1/namespaces/${ns}/pods`,
      `clearml-console-plugin/agent-of=${instance}`,
    );
    expect(pods.map((p) => p.metadata.name)).toEqual([TASK_POD]);
    await until(
      async () =>
        (await namespaces.admin.list(`/apis/apps/v1/namespaces/${ns}/deployments`)).length === 0,
      { description: 'the Deployments, agent glue included, to be deleted', timeoutMs: 60_000 },
    );
    expect(await shell.errors()).toEqual([]);
  }, 180_000);
});
