/**
 * Upgrade with the Form | YAML switch, in the development host (whose `CodeEditor` is a text
 * area): a cluster administrator deploys the defaults, opens Upgrade, edits the values as YAML
 * (no secret is shown, every edit is checked), keeps the edit across the switch, reads the
 * per-object diff in the review and applies it; the cluster then has the change and the same
 * credentials.
 */
import { parseDocument } from 'yaml';
import { ClearMLPage } from '../pages/ClearMLPage';
import { useConsole } from '../support/fixtures';
import { isDisabled } from '../support/gated';
import { useScratchNamespaces } from '../support/namespaces';
import { until } from '../support/wait';

const INSTANCE = 'clearml';
const VIEWPORT = { width: 1280, height: 800 };
const APISERVER = `${INSTANCE}-apiserver`;

type Secret = { metadata: { name: string }; data?: Record<string, string> };
type Deployment = { spec: { replicas?: number } };

/** The editor text with `components.apiserver.replicas` set to `replicas`. */
const withApiserverReplicas = (text: string, replicas: number) => {
  const doc = parseDocument(text);
  doc.setIn(['components', 'apiserver', 'replicas'], replicas);
  return doc.toString();
};

describe('upgrade with the Form | YAML switch', () => {
  const { e2e, shellAs } = useConsole();
  const namespaces = useScratchNamespaces(e2e);

  it('edits the values as YAML without secrets, shows the per-object diff and applies it', async () => {
    const ns = await namespaces.create('e2e-upgrade');
    const api = namespaces.admin;
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    const wizard = clearml.wizard;

    // Deploy with defaults; Ready is not needed, only a finished deploy.
    await clearml.open(ns);
    await clearml.deployDefaultsButton().click();
    await wizard.deploy();
    await clearml.progress.waitForDone();

    const secretsPath = `/api/v1/namespaces/${ns}/secrets`;
    const selector = `app.kubernetes.io/instance=${INSTANCE}`;
    const secretsBefore = await api.list<Secret>(secretsPath, selector);
    expect(secretsBefore.length).toBeGreaterThan(0);
    const secretValues = secretsBefore
      .flatMap((s) => Object.values(s.data ?? {}))
      .map((v) => Buffer.from(v, 'base64').toString('utf8'))
      .filter((v) => v.length >= 8);
    expect(secretValues.length).toBeGreaterThan(0);

    // Open Upgrade from the instance's page and switch to the YAML view.
    await clearml.openInstance(ns, INSTANCE);
    await clearml.status.upgradeButton().click();
    await wizard.waitForOpen();
    await wizard.switchEditor('yaml');
    const original = await wizard.yamlText();
    expect(original).toContain(`name: ${INSTANCE}`);
    expect(original).toContain(`namespace: ${ns}`);
    // No password, key or other secret value, and no secret field.
    for (const value of secretValues) expect(original).not.toContain(value);
    expect(original).not.toMatch(/^\s*(credentials|password):/m);

    // An invalid edit: the problem names its line and field, and Next is blocked.
    const negative = withApiserverReplicas(original, -1);
    await wizard.setYaml(negative);
    const badLine = negative.split('\n').findIndex((l) => /replicas: -1\b/.test(l)) + 1;
    expect(badLine).toBeGreaterThan(0);
    await wizard.yamlProblems().first().waitFor();
    expect(await wizard.yamlProblems().allInnerTexts()).toEqual([
      `Line ${badLine}: components.apiserver.replicas: replicas must be at least 1`,
    ]);
    expect(await isDisabled(wizard.nextButton())).toBe(true);

    // An unknown release: refused the same way.
    const unknownVersion = parseDocument(original);
    unknownVersion.setIn(['server', 'version'], '0.1');
    await wizard.setYaml(unknownVersion.toString());
    await expect
      .poll(() => wizard.yamlProblems().allInnerTexts())
      .toEqual([expect.stringMatching(/^Line \d+: server\.version: /)]);
    expect(await isDisabled(wizard.nextButton())).toBe(true);

    // A valid edit: two API server replicas.
    const edited = withApiserverReplicas(original, 2);
    await wizard.setYaml(edited);
    await expect.poll(() => wizard.yamlProblems().count()).toBe(0);
    expect(await isDisabled(wizard.nextButton())).toBe(false);
    // The editor numbers its lines, so a "Line N" in a problem can be found.
    const editedLines = edited.split('\n').length;
    expect(await wizard.yamlLineNumbers()).toEqual(
      Array.from({ length: editedLines }, (_, i) => i + 1),
    );
    await wizard.revealYamlLine(edited.split('\n').findIndex((l) => /replicas: 2\b/.test(l)) + 1);
    await shell.screenshot('upgrade-yaml');

    // To the form and back: the edit is kept in both.
    await wizard.switchEditor('form');
    await wizard.goToStep('size');
    expect(await wizard.field('components.apiserver.replicas').inputValue()).toBe('2');
    await wizard.switchEditor('yaml');
    const again = parseDocument(await wizard.yamlText()).toJS() as {
      components?: { apiserver?: { replicas?: number } };
    };
    expect(again.components?.apiserver?.replicas).toBe(2);

    // Review: the diff lists the API server's Deployment with its replicas.
    await wizard.next();
    await wizard.waitForStep('review');
    await wizard.waitForDeployEnabled();
    await wizard.upgradeDiff().waitFor({ timeout: 30_000 });
    const changed = wizard.upgradeDiffObject('Deployment', APISERVER);
    await changed.waitFor();
    // Only that object changes: no Secret, no other workload.
    expect(await wizard.upgradeDiffChanged()).toEqual([`Deployment/${APISERVER}`]);
    expect(await wizard.upgradeDiffFields('Deployment', APISERVER)).toContain(
      'spec.replicas: 1 → 2',
    );
    await changed.scrollIntoViewIfNeeded();
    await shell.screenshot('upgrade-diff');

    // Apply, then read the cluster: two replicas, the same credentials.
    await wizard.deploy();
    await clearml.progress.waitForDone();
    const deployment = `/apis/apps/v1/namespaces/${ns}/deployments/${APISERVER}`;
    await until(async () => (await api.get<Deployment>(deployment)).spec.replicas === 2, {
      description: `${APISERVER} to have 2 replicas`,
    });
    const secretsAfter = await api.list<Secret>(secretsPath, selector);
    const byName = (list: Secret[]) =>
      Object.fromEntries(list.map((s) => [s.metadata.name, s.data]));
    expect(byName(secretsAfter)).toEqual(byName(secretsBefore));
    expect(await shell.errors()).toEqual([]);
  }, 300_000);
});
