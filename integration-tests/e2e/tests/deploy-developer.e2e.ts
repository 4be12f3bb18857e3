import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';
import { useScratchNamespaces } from '../support/namespaces';

const VIEWPORT = { width: 1280, height: 800 };

describe('deploy as a project administrator', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);

  it('hands the SCC grants to a cluster administrator, waits for them and then finishes', async () => {
    // `developer` holds the `admin` ClusterRole here only, like an OpenShift project admin.
    const ns = await namespaces.create('e2e-dev', { developer: 'admin' });
    const shell = await shellAs('developer', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.startDeploy();
    const wizard = clearml.wizard;
    expect(await wizard.namespace()).toBe(ns);

    await wizard.goToStep('security');
    await wizard.handoff().waitFor({ timeout: 30_000 });
    expect(await wizard.handoff().innerText()).toMatch(/may not grant these security context/i);
    const yaml = await wizard.handoffYaml().innerText();
    expect(yaml).toContain('kind: RoleBinding');
    expect(yaml).toMatch(/name: system:openshift:scc:/);
    expect(yaml).toContain(`namespace: ${ns}`);
    expect(await wizard.handoffPolicyCommandsText()).toMatch(
      new RegExp(`oc adm policy add-scc-to-user \\S+ -z \\S+ -n ${ns}`),
    );
    expect(await wizard.waitForAdmin().first().isChecked()).toBe(true);
    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await wizard.handoff().scrollIntoViewIfNeeded();
    await shell.screenshot('wizard-5-security-handoff');

    await wizard.setWaitForAdmin(true);
    await wizard.goToStep('review');
    await wizard.deploy();

    const progress = clearml.progress;
    await progress.waitingForAdmin().waitFor({ timeout: 60_000 });
    expect(await progress.handoff().isVisible()).toBe(true);
    await shell.screenshot('deploy-waiting-for-admin');

    // The cluster administrator applies the hand-off YAML (`oc apply -f`).
    const applied = await namespaces.admin.applyYaml(yaml, ns);
    expect(applied.every((o) => o.kind === 'RoleBinding')).toBe(true);

    await progress.waitForDone(90_000);
    await clearml.status.waitForInstanceState('Ready');
    await shell.screenshot('status-ready-developer');
    expect(await shell.errors()).toEqual([]);
  });
});
