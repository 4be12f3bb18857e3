import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';

const INSTANCE = 'clearml';
const VIEWPORT = { width: 1280, height: 800 };
const FAULT_LABEL = 'kwok.clearml.test/fault';
const MISSING_IMAGE = 'registry.example.com/missing/clearml:0';

type Deployment = {
  metadata: { name: string };
  spec: { template: { spec: { containers: { name: string; image: string }[] } } };
};

describe('a component that cannot start', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);

  it('names the component, the reason and the image when the image cannot be pulled', async () => {
    const ns = await namespaces.create('e2e-fail');
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.startDeploy();
    await clearml.wizard.goToStep('review');
    await clearml.wizard.deploy();
    await clearml.progress.waitForDone();
    const status = clearml.status;
    await status.waitForComponentState('apiserver', 'Ready');

    // Break the API server: a new pod template with an image that does not exist.
    const admin = namespaces.admin;
    const path = `/apis/apps/v1/namespaces/${ns}/deployments/${INSTANCE}-apiserver`;
    const deployment = await admin.get<Deployment>(path);
    const container = deployment.spec.template.spec.containers[0].name;
    await admin.patch(path, {
      spec: {
        template: {
          metadata: { labels: { [FAULT_LABEL]: 'image-pull' } },
          spec: { containers: [{ name: container, image: MISSING_IMAGE }] },
        },
      },
    });

    await status.waitForComponentReason('apiserver', /Cannot pull image/);
    const reason = await status.rowReason('apiserver').innerText();
    expect(reason).toContain(`Cannot pull image ${MISSING_IMAGE}`);
    expect(reason).toContain(`container ${container}`);
    expect(await status.rowState('apiserver').innerText()).not.toBe('Ready');
    expect(await status.instanceState().innerText()).not.toBe('Ready');

    await status.row('apiserver').scrollIntoViewIfNeeded();
    await shell.screenshot('status-failed');

    await status.selectComponent('apiserver');
    // The graph narrows for the details panel and still shows every component.
    await expect.poll(() => status.nodesOutsideGraph(), { timeout: 10_000 }).toEqual([]);
    const details = status.details('apiserver');
    expect(await details.innerText()).toContain('API server');
    expect(await status.detailsReason('apiserver').innerText()).toContain(MISSING_IMAGE);
    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('status-failed-details');
    expect(await shell.errors()).toEqual([]);
  });
});
