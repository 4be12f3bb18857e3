import { ClearMLPage } from '../pages/ClearMLPage';
import { WIZARD_STEPS } from '../pages/DeployWizardPage';
import { useConsole } from '../support/fixtures';
import { inViewport } from '../support/gated';
import { useScratchNamespaces } from '../support/namespaces';
import { until } from '../support/wait';

describe('the ClearML page in the console frame', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);

  it('has the project bar, in step with the URL both ways', async () => {
    const shell = await shellAs('admin');
    const clearml = new ClearMLPage(shell);
    await clearml.openFromNav(e2e.namespace);
    const toggle = shell.namespaceBar().locator('.co-namespace-dropdown__menu-toggle');
    await expect.poll(() => toggle.innerText()).toMatch(new RegExp(`: ${e2e.namespace}$`));

    // Bar → URL: all projects.
    await shell.selectNamespace('#ALL_NS#');
    await shell.page.waitForURL((u) => u.pathname.endsWith('/clearml/all-namespaces'));
    // The URL changes first; the bar follows on the next render.
    await expect.poll(() => toggle.innerText()).toMatch(/All (Projects|Namespaces)$/);

    // URL → bar.
    await clearml.open(e2e.namespace);
    await expect.poll(() => toggle.innerText()).toMatch(new RegExp(`: ${e2e.namespace}$`));
    expect(await shell.errors()).toEqual([]);
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows every wizard step and reaches the footer at ${viewport.width}×${viewport.height}`, async () => {
      const shell = await shellAs('admin', viewport);
      const clearml = new ClearMLPage(shell);
      await clearml.open(e2e.namespace);
      await clearml.startDeploy();
      const page = shell.page;
      const nav = page.locator('.pf-v6-c-wizard__nav');
      // The step list is not cut off and has no scroll area of its own.
      const navBox = await nav.evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
      }));
      expect(navBox.scroll).toBeLessThanOrEqual(navBox.client + 1);
      for (const step of WIZARD_STEPS.filter((s) => s !== 'review')) {
        await expect(page.locator(`[data-test="wizard-step-${step}"]`).isVisible()).resolves.toBe(
          true,
        );
      }
      await expect(page.locator('[data-test="wizard-step-review"]').isVisible()).resolves.toBe(
        true,
      );
      // No nested scroll trap: the wizard body does not scroll by itself.
      const main = await page
        .locator('.pf-v6-c-wizard__main')
        .evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(main).toBeLessThanOrEqual(1);
      // The footer stays in the window on the longest step.
      await clearml.wizard.goToStep('size');
      const footer = await page.locator('.pf-v6-c-wizard__footer').boundingBox();
      expect(footer).not.toBeNull();
      expect(footer!.y + footer!.height).toBeLessThanOrEqual(viewport.height + 1);
      await expect(page.locator('[data-test="wizard-next"]').isVisible()).resolves.toBe(true);
      await shell.screenshot(`wizard-${viewport.width}x${viewport.height}`);
      expect(await shell.errors()).toEqual([]);
    });
  }

  it('opens the review directly with Deploy with defaults', async () => {
    const shell = await shellAs('admin', { width: 1280, height: 800 });
    const clearml = new ClearMLPage(shell);
    await clearml.open(e2e.namespace);
    await shell.page.locator('[data-test="deploy-defaults"]').click();
    await shell.page.locator('[data-test="dry-run-summary"]').waitFor();
    await expect(shell.page.locator('[data-test="deploy-button"]').isVisible()).resolves.toBe(true);
    expect(await shell.errors()).toEqual([]);
  });

  it('leads the review with the summary: Deploy and the reason it is disabled are in view at 1280×800', async () => {
    const viewport = { width: 1280, height: 800 };
    // A quota far too small for the plan: preflight blocks, the dry run still lists every object.
    const ns = await namespaces.create('e2e-quota');
    const quotas = `/api/v1/namespaces/${ns}/resourcequotas`;
    const created = await namespaces.admin.request('POST', quotas, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tiny' },
      spec: { hard: { pods: '2' } },
    });
    expect(created.status).toBe(201);
    await until(
      async () =>
        (await namespaces.admin.get<{ status?: { hard?: object } }>(`${quotas}/tiny`)).status?.hard,
      { description: 'the quota controller to fill in the quota status' },
    );

    const shell = await shellAs('admin', viewport);
    const clearml = new ClearMLPage(shell);
    await clearml.open(ns);
    await clearml.deployDefaultsButton().click();
    const wizard = clearml.wizard;
    await wizard.reviewObjects().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => wizard.deployBlocked().innerText(), { timeout: 60_000 })
      .toMatch(/preflight found blocking problems/);
    expect(await wizard.reviewSummaryItem('preflight').innerText()).toMatch(/blocking problem/);
    expect(await wizard.isDeployDisabled()).toBe(true);
    // Without scrolling: the summary, the reason and the (disabled) Deploy button are in the
    // window; the objects are collapsed below them.
    expect(await inViewport(wizard.reviewSummary(), viewport)).toBe(true);
    expect(await inViewport(wizard.deployBlocked(), viewport)).toBe(true);
    expect(await inViewport(wizard.deployButton(), viewport)).toBe(true);
    expect(await wizard.reviewObject('Deployment', 'clearml-apiserver').isVisible()).toBe(false);
    await shell.screenshot('review-blocked-1280x800');
    expect(await shell.errors()).toEqual([]);
  });
});
