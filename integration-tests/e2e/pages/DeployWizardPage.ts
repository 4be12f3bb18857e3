/**
 * Page object for the deploy wizard (General · Size · Storage · Network · Agents · Security ·
 * Credentials · Review) and the hand-off it shows when SCCs cannot be granted.
 */
import type { Locator, Page } from 'playwright-core';

export const WIZARD_STEPS = [
  'general',
  'size',
  'storage',
  'network',
  'agents',
  'security',
  'credentials',
  'review',
] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number];
/** The Upgrade wizard's YAML view has one step of its own before the review. */
export type AnyWizardStepId = WizardStepId | 'yaml';

const test = (id: string) => `[data-test="${id}"]`;

/** `field-<dotted path with - for .>`, as the wizard names its inputs. */
export const fieldTestId = (path: string) => `field-${path.replace(/\./g, '-')}`;

export class DeployWizardPage {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator(test('deploy-wizard'));
  }

  async waitForOpen() {
    await this.root().waitFor();
    await this.field('name').waitFor();
  }

  /** The nav button of a step (PatternFly puts the attribute on the list item around it). */
  stepNav(step: AnyWizardStepId): Locator {
    return this.page.locator(`${test(`wizard-step-${step}`)} > button`);
  }

  /** Whether `step` is the current one. */
  async isCurrent(step: AnyWizardStepId) {
    return (await this.stepNav(step).getAttribute('aria-current')) === 'step';
  }

  /** Waits until `step` is the current one. */
  async waitForStep(step: AnyWizardStepId, timeout = 10_000) {
    await this.page.waitForFunction(
      (sel) => document.querySelector(sel)?.getAttribute('aria-current') === 'step',
      `${test(`wizard-step-${step}`)} > button`,
      { timeout },
    );
  }

  async goToStep(step: AnyWizardStepId) {
    await this.stepNav(step).click();
    await this.waitForStep(step);
  }

  nextButton(): Locator {
    return this.page.locator(test('wizard-next'));
  }

  async next() {
    await this.nextButton().click();
  }

  deployButton(): Locator {
    return this.page.locator(test('deploy-button'));
  }

  deployBlocked(): Locator {
    return this.page.locator(test('deploy-blocked'));
  }

  field(path: string): Locator {
    return this.page.locator(test(fieldTestId(path)));
  }

  fieldError(path: string): Locator {
    return this.page.locator(test(`${fieldTestId(path)}-error`));
  }

  async fill(path: string, value: string) {
    await this.field(path).fill(value);
  }

  /** The selected project (a select when projects can be listed, else a text input). */
  async namespace() {
    return this.field('namespace').inputValue();
  }

  // Size, Storage, Network
  sizeTotals(): Locator {
    return this.page.locator(test('size-totals'));
  }

  storageTotal(): Locator {
    return this.page.locator(test('storage-total'));
  }

  // Agents
  /** Adds an agent from the CPU or 1 GPU preset, or a blank one. */
  async addAgent(start: 'cpu' | 'gpu' | 'blank') {
    await this.page.locator(test(`agent-add-${start}`)).click();
  }

  /** The card of the agent at `index` (0-based). */
  agentCard(index: number): Locator {
    return this.page.locator(test(`agent-${index}`));
  }

  // Security
  sccPlan(): Locator {
    return this.page.locator(test('scc-plan'));
  }

  sccPlanRow(serviceAccount: string): Locator {
    return this.page.locator(test(`scc-plan-${serviceAccount}`));
  }

  preflightFindings(): Locator {
    return this.page.locator(test('preflight-findings'));
  }

  findings(level: 'error' | 'warning' | 'info'): Locator {
    return this.page.locator(test(`finding-${level}`));
  }

  handoff(): Locator {
    return this.page.locator(test('handoff'));
  }

  handoffYaml(): Locator {
    return this.handoff().locator(test('handoff-yaml'));
  }

  handoffPolicyCommands(): Locator {
    return this.handoff().locator(test('handoff-policy-commands'));
  }

  /** The `oc adm policy` commands; the expandable copy field keeps them in its text area. */
  async handoffPolicyCommandsText() {
    const box = this.handoffPolicyCommands();
    const text = (await box.locator('textarea, input, pre, code').allTextContents()).join('\n');
    const values = await box
      .locator('textarea, input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    return [text, ...values, (await box.textContent()) ?? ''].join('\n');
  }

  waitForAdmin(): Locator {
    return this.page.locator(`input${test('wait-for-admin')}, ${test('wait-for-admin')} input`);
  }

  async setWaitForAdmin(wait: boolean) {
    const box = this.waitForAdmin().first();
    if ((await box.isChecked()) !== wait) await box.setChecked(wait);
  }

  planError(): Locator {
    return this.page.locator(test('plan-error'));
  }

  // Review
  reviewSummary(): Locator {
    return this.page.locator(test('review-summary'));
  }

  /** One line of the summary: instance, project, version, agents, objects, security, preflight. */
  reviewSummaryItem(
    id: 'instance' | 'project' | 'version' | 'agents' | 'objects' | 'security' | 'preflight',
  ): Locator {
    return this.reviewSummary().locator(test(`review-summary-${id}`));
  }

  /** The collapsed list of objects and their dry-run results. */
  reviewObjects(): Locator {
    return this.page.locator(test('review-objects'));
  }

  dryRunSummary(): Locator {
    return this.page.locator(test('dry-run-summary'));
  }

  dryRunError(): Locator {
    return this.page.locator(test('dry-run-error'));
  }

  reviewObject(kind: string, name: string): Locator {
    return this.page.locator(test(`review-object-${kind}-${name}`));
  }

  /** Waits until the dry run finished and Deploy is enabled. */
  async waitForDeployEnabled(timeout = 60_000) {
    await this.dryRunSummary().waitFor({ timeout });
    await this.page.waitForFunction(
      (sel) => {
        const b = document.querySelector(sel) as HTMLButtonElement | null;
        return !!b && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
      },
      test('deploy-button'),
      { timeout },
    );
  }

  async deploy() {
    await this.waitForDeployEnabled();
    await this.deployButton().click();
  }

  // Upgrade: Form | YAML switch, the values editor, and the per-object diff in the review
  /** Chooses "Form view" or "YAML view" above the Upgrade wizard. */
  async switchEditor(mode: 'form' | 'yaml') {
    await this.page.locator(test('editor-toggle')).locator(`#clearml-editor-${mode}`).check();
    await this.waitForStep(mode === 'yaml' ? 'yaml' : 'general');
  }

  /** The code editor of the YAML view (the development host draws it as a text area). */
  yamlEditor(): Locator {
    return this.page.locator(`${test('values-yaml-editor')} ${test('code-editor')}`);
  }

  async yamlText() {
    await this.yamlEditor().waitFor();
    return this.yamlEditor().inputValue();
  }

  /** Replaces the whole editor text, as a user pasting a document does. */
  async setYaml(text: string) {
    await this.yamlEditor().fill(text);
  }

  /** The editor's line-number gutter, one number a line. */
  async yamlLineNumbers() {
    const gutter = this.page.locator(
      `${test('values-yaml-editor')} ${test('code-editor-line-numbers')}`,
    );
    return (await gutter.innerText()).split('\n').map(Number);
  }

  /** Scrolls the editor so that its 1-based `line` is near the top. */
  async revealYamlLine(line: number) {
    await this.yamlEditor().evaluate((el, line) => {
      const height = parseFloat(getComputedStyle(el).lineHeight);
      el.scrollTop = Math.max(0, (line - 3) * height);
    }, line);
  }

  /** Each problem the YAML view reports ("Line N: path: message"). */
  yamlProblems(): Locator {
    return this.page.locator(test('values-yaml-problem'));
  }

  upgradeDiff(): Locator {
    return this.page.locator(test('upgrade-diff'));
  }

  /** One changed object of the diff (collapsed: its toggle names the kind, name and count). */
  upgradeDiffObject(kind: string, name: string): Locator {
    return this.upgradeDiff().locator(test(`upgrade-diff-${kind}-${name}`));
  }

  /** `Kind/name` of every object the diff lists as changed. */
  async upgradeDiffChanged(): Promise<string[]> {
    return this.upgradeDiff()
      .locator(`${test('upgrade-diff-changed')} [data-test^="upgrade-diff-"]`)
      .evaluateAll((els) =>
        els.map((e) =>
          e.getAttribute('data-test')!.slice('upgrade-diff-'.length).replace('-', '/'),
        ),
      );
  }

  /** Expands a changed object of the diff and returns its field lines. */
  async upgradeDiffFields(kind: string, name: string) {
    const section = this.upgradeDiffObject(kind, name);
    const toggle = section.locator('button[aria-expanded]').first();
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return (await section.locator('pre, code').first().innerText()).split('\n');
  }

  async isDeployDisabled() {
    const b = this.deployButton();
    return (await b.isDisabled()) || (await b.getAttribute('aria-disabled')) === 'true';
  }
}
