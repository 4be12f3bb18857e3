/**
 * Page object for the plugin's ClearML page inside the console host. Extend it with the wizard
 * steps and the status panel as the page grows (keep selectors here, not in the tests).
 */
import type { Locator } from 'playwright-core';
import type { ConsoleShell } from './ConsoleShell';
import { DeployWizardPage } from './DeployWizardPage';
import { DeployProgressPage, StatusPanelPage, UninstallDialogPage } from './StatusPanelPage';

export const PLUGIN_NAME = 'clearml-console-plugin';

export class ClearMLPage {
  readonly wizard: DeployWizardPage;
  readonly progress: DeployProgressPage;
  readonly status: StatusPanelPage;
  readonly uninstallDialog: UninstallDialogPage;

  constructor(readonly shell: ConsoleShell) {
    this.wizard = new DeployWizardPage(shell.page);
    this.progress = new DeployProgressPage(shell.page);
    this.status = new StatusPanelPage(shell.page);
    this.uninstallDialog = new UninstallDialogPage(shell.page);
  }

  get page() {
    return this.shell.page;
  }

  /** Opens the page directly by URL (namespaced route). */
  async open(namespace: string) {
    await this.shell.goto(`clearml/ns/${namespace}`);
    await this.heading().waitFor();
  }

  /**
   * Opens the page the way a user does: Workloads → ClearML in the admin navigation, then the
   * project in the page's project bar.
   */
  async openFromNav(namespace?: string) {
    await this.shell.goto('');
    await this.shell.navigate('ClearML', 'Workloads');
    await this.heading().waitFor();
    if (namespace) {
      await this.shell.selectNamespace(namespace);
      await this.page.waitForURL((u) => u.pathname.endsWith(`/clearml/ns/${namespace}`));
    }
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'ClearML' });
  }

  description(): Locator {
    return this.page.getByText('Deploy the ClearML server in this project', { exact: false });
  }

  /** Opens one instance's status page directly. */
  async openInstance(namespace: string, instance: string) {
    await this.shell.goto(
      `clearml/ns/${namespace}?instance=${encodeURIComponent(instance)}&namespace=${namespace}`,
    );
    await this.status.root().waitFor();
  }

  /** The header's Deploy ClearML button. */
  deployButton(): Locator {
    return this.page.locator('[data-test="deploy-clearml"]');
  }

  /** The header's Deploy with defaults button (straight to the review). */
  deployDefaultsButton(): Locator {
    return this.page.locator('[data-test="deploy-defaults"]');
  }

  /** The notice a user who may not deploy in the project gets when the page opens. */
  deployNotAllowed(): Locator {
    return this.page.locator('[data-test="deploy-not-allowed"]');
  }

  /** Opens an instance row's action menu and returns its items. */
  async openRowMenu(name: string): Promise<Locator> {
    await this.instanceRow(name).getByRole('button', { name: /kebab/i }).click();
    return this.page.getByRole('menuitem');
  }

  /** Starts the wizard from the header button. */
  async startDeploy() {
    await this.deployButton().click();
    await this.wizard.waitForOpen();
  }

  instancesTable(): Locator {
    return this.page.locator('[data-test="instances-table"]');
  }

  instanceRow(name: string): Locator {
    return this.instancesTable().locator(`[data-test="instance-${name}"]`);
  }

  /** The row of a release of the upstream Helm chart. */
  releaseRow(name: string): Locator {
    return this.instancesTable().locator(`[data-test="release-${name}"]`);
  }

  /** Opens a chart release from its row. */
  async openRelease(name: string) {
    await this.releaseRow(name).locator('[data-test="release-open"]').click();
    await this.releasePanel().waitFor();
  }

  /** The view of one chart release: status, security exposure, take-over. */
  releasePanel(): Locator {
    return this.page.locator('[data-test="release-panel"]');
  }

  /** One SCC grant the security exposure section found, by account and SCC. */
  auditGrant(account: string, scc: string): Locator {
    return this.page.locator(`[data-test="audit-grant-${account}-${scc}"]`);
  }

  takeOverCommand(): Locator {
    return this.page.locator('[data-test="take-over-command"]');
  }

  /** The release's Take over card, or an element of it by its `take-over-…` data-test suffix. */
  takeOver(part?: string): Locator {
    return this.page.locator(`[data-test="take-over${part ? `-${part}` : ''}"]`);
  }

  /** Each take-over step shown, by id, with its state (done, running, pending, failed). */
  async takeOverSteps(): Promise<Record<string, string | null>> {
    const steps = this.takeOver('steps').locator('[data-test^="take-over-step-"][data-state]');
    const out: Record<string, string | null> = {};
    for (const step of await steps.all()) {
      const id = (await step.getAttribute('data-test'))!.slice('take-over-step-'.length);
      out[id] = await step.getAttribute('data-state');
    }
    return out;
  }

  instancesEmpty(): Locator {
    return this.page.locator('[data-test="instances-empty"]');
  }

  /** The page content without the host frame, for accessibility checks and screenshots. */
  content(): Locator {
    return this.page.locator('#content-scrollable');
  }
}
