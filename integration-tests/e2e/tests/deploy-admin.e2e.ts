import { ClearMLPage } from '../pages/ClearMLPage';
import { WIZARD_STEPS } from '../pages/DeployWizardPage';
import { formatViolations } from '../support/a11y';
import { BridgeClient } from '../support/bridge-client';
import { svgTextContrast } from '../support/contrast';
import { useConsole } from '../support/fixtures';
import { type FirstPaint, median, readFirstPaint, watchFirstPaint } from '../support/first-paint';
import { until } from '../support/wait';

const INSTANCE = 'clearml';
const VIEWPORT = { width: 1280, height: 800 };
const COMPONENTS = [
  'mongodb',
  'redis',
  'elasticsearch',
  'apiserver',
  'fileserver',
  'async-delete',
  'webserver',
];

type Named = { metadata: { name: string } };

describe('deploy as admin', () => {
  const { e2e, shellAs } = useConsole();
  const admin = new BridgeClient(e2e.consoleURL, 'admin');
  const ns = e2e.namespace;

  it('opens ClearML from the navigation, walks every wizard step with the defaults and deploys', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openFromNav(ns);
    await clearml.startDeploy();
    const wizard = clearml.wizard;

    expect(await wizard.field('name').inputValue()).toBe(INSTANCE);
    expect(await wizard.namespace()).toBe(ns);

    for (const [i, step] of WIZARD_STEPS.entries()) {
      if (i > 0) await wizard.next();
      await wizard.waitForStep(step);
      if (step === 'security') await wizard.sccPlan().waitFor({ timeout: 30_000 });
      if (step === 'review') await wizard.waitForDeployEnabled();
      const violations = await shell.accessibilityViolations('#content-scrollable');
      expect(violations, `${step}: ${formatViolations(violations)}`).toEqual([]);
      await shell.screenshot(`wizard-${i + 1}-${step}`);
    }
    // An admin may grant the SCCs: no hand-off.
    expect(await wizard.handoff().count()).toBe(0);

    await wizard.deploy();
    await clearml.progress.root().waitFor();
    expect(new URL(shell.page.url()).searchParams.get('instance')).toBe(INSTANCE);
    await shell.screenshot('deploy-progress');
    await clearml.progress.waitForDone();
    await shell.screenshot('deploy-done');
    expect(await shell.errors()).toEqual([]);
    // Seven steps, each checked by axe, then a deploy: minutes on a loaded machine.
  }, 240_000);

  it('watches the topology go Ready, with Route links and the clearml.conf snippet', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, INSTANCE);
    const status = clearml.status;

    // The first paint waits for every initial list and watch: slow on a loaded machine.
    await status.graph().waitFor({ timeout: 60_000 });
    await status.waitForInstanceState('Ready');
    await expect.poll(() => status.nodesOutsideGraph(), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => status.collapsedLabels(), { timeout: 10_000 }).toEqual([]);
    expect(await status.components()).toEqual(expect.arrayContaining(COMPONENTS));
    for (const c of COMPONENTS) {
      expect(await status.rowState(c).textContent()).toBe('Ready');
      expect(await status.graphNode(c).count()).toBe(1);
    }

    const app = await status.routeLink('app').getAttribute('href');
    const api = await status.routeLink('api').getAttribute('href');
    const files = await status.routeLink('files').getAttribute('href');
    expect(app).toMatch(new RegExp(`^https?://.*-${ns}\\.`));
    expect(api).toMatch(/^https?:\/\//);
    expect(files).toMatch(/^https?:\/\//);

    await status.nextSteps().waitFor();
    expect(await status.nextSteps().innerText()).toContain('Add this to ~/clearml.conf');
    const conf = await status.configSnippet().innerText();
    expect(conf).toContain(`api_server: ${api}`);
    expect(conf).toContain(`web_server: ${app}`);
    expect(conf).toContain(`files_server: ${files}`);

    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('status-ready');
    await status.nextSteps().scrollIntoViewIfNeeded();
    await shell.screenshot('next-steps');

    await status.selectComponent('apiserver');
    expect(await status.detailsPods('apiserver').count()).toBeGreaterThan(0);
    await shell.screenshot('status-details');

    // The graph's labels are SVG, out of axe's reach: check their contrast in both themes.
    const lightLabels = await svgTextContrast(status.graph());
    expect(lightLabels.length).toBeGreaterThanOrEqual(COMPONENTS.length);
    expect(lightLabels.filter((l) => l.ratio < 4.5)).toEqual([]);
    await shell.setTheme('dark');
    await expect.poll(() => shell.isDarkTheme()).toBe(true);
    const darkLabels = await svgTextContrast(status.graph());
    expect(darkLabels.length).toBe(lightLabels.length);
    expect(darkLabels.filter((l) => l.ratio < 4.5)).toEqual([]);
    const darkViolations = await shell.accessibilityViolations('#content-scrollable');
    expect(darkViolations, formatViolations(darkViolations)).toEqual([]);
    await status.graph().scrollIntoViewIfNeeded();
    await shell.screenshot('dark-status-ready');
    expect(await shell.errors()).toEqual([]);
  });

  it('opens a running instance with all its initial lists at once, and reports the first paint', async () => {
    // The kinds the status panel watches (hooks/watch-specs.ts, instanceWatch).
    const watched = [
      'deployments',
      'statefulsets',
      'replicasets',
      'pods',
      'persistentvolumeclaims',
      'routes',
      'events',
      'storageclasses',
    ];
    const runs: FirstPaint[] = [];
    for (let round = 0; round < 5; round++) {
      const shell = await shellAs('admin', VIEWPORT);
      await watchFirstPaint(shell.page, COMPONENTS.length);
      await new ClearMLPage(shell).openInstance(ns, INSTANCE);
      const figures = await readFirstPaint(shell.page);
      runs.push(figures);
      // The first list of each watched kind. They go out together, so the panel waits for the
      // slowest list, not for their sum: the last of them is sent while others are still in
      // flight (lists sent one after another would each start once the one before had ended).
      const first = watched.map((plural) =>
        figures.lists.find((l) => l.path.split('/').at(-1) === plural),
      );
      expect(first.map((l, i) => (l ? watched[i] : `${watched[i]} not listed`))).toEqual(watched);
      const lists = first.filter((l) => l !== undefined);
      const last = lists.reduce((a, b) => (b.start > a.start ? b : a));
      const othersEnd = Math.max(...lists.filter((l) => l !== last).map((l) => l.end));
      expect(last.start, JSON.stringify(lists)).toBeLessThan(othersEnd);
      await shell.close();
    }
    const panel = median(runs.map((r) => r.panel));
    const host = median(runs.map((r) => r.host));
    const requests = median(runs.map((r) => r.lists.length));
    const watchedLists = median(
      runs.map((r) => r.lists.filter((l) => watched.includes(l.path.split('/').at(-1)!)).length),
    );
    console.log(
      `status panel first meaningful paint (median of ${runs.length}): ${panel.toFixed(0)} ms ` +
        `after navigation; host first contentful paint ${host.toFixed(0)} ms; ratio ` +
        `${(panel / host).toFixed(2)}; ${requests} API requests before it (discovery and access ` +
        `reviews included), ${watchedLists} of them lists of the ${watched.length} watched ` +
        `kinds, in flight together`,
    );
  }, 180_000);

  it('uninstalls keeping the data: PVCs remain, workloads are gone', async () => {
    const pvcsBefore = await admin.list<Named>(`/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    expect(pvcsBefore.length).toBeGreaterThan(0);

    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, INSTANCE);
    await clearml.status.uninstallButton().click();
    const dialog = clearml.uninstallDialog;
    await dialog.root().waitFor();
    await dialog.pvcs().waitFor();
    for (const pvc of pvcsBefore) {
      expect(await dialog.pvcs().innerText()).toContain(pvc.metadata.name);
    }
    expect(await dialog.deleteData().isChecked()).toBe(false);
    expect(await dialog.isConfirmDisabled()).toBe(true);
    await dialog.confirmName().fill('clearm');
    expect(await dialog.isConfirmDisabled()).toBe(true);
    await dialog.confirmName().fill(INSTANCE);
    expect(await dialog.isConfirmDisabled()).toBe(false);
    const violations = await shell.accessibilityViolations('[data-test="uninstall-modal"]');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('uninstall-dialog');
    await dialog.confirmButton().click();

    // Back on the instances list once everything was deleted.
    await clearml
      .instancesEmpty()
      .or(clearml.instancesTable())
      .first()
      .waitFor({ timeout: 60_000 });

    const workloads = async () => [
      ...(await admin.list<Named>(`/apis/apps/v1/namespaces/${ns}/deployments`)),
      ...(await admin.list<Named>(`/apis/apps/v1/namespaces/${ns}/statefulsets`)),
    ];
    await until(async () => (await workloads()).length === 0, {
      description: 'the workloads to be deleted',
    });
    const pvcsAfter = await admin.list<Named>(`/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    expect(pvcsAfter.map((p) => p.metadata.name).sort()).toEqual(
      pvcsBefore.map((p) => p.metadata.name).sort(),
    );
    expect(await shell.errors()).toEqual([]);
  });
});
