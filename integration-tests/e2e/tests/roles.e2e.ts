/**
 * The page for each role, in one project: a cluster administrator deploys (the defaults path),
 * a viewer watches that instance without any action, and a project administrator who cannot
 * grant SCCs keeps Deploy and is shown the hand-off. The full hand-off round trip is in
 * deploy-developer.e2e.ts; every wizard step is walked in deploy-admin.e2e.ts.
 */
import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';
import { describedBy, inViewport, isDisabled } from '../support/gated';
import { useScratchNamespaces } from '../support/namespaces';

const INSTANCE = 'clearml';
const VIEWPORT = { width: 1280, height: 800 };

describe('each role on the ClearML page', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);
  let ns = '';

  beforeAll(async () => {
    ns = await namespaces.create('e2e-roles', { developer: 'admin', viewer: 'view' });
  });

  it('a cluster administrator deploys with defaults; every row says Created, the Route hosts are their own step', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.deployDefaultsButton().click();
    const wizard = clearml.wizard;
    await wizard.waitForDeployEnabled();
    // Summary first: what goes where, and Deploy, without scrolling past the objects.
    expect(await wizard.reviewSummaryItem('instance').innerText()).toBe(INSTANCE);
    expect(await wizard.reviewSummaryItem('project').innerText()).toBe(ns);
    expect(await wizard.reviewSummaryItem('security').innerText()).toMatch(
      /^Granted by this deploy in the project: anyuid for 3 service accounts\.$/,
    );
    expect(await inViewport(wizard.reviewSummary(), VIEWPORT)).toBe(true);
    expect(await inViewport(wizard.deployButton(), VIEWPORT)).toBe(true);
    expect(await wizard.handoff().count()).toBe(0);

    await wizard.deploy();
    const progress = clearml.progress;
    await progress.waitForDone();
    await shell.screenshot('roles-admin-deploy-done');

    // Writing the servers with the Route hosts is a step of its own, with what it did.
    expect(await progress.phase('route-hosts').innerText()).toMatch(/The Routes have their hosts/);
    const rows = await progress.rows();
    // A fresh project: every object was created by this run, including the ones written with
    // the Route hosts; none of them reads "Updated".
    expect(rows.filter((r) => r.state !== 'Created')).toEqual([]);
    expect(rows.filter((r) => r.routeHosts).length).toBeGreaterThan(0);
    // The counts agree with the rows.
    const done = await progress.done().innerText();
    expect(done).toContain(`${rows.length} of ${rows.length} objects written`);
    expect(await progress.counts().innerText()).toBe(
      `${rows.length} created, 0 updated, 0 unchanged, 0 left to an administrator.`,
    );
    await clearml.status.waitForInstanceState('Ready');
    expect(await shell.errors()).toEqual([]);
  });

  it('the status graph at 1280×800: readable labels, the control bar, the ring legend, no "N of M" above M', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, INSTANCE);
    const status = clearml.status;
    await status.graph().waitFor({ timeout: 60_000 });
    await status.waitForInstanceState('Ready');
    await expect.poll(() => status.nodesOutsideGraph(), { timeout: 10_000 }).toEqual([]);

    // Default zoom: every node's name is drawn at 11 CSS pixels or more.
    const sizes = await status.labelFontSizes();
    expect(Object.keys(sizes).length).toBeGreaterThanOrEqual(7);
    for (const [component, px] of Object.entries(sizes)) {
      expect(px, `label of ${component}`).toBeGreaterThanOrEqual(11);
    }
    for (const name of ['Zoom in', 'Zoom out', 'Fit to screen', 'Reset view']) {
      expect(await status.controlButton(name).isVisible(), name).toBe(true);
    }
    // Zoom in makes the labels larger; Reset view brings them back to readable.
    const before = sizes.apiserver;
    await status.controlButton('Zoom in').click();
    await expect
      .poll(async () => (await status.labelFontSizes()).apiserver)
      .toBeGreaterThan(before);
    await status.controlButton('Reset view').click();
    await expect
      .poll(async () => (await status.labelFontSizes()).apiserver)
      .toBeGreaterThanOrEqual(11);

    expect(await status.ringLegend().isVisible()).toBe(true);
    expect(await status.ringLegend().innerText()).toMatch(
      /Ready[\s\S]*Running, not ready yet[\s\S]*Pending[\s\S]*Failing/,
    );
    const counts = await status.readyCounts();
    expect(counts.length).toBeGreaterThan(0);
    for (const text of counts) {
      const [, ready, desired] = /(\d+) of (\d+)/.exec(text) ?? [];
      expect(Number(ready), text).toBeLessThanOrEqual(Number(desired));
    }
    await shell.screenshot('roles-status-graph-1280x800');
    expect(await shell.errors()).toEqual([]);
  });

  it('a viewer is told at once that they cannot deploy, and every action is disabled with the missing right', async () => {
    const shell = await shellAs('viewer', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);

    // On page load, before any click: the notice and a disabled Deploy that says why.
    const notice = clearml.deployNotAllowed();
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`You cannot deploy ClearML in project ${ns}.`);
    expect(await notice.innerText()).toMatch(
      /ask a project administrator for the edit or admin role/,
    );
    for (const button of [clearml.deployButton(), clearml.deployDefaultsButton()]) {
      await expect.poll(() => describedBy(button)).toMatch(/you lack the right to create/);
      expect(await isDisabled(button)).toBe(true);
    }
    await clearml.deployButton().hover();
    const tooltip = shell.page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(
      new RegExp(`You cannot deploy in project ${ns}: you lack the right to create`),
    );
    await clearml.deployButton().click({ force: true });
    expect(await clearml.wizard.root().count()).toBe(0);

    // The instance's row menu: Upgrade and Uninstall disabled, each naming its right.
    await clearml.instanceRow(INSTANCE).waitFor();
    const items = await clearml.openRowMenu(INSTANCE);
    const upgradeItem = items.filter({ hasText: 'Upgrade' });
    const uninstallItem = items.filter({ hasText: 'Uninstall' });
    expect(await upgradeItem.getAttribute('aria-disabled')).toBe('true');
    expect(await upgradeItem.innerText()).toMatch(/you lack the right to patch/);
    expect(await uninstallItem.getAttribute('aria-disabled')).toBe('true');
    expect(await uninstallItem.innerText()).toMatch(/you lack the right to delete/);
    await shell.page.keyboard.press('Escape');

    // The instance: status and next steps, but no Upgrade, Uninstall or credentials.
    await clearml.openInstance(ns, INSTANCE);
    const status = clearml.status;
    await status.waitForInstanceState('Ready');
    expect(await status.rowState('apiserver').innerText()).toBe('Ready');
    await status.nextSteps().waitFor();
    expect(await status.nextSteps().innerText()).toContain('Add this to ~/clearml.conf');
    const rights: [ReturnType<typeof status.upgradeButton>, RegExp][] = [
      [status.upgradeButton(), /You cannot upgrade in project .*: you lack the right to patch/],
      [
        status.uninstallButton(),
        /You cannot uninstall in project .*: you lack the right to delete/,
      ],
      [
        status.showCredentialsButton(),
        new RegExp(
          `You cannot read the credentials: you lack the right to get secrets in project ${ns}`,
        ),
      ],
    ];
    for (const [button, why] of rights) {
      await expect.poll(() => describedBy(button)).toMatch(why);
      expect(await isDisabled(button)).toBe(true);
    }
    await status.uninstallButton().click({ force: true });
    expect(await clearml.uninstallDialog.root().count()).toBe(0);
    await status.showCredentialsButton().click({ force: true });
    expect(await status.loginPassword().innerText()).not.toMatch(/[A-Za-z0-9]{8,}/);

    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('roles-viewer-status');
    expect(await shell.errors()).toEqual([]);
  });

  it('a project administrator who cannot grant SCCs keeps Deploy and is shown the hand-off', async () => {
    const shell = await shellAs('developer', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await expect.poll(() => describedBy(clearml.deployButton())).toBe('');
    expect(await isDisabled(clearml.deployButton())).toBe(false);
    expect(await clearml.deployNotAllowed().count()).toBe(0);

    await clearml.startDeploy();
    const wizard = clearml.wizard;
    await wizard.fill('name', 'second');
    await wizard.goToStep('security');
    await wizard.handoff().waitFor({ timeout: 30_000 });
    expect(await wizard.handoff().innerText()).toMatch(/may not grant these security context/i);

    // A project admin may not list StorageClasses: that is information, not a success.
    const storage = wizard
      .findings('info')
      .filter({ hasText: /Could not read the cluster's StorageClasses/ });
    await storage.waitFor();
    expect(await storage.locator('[data-test="finding-severity"]').innerText()).toBe('Info:');
    expect(await storage.locator('.pf-v6-c-icon__content.pf-m-info').count()).toBe(1);
    expect(await storage.locator('.pf-m-success').count()).toBe(0);

    await wizard.goToStep('review');
    await wizard.waitForDeployEnabled();
    expect(await wizard.reviewSummaryItem('security').innerText()).toMatch(
      /^An administrator must grant anyuid for 3 service accounts; the hand-off is below\.$/,
    );
    expect(await inViewport(wizard.deployButton(), VIEWPORT)).toBe(true);
    await shell.screenshot('roles-developer-review');
    expect(await shell.errors()).toEqual([]);
  });
});
