/**
 * Page object for an instance's page: deploy progress, the live status panel (graph, component
 * list, details), next steps, and the uninstall dialog.
 */
import type { Locator, Page } from 'playwright-core';

const test = (id: string) => `[data-test="${id}"]`;

export type RouteKey = 'app' | 'api' | 'files';
export type Health = 'Ready' | 'Progressing' | 'Degraded' | 'Failed';

export class DeployProgressPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator(test('deploy-progress'));
  }

  phase(phase: 'read' | 'dry-run' | 'apply' | 'route-hosts' | 'done'): Locator {
    return this.root().locator(test(`phase-${phase}`));
  }

  done(): Locator {
    return this.root().locator(test('deploy-done'));
  }

  failed(): Locator {
    return this.root().locator(test('deploy-failed'));
  }

  error(): Locator {
    return this.root().locator(test('deploy-error'));
  }

  waitingForAdmin(): Locator {
    return this.root().locator(test('waiting-for-admin'));
  }

  handoff(): Locator {
    return this.root().locator(test('handoff'));
  }

  objects(): Locator {
    return this.root().locator(test('deploy-objects'));
  }

  /** "created, updated, unchanged, left to an administrator" under the done message. */
  counts(): Locator {
    return this.root().locator(test('deploy-counts'));
  }

  /** Kind, name, state label and whether the second pass wrote it, per row. */
  async rows(): Promise<{ kind: string; name: string; state: string; routeHosts: boolean }[]> {
    return this.objects()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => {
          const cells = r.querySelectorAll('td');
          return {
            kind: cells[0]?.textContent?.trim() ?? '',
            name: cells[1]?.textContent?.trim() ?? '',
            state: cells[2]?.querySelector('.pf-v6-c-label')?.textContent?.trim() ?? '',
            routeHosts: !!r.querySelector('[data-test="route-hosts-note"]'),
          };
        }),
      );
  }

  object(kind: string, name: string): Locator {
    return this.root().locator(test(`deploy-object-${kind}-${name}`));
  }

  /**
   * Waits for the run to end; throws with the page's message when it failed instead.
   */
  async waitForDone(timeout = 90_000) {
    const outcome = this.done().or(this.failed()).or(this.error());
    await outcome.first().waitFor({ timeout });
    if (!(await this.done().isVisible())) {
      throw new Error(`the deploy did not succeed: ${await this.root().innerText()}`);
    }
  }
}

export class StatusPanelPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator(test('status-panel'));
  }

  instanceState(): Locator {
    return this.root().locator(test('instance-state')).first();
  }

  graph(): Locator {
    return this.root().locator(test('status-graph'));
  }

  graphNode(component: string): Locator {
    return this.graph().locator(test(`status-node-${component}`));
  }

  list(): Locator {
    return this.root().locator(test('status-list'));
  }

  row(component: string): Locator {
    return this.list().locator(test(`status-row-${component}`));
  }

  rowState(component: string): Locator {
    return this.row(component).locator(test('component-state'));
  }

  rowReason(component: string): Locator {
    return this.row(component).locator(test('component-reason'));
  }

  async selectComponent(component: string) {
    await this.row(component).locator(test('status-row-select')).click();
    await this.details(component).waitFor();
  }

  details(component: string): Locator {
    return this.root().locator(test(`component-details-${component}`));
  }

  detailsReason(component: string): Locator {
    return this.details(component).locator(test('component-reason'));
  }

  detailsPods(component: string): Locator {
    return this.details(component).locator(test('component-pod'));
  }

  routeLink(key: RouteKey): Locator {
    return this.root()
      .locator(test(`route-link-${key}`))
      .first();
  }

  nextSteps(): Locator {
    return this.root().locator(test('next-steps'));
  }

  configSnippet(): Locator {
    return this.nextSteps().locator(test('config-snippet'));
  }

  envSnippet(): Locator {
    return this.nextSteps().locator(test('env-snippet'));
  }

  /** The Agents card: each agent's queues, glue pods and state, then its task pods. */
  agents(): Locator {
    return this.root().locator(test('agents-status'));
  }

  agentRow(agent: string): Locator {
    return this.agents().locator(test(`agent-row-${agent}`));
  }

  agentState(agent: string): Locator {
    return this.agentRow(agent).locator(test('agent-state'));
  }

  agentQueues(agent: string): Locator {
    return this.agentRow(agent).locator(test('agent-queues'));
  }

  /** A task pod's row in the Agents card. */
  taskPod(name: string): Locator {
    return this.agents().locator(test(`task-pod-${name}`));
  }

  taskPodPhase(name: string): Locator {
    return this.taskPod(name).locator(test('task-pod-phase'));
  }

  /** The clearml-task command the next steps give for `queue`. */
  agentCommand(queue: string): Locator {
    return this.nextSteps().locator(test(`agent-cli-${queue}`));
  }

  /** The Python lines (`Task.execute_remotely`) the next steps give for `queue`. */
  agentPython(queue: string): Locator {
    return this.nextSteps().locator(test(`agent-sdk-${queue}`));
  }

  /** The copy button of the command (`cli`) or the Python lines (`sdk`) for `queue`. */
  agentCopyButton(queue: string, which: 'cli' | 'sdk'): Locator {
    return this.nextSteps().locator(test(`agent-${which}-${queue}-copy`));
  }

  uninstallButton(): Locator {
    return this.root().locator(test('instance-uninstall'));
  }

  upgradeButton(): Locator {
    return this.root().locator(test('instance-upgrade'));
  }

  showCredentialsButton(): Locator {
    return this.nextSteps().locator(test('show-credentials'));
  }

  loginPassword(): Locator {
    return this.nextSteps().locator(test('login-password'));
  }

  /** The texts of every "N of M" pod count on the panel. */
  async readyCounts(): Promise<string[]> {
    return this.root().locator(test('ready-count')).allInnerTexts();
  }

  /** A button of the graph's control bar by its accessible name (Zoom in, Fit to screen, …). */
  controlButton(name: string): Locator {
    return this.root().locator('.pf-topology-control-bar').getByRole('button', { name });
  }

  ringLegend(): Locator {
    return this.root().locator(test('ring-legend'));
  }

  /**
   * The rendered size, in CSS pixels, of each graph node's name label: the font size times the
   * zoom of the graph at that moment.
   */
  async labelFontSizes(): Promise<Record<string, number>> {
    return this.graph().evaluate((graph) =>
      Object.fromEntries(
        [...graph.querySelectorAll('[data-test^="status-node-"]')].map((n) => {
          const text = n.querySelector<SVGTextElement>('.pf-topology__node__label text');
          const size = text ? parseFloat(getComputedStyle(text).fontSize) : 0;
          const scale = text?.getScreenCTM()?.a ?? 0;
          return [n.getAttribute('data-test')!.slice('status-node-'.length), size * scale];
        }),
      ),
    );
  }

  /** Waits until the instance shows `state` (kwok rollouts take a while on a busy machine). */
  async waitForInstanceState(state: Health, timeout = 120_000) {
    await this.page.waitForFunction(
      ({ sel, state }) => document.querySelector(sel)?.textContent?.trim() === state,
      { sel: `${test('status-panel')} ${test('instance-state')}`, state },
      { timeout },
    );
  }

  /** Waits until the component's list row shows `state`. */
  async waitForComponentState(component: string, state: Health, timeout = 120_000) {
    await this.page.waitForFunction(
      ({ sel, state }) => document.querySelector(sel)?.textContent?.trim() === state,
      {
        sel: `${test('status-list')} ${test(`status-row-${component}`)} ${test('component-state')}`,
        state,
      },
      { timeout },
    );
  }

  /**
   * Components whose graph node lies (partly) outside the visible graph area; waits for the
   * graph to settle (no change over two animation frames) first.
   */
  async nodesOutsideGraph(): Promise<string[]> {
    return this.graph().evaluate(async (graph) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const boxes = () =>
        JSON.stringify(
          [...graph.querySelectorAll('[data-test^="status-node-"]')].map((n) =>
            n.getBoundingClientRect(),
          ),
        );
      for (let last = '', i = 0; i < 100; i++) {
        await frame();
        await frame();
        const now = boxes();
        if (now === last) break;
        last = now;
      }
      const area = graph.getBoundingClientRect();
      return [...graph.querySelectorAll('[data-test^="status-node-"]')]
        .filter((n) => {
          const b = n.getBoundingClientRect();
          return (
            b.left < area.left || b.top < area.top || b.right > area.right || b.bottom > area.bottom
          );
        })
        .map((n) => n.getAttribute('data-test')!.slice('status-node-'.length));
    });
  }

  /** Components whose graph label box is narrower than its text (a label measured too early). */
  async collapsedLabels(): Promise<string[]> {
    return this.graph().evaluate((graph) =>
      [...graph.querySelectorAll('[data-test^="status-node-"]')]
        .filter((n) => {
          const box = n.querySelector('.pf-topology__node__label__background');
          const text = n.querySelector('.pf-topology__node__label text');
          if (!box || !text) return true;
          return box.getBoundingClientRect().width < text.getBoundingClientRect().width;
        })
        .map((n) => n.getAttribute('data-test')!.slice('status-node-'.length)),
    );
  }

  /** Waits until the component's list row gives a reason matching `pattern`. */
  async waitForComponentReason(component: string, pattern: RegExp, timeout = 120_000) {
    await this.page.waitForFunction(
      ({ sel, source, flags }) =>
        new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''),
      {
        sel: `${test('status-list')} ${test(`status-row-${component}`)} ${test('component-reason')}`,
        source: pattern.source,
        flags: pattern.flags,
      },
      { timeout },
    );
  }

  /** The component names the list shows, in order. */
  async components() {
    return this.list()
      .locator('[data-test^="status-row-"]:not([data-test="status-row-select"])')
      .evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-test')!.slice('status-row-'.length)),
      );
  }
}

export class UninstallDialogPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator(test('uninstall-modal'));
  }

  pvcs(): Locator {
    return this.root().locator(test('uninstall-pvcs'));
  }

  deleteData(): Locator {
    return this.root().locator(
      `input${test('uninstall-delete-data')}, ${test('uninstall-delete-data')} input`,
    );
  }

  /** The choice to delete the agents' task pods too; only there when the instance has agents. */
  deleteTaskPods(): Locator {
    return this.root().locator(
      `input${test('uninstall-delete-task-pods')}, ${test('uninstall-delete-task-pods')} input`,
    );
  }

  /** After the uninstall: which task pods of the agents were left, and how to remove them. */
  taskPodsLeft(): Locator {
    return this.page.locator(test('uninstall-task-pods-left'));
  }

  confirmName(): Locator {
    return this.root().locator(test('uninstall-confirm-name'));
  }

  confirmButton(): Locator {
    return this.root().locator(test('uninstall-confirm'));
  }

  cancelButton(): Locator {
    return this.root().locator(test('uninstall-cancel'));
  }

  result(): Locator {
    return this.page.locator(test('uninstall-result'));
  }

  error(): Locator {
    return this.page.locator(test('uninstall-error'));
  }

  async isConfirmDisabled() {
    const b = this.confirmButton();
    return (await b.isDisabled()) || (await b.getAttribute('aria-disabled')) === 'true';
  }
}
