/**
 * The core journey on console 4.20 (React 17, react-router 5 with v5-compat, react-i18next 11,
 * react-redux 7, the 4.20 SDK) with the dist-4.19/ build: open the page from the navigation,
 * walk the wizard with the defaults, deploy, watch it go Ready, uninstall. The page must reach
 * no React 18-only API (React 17 has none of them, so one would throw), log no error (React 17
 * warnings included) and get no share-scope version warning.
 */
import { inject } from 'vitest';
import { ClearMLPage } from '../pages/ClearMLPage';
import type { ConsoleShell } from '../pages/ConsoleShell';
import { WIZARD_STEPS } from '../pages/DeployWizardPage';
import { sharedModule, sharedScopeVersions, useConsoleRelease } from '../support/console-host';
import { useScratchNamespaces } from '../support/namespaces';
import { until } from '../support/wait';

const INSTANCE = 'clearml';
const VIEWPORT = { width: 1280, height: 800 };

type Named = { metadata: { name: string } };

const UNMOUNTED_UPDATE = /^console: Warning: Can't perform a React state update on an unmounted/;

/**
 * The one state update after unmount left is PatternFly's, not the plugin's: react-core 6.4.3
 * WizardBody (dist/esm/components/Wizard/WizardBody.js) debounces its resize handler by 250 ms
 * and does not cancel it in the effect's cleanup, and WizardToggle mounts a new WizardBody for
 * each step, so leaving a step within 250 ms of a resize sets state on the old body. React 17
 * names the component by its first stack frame: `WizardBody` in a development build, else the
 * minified function, recognised here by its source (its `hasNoPadding` prop and
 * `wizardMainBody` class).
 */
const isWizardBodyUpdate = async (shell: ConsoleShell, error: string) => {
  if (!UNMOUNTED_UPDATE.test(error)) return false;
  const frame = /\n\s*at (\S+) \((.+):(\d+):(\d+)\)/.exec(error);
  if (!frame) return false;
  const [, name, url, line, column] = frame;
  if (name === 'WizardBody') return true;
  const source = await shell.page.evaluate((u) => fetch(u).then((r) => r.text()), url);
  const start = Number(column) - 1;
  const code = (source.split('\n')[Number(line) - 1] ?? '').slice(
    Math.max(0, start - 200),
    start + 1500,
  );
  return code.includes('hasNoPadding') && code.includes('wizardMainBody');
};

/**
 * What the page must not log on console 4.20: any error (React 17's development build prints a
 * state update after unmount as one; PatternFly's WizardBody aside), and webpack's warning that
 * a shared singleton the console registers (under the version key `*`) does not meet the range
 * the plugin asks for.
 */
const problemsOf = async (shell: ConsoleShell) => {
  const errors: string[] = [];
  for (const e of await shell.errors()) if (!(await isWizardBodyUpdate(shell, e))) errors.push(e);
  return [
    ...errors,
    ...shell.consoleWarnings
      .filter((w) => /Unsatisfied version|shared singleton module/.test(w))
      .map((w) => `warning: ${w}`),
  ];
};

describe('deploy as admin on console 4.20', () => {
  const { shellAs } = useConsoleRelease('4.20');
  const namespaces = useScratchNamespaces(inject('e2e'));
  const { admin } = namespaces;
  let ns: string;

  beforeAll(async () => {
    ns = await namespaces.create('e2e-420');
  });

  it('deploys with the wizard defaults and watches the instance go Ready', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openFromNav(ns);
    expect(await sharedModule<string>(shell.page, 'react', 'version')).toBe('17.0.1');
    expect(await sharedModule<string>(shell.page, 'react', 'useId')).toBeUndefined();
    // The page's chunks have taken every singleton they need from the `*` keys, unwarned.
    expect((await sharedScopeVersions(shell.page)).react).toEqual(['*']);
    expect(await problemsOf(shell)).toEqual([]);

    await clearml.startDeploy();
    const wizard = clearml.wizard;
    expect(await wizard.field('name').inputValue()).toBe(INSTANCE);
    expect(await wizard.namespace()).toBe(ns);
    for (const [i, step] of WIZARD_STEPS.entries()) {
      if (i > 0) await wizard.next();
      await wizard.waitForStep(step);
      if (step === 'security') await wizard.sccPlan().waitFor({ timeout: 30_000 });
    }
    await wizard.waitForDeployEnabled();
    await wizard.deploy();
    await clearml.progress.root().waitFor();
    await clearml.progress.waitForDone();

    await clearml.openInstance(ns, INSTANCE);
    await clearml.status.graph().waitFor({ timeout: 60_000 });
    await clearml.status.waitForInstanceState('Ready');
    expect(await clearml.status.rowState('apiserver').textContent()).toBe('Ready');
    expect(await problemsOf(shell)).toEqual([]);
  }, 240_000);

  it('uninstalls the instance, keeping its volumes', async () => {
    const pvcs = await admin.list<Named>(`/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    expect(pvcs.length).toBeGreaterThan(0);
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.openInstance(ns, INSTANCE);
    await clearml.status.uninstallButton().click();
    const dialog = clearml.uninstallDialog;
    await dialog.root().waitFor();
    await dialog.confirmName().fill(INSTANCE);
    await dialog.confirmButton().click();
    await clearml
      .instancesEmpty()
      .or(clearml.instancesTable())
      .first()
      .waitFor({ timeout: 60_000 });
    await until(
      async () =>
        (await admin.list<Named>(`/apis/apps/v1/namespaces/${ns}/deployments`)).length === 0,
      { description: 'the Deployments to be deleted' },
    );
    const after = await admin.list<Named>(`/api/v1/namespaces/${ns}/persistentvolumeclaims`);
    expect(after.length).toBe(pvcs.length);
    expect(await problemsOf(shell)).toEqual([]);
  });
});
