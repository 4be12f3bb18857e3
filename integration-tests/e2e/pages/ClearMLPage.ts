/**
 * Page object for the plugin's ClearML page inside the console host. Extend it with the wizard
 * steps and the status panel as the page grows (keep selectors here, not in the tests).
 */
import type { Locator } from 'playwright-core';
import type { ConsoleShell } from './ConsoleShell';

export const PLUGIN_NAME = 'clearml-console-plugin';

export class ClearMLPage {
  constructor(readonly shell: ConsoleShell) {}

  get page() {
    return this.shell.page;
  }

  /** Opens the page directly by URL (namespaced route). */
  async open(namespace: string) {
    await this.shell.goto(`clearml/ns/${namespace}`);
    await this.heading().waitFor();
  }

  /** Opens the page the way a user does: Workloads → ClearML in the admin navigation. */
  async openFromNav(namespace?: string) {
    await this.shell.goto('');
    if (namespace) await this.shell.selectNamespace(namespace);
    await this.shell.navigate('ClearML', 'Workloads');
    await this.heading().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'ClearML' });
  }

  description(): Locator {
    return this.page.getByText('Deploy the ClearML server in this project', { exact: false });
  }
}
