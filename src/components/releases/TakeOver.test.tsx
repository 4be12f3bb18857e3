// @vitest-environment jsdom
// Taking a chart release over from its page: plan, confirm, run with the steps' progress, and
// roll back while the release's objects are still there.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { runTakeover } from '../../engine/adopt/takeover';
import { CHART_SECRET, chartInstall } from '../../engine/adopt/takeover-fixtures';
import { planTakeover } from '../../engine/adopt/takeover-plan';
import { readTakeoverInput } from '../../engine/adopt/takeover-read';
import { CLI_ONLY, forThePage, PAGE_WORDING } from '../../engine/adopt/takeover-wording';
import { MESSAGES, type MessageId } from '../../engine/messages/catalogue';
import { msg } from '../../engine/messages/message';
import { renderWithClient } from '../../test-support/render';
import { TakeoverCluster } from '../../test-support/takeover-cluster';
import { translateMessage } from '../i18n/translate-message';
import { TakeOver } from './TakeOver';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const cluster = () =>
  new TakeoverCluster(chartInstall({ exposed: ['webserver', 'apiserver'] }).objects);

const show = (client: TakeoverCluster) =>
  renderWithClient(<TakeOver release="clearml" namespace="clearml" />, {
    client,
    route: '/clearml/ns/clearml?release=clearml&namespace=clearml',
  });

const stepStates = () =>
  Object.fromEntries(
    ['protect-claims', 'scale-down', 'deploy', 'remove-release'].map((id) => [
      id,
      screen.getByTestId(`take-over-step-${id}`).getAttribute('data-state'),
    ]),
  );

/** The command-line tool's words: a flag, or its `adopt` command. */
const CLI_WORDS = /--[a-z]|\badopt\b/i;

/** Nothing of the chart's Secret reaches the page. */
const expectNoSecret = () => {
  const text = document.body.textContent ?? '';
  for (const value of Object.values(CHART_SECRET)) expect(text).not.toContain(value);
};

async function planned(client: TakeoverCluster) {
  show(client);
  await userEvent.click(screen.getByTestId('take-over-plan-button'));
  return screen.findByTestId('take-over-plan');
}

describe('TakeOver', () => {
  it('shows the plan: instance, steps in words, kept claims, SCCs and findings', async () => {
    const client = cluster();
    const plan = await planned(client);
    expect(within(plan).getByTestId('take-over-instance')).toHaveTextContent('clearml-managed');
    expect(stepStates()).toEqual({
      'protect-claims': 'pending',
      'scale-down': 'pending',
      deploy: 'pending',
      'remove-release': 'pending',
    });
    expect(screen.getByTestId('take-over-step-scale-down')).toHaveTextContent(
      /Record the replicas of clearml-apiserver, /,
    );
    expect(screen.getByTestId('take-over-step-remove-release')).toHaveTextContent(
      '(no rollback after this step)',
    );
    expect(screen.getByTestId('take-over-claim-mongodb')).toHaveTextContent(
      'mongodb: claim clearml-mongodb, files owned by UID 1001',
    );
    expect(screen.getByTestId('take-over-claim-fileserver')).toHaveTextContent(
      'fileserver: claim clearml-fileserver-data, files owned by UID 0',
    );
    expect(within(plan).getByTestId('take-over-sccs').textContent).toMatch(/anyuid/);
    // The grants it leaves, with the checkbox to select, not the command's flag.
    expect(within(plan).getByTestId('preflight-findings')).toHaveTextContent(
      /The cluster-wide grants .* stay in place; to remove them, select “Also remove the cluster-wide SCC grants only this release used” and plan again\./,
    );
    expect(plan.textContent).not.toMatch(CLI_WORDS);
    expect(screen.queryByTestId('take-over-blocked')).not.toBeInTheDocument();
    expect(screen.getByTestId('take-over-run')).toBeEnabled();
    // The terminal alternative stays.
    expect(screen.getByTestId('take-over-command')).toHaveTextContent(
      'clearml-openshift adopt --release clearml --namespace clearml --dry-run',
    );
    expectNoSecret();
    // Planning wrote nothing.
    expect(client.calls.filter((c) => c.method === 'apply' || c.method === 'delete')).toEqual([]);
  });

  it('plans the removal of the grants only when asked', async () => {
    const client = cluster();
    show(client);
    await userEvent.click(screen.getByTestId('take-over-remove-grants'));
    await userEvent.click(screen.getByTestId('take-over-plan-button'));
    expect(await screen.findByTestId('take-over-step-remove-grants')).toBeInTheDocument();
  });

  it('disables Take over when a finding blocks the plan, and says why', async () => {
    const client = cluster();
    client.denied.add('patch deployments');
    await planned(client);
    expect(screen.getByTestId('take-over-blocked')).toBeInTheDocument();
    expect(screen.getByTestId('preflight-findings')).toHaveTextContent(
      'You may not scale the release down: patch deployments.',
    );
    // The deploy step needs the same right: its preflight says so too.
    expect(screen.getAllByTestId('finding-error').length).toBeGreaterThan(0);
    expect(screen.getByTestId('take-over-run')).toBeDisabled();
  });

  it('hands the SCC grants to an administrator with the plan, before anything is scaled down', async () => {
    const client = cluster();
    client.denied.add('use securitycontextconstraints/anyuid');
    client.denied.add('bind clusterroles/system:openshift:scc:anyuid');
    await planned(client);
    expect(screen.getByTestId('preflight-findings')).toHaveTextContent(
      'Ask a cluster administrator to apply the grants shown below before you start',
    );
    expect(screen.getByTestId('handoff-apply-command')).toBeInTheDocument();
    expect(screen.getByTestId('handoff')).toHaveTextContent('anyuid');
    expect(screen.getByTestId('take-over-run')).toBeEnabled();
    expect(client.calls.filter((c) => c.method === 'apply' || c.method === 'delete')).toEqual([]);
  });

  it('runs after confirmation: every step done in order, then a link to the instance', async () => {
    const client = cluster();
    await planned(client);
    await userEvent.click(screen.getByTestId('take-over-run'));
    const confirm = screen.getByTestId('take-over-confirm');
    expect(confirm).toHaveTextContent(
      /Release clearml in project clearml becomes instance clearml-managed/,
    );
    expect(client.calls.filter((c) => c.method === 'apply')).toEqual([]);
    await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));

    const link = await screen.findByTestId('take-over-instance-link', {}, { timeout: 10_000 });
    expect(link).toHaveAttribute(
      'href',
      '/clearml/ns/clearml?instance=clearml-managed&namespace=clearml',
    );
    expect(stepStates()).toEqual({
      'protect-claims': 'done',
      'scale-down': 'done',
      deploy: 'done',
      'remove-release': 'done',
    });
    // The writes came in the steps' order: claims kept, chart scaled down, instance, removal.
    const writes = client.calls.map((c) => `${c.method} ${c.what}`);
    const first = (w: string) => writes.indexOf(w);
    expect(first('apply PersistentVolumeClaim/clearml-mongodb')).toBeGreaterThanOrEqual(0);
    expect(first('apply PersistentVolumeClaim/clearml-mongodb')).toBeLessThan(
      first('apply Deployment/clearml-mongodb'),
    );
    expect(first('apply Deployment/clearml-mongodb')).toBeLessThan(
      first('apply Deployment/clearml-managed-apiserver'),
    );
    expect(first('apply Deployment/clearml-managed-apiserver')).toBeLessThan(
      first('delete Deployment/clearml-apiserver'),
    );
    // Once the release's objects are gone there is no rollback.
    expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument();
    expectNoSecret();
  }, 20_000);

  it('hands the SCC grants the user may not make to an administrator, and offers rollback', async () => {
    const client = cluster();
    client.denied.add('use securitycontextconstraints');
    client.denied.add('bind clusterroles');
    await planned(client);
    expect(screen.queryByTestId('take-over-blocked')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('take-over-run'));
    await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));

    const handoff = await screen.findByTestId('handoff', {}, { timeout: 10_000 });
    expect(within(handoff).getByTestId('handoff-yaml')).toHaveTextContent(
      'system:openshift:scc:anyuid',
    );
    expect(handoff).toHaveTextContent('Once the grants exist, plan the take-over again');
    expect(screen.getByTestId('take-over-failed')).toHaveTextContent(
      /The take-over stopped; continue it or roll it back\./,
    );
    const problem = screen.getByTestId('take-over-problem');
    expect(problem).toHaveTextContent(/^Deploying instance clearml-managed stopped: /);
    expect(problem).toHaveTextContent(
      /Continue the take-over once fixed, or roll it back to restore the release\.$/,
    );
    expect(problem.textContent).not.toMatch(CLI_WORDS);
    expect(stepStates()).toEqual({
      'protect-claims': 'done',
      'scale-down': 'done',
      deploy: 'failed',
      'remove-release': 'pending',
    });
    expect(screen.queryByTestId('take-over-instance-link')).not.toBeInTheDocument();
    // Nothing of the release was removed, so it can still be rolled back.
    expect(await screen.findByTestId('take-over-rollback')).toBeInTheDocument();
    expect(client.named('Deployment', 'clearml-apiserver')).toBeDefined();
    expectNoSecret();
  }, 20_000);

  it("gives every take-over message that names the command's flags the page's own words", () => {
    const cliWorded = (Object.keys(MESSAGES) as MessageId[]).filter(
      (id) =>
        id.startsWith('adopt.') &&
        !id.endsWith('Page') &&
        !CLI_ONLY.includes(id) &&
        CLI_WORDS.test(MESSAGES[id]),
    );
    expect(cliWorded.sort()).toEqual(Object.keys(PAGE_WORDING).sort());
    for (const id of cliWorded) {
      const params = Object.fromEntries(
        [...MESSAGES[id].matchAll(/\{\{(\w+)\}\}/g)].map(([, name]) =>
          name === 'count' ? [name, 2] : [name, `<${name}>`],
        ),
      );
      const cli = msg(id, params);
      const page = translateMessage(i18next.t, forThePage(cli));
      expect(cli.text).toMatch(CLI_WORDS);
      expect(page, id).not.toMatch(CLI_WORDS);
      // The same parameters reach the page's sentence.
      for (const value of Object.values(params)) expect(page, id).toContain(String(value));
    }
  });

  it('offers no rollback when no take-over has begun', async () => {
    await planned(cluster());
    expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument();
    expect(screen.queryByTestId('take-over-resume')).not.toBeInTheDocument();
  });

  it('rolls back a take-over found half-way, and the chart gets its replicas back', async () => {
    const client = cluster();
    const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'clearml' });
    const plan = planTakeover(input!);
    const firstThree = { ...plan, steps: plan.steps.slice(0, 3) };
    expect((await runTakeover({ client, plan: firstThree, timeoutMs: 200, pollMs: 10 })).ok).toBe(
      true,
    );
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(0);

    show(client);
    expect(await screen.findByTestId('take-over-resume')).toHaveTextContent(
      'A take-over of clearml into instance clearml-managed has begun and is not finished.',
    );
    client.calls = [];
    await userEvent.click(screen.getByTestId('take-over-rollback'));
    expect(screen.getByTestId('take-over-rollback-confirm')).toHaveTextContent(
      /Instance clearml-managed is removed/,
    );
    await userEvent.click(screen.getByTestId('take-over-rollback-confirm-confirm'));

    expect(await screen.findByTestId('take-over-rolled-back')).toHaveTextContent(
      'Release clearml is back to its recorded replicas; instance clearml-managed was removed and the volumes kept.',
    );
    expect(client.calls).toContainEqual({ method: 'apply', what: 'Deployment/clearml-apiserver' });
    expect(client.named('Deployment', 'clearml-apiserver')?.spec?.replicas).toBe(1);
    expect(client.named('Deployment', 'clearml-managed-apiserver')).toBeUndefined();
    await waitFor(() => expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument());
    expectNoSecret();
  });

  it('offers no rollback once removing the release has begun, only to continue', async () => {
    const client = cluster();
    const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'clearml' });
    client.fail = (method) => method === 'delete';
    const first = await runTakeover({ client, plan: planTakeover(input!), timeoutMs: 200 });
    expect(first.stoppedAt).toBe('remove-release');
    client.fail = undefined;

    show(client);
    expect(await screen.findByTestId('take-over-resume')).toBeInTheDocument();
    expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('take-over-plan-button'));
    await screen.findByTestId('take-over-plan');
    expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('take-over-run'));
    await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));
    await screen.findByTestId('take-over-instance-link', {}, { timeout: 10_000 });
    expect(client.named('Deployment', 'clearml-apiserver')).toBeUndefined();
  }, 20_000);

  it('offers only to continue when the run stops while removing the release', async () => {
    const client = cluster();
    client.fail = (method) => method === 'delete';
    await planned(client);
    await userEvent.click(screen.getByTestId('take-over-run'));
    await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));
    const failed = await screen.findByTestId('take-over-failed', {}, { timeout: 10_000 });
    await waitFor(() => expect(failed).toHaveTextContent(/The take-over stopped; continue it\./));
    expect(stepStates()['remove-release']).toBe('failed');
    expect(screen.queryByTestId('take-over-rollback')).not.toBeInTheDocument();
    expect(screen.getByTestId('take-over-run')).toHaveTextContent('Continue take-over');
  }, 20_000);

  it('continues a take-over found half-way from the step after the last one done', async () => {
    const client = cluster();
    const input = await readTakeoverInput(client, { release: 'clearml', namespace: 'clearml' });
    const plan = planTakeover(input!);
    await runTakeover({
      client,
      plan: { ...plan, steps: plan.steps.slice(0, 1) },
      timeoutMs: 200,
      pollMs: 10,
    });
    show(client);
    await screen.findByTestId('take-over-resume');
    await userEvent.click(screen.getByTestId('take-over-plan-button'));
    await screen.findByTestId('take-over-plan');
    expect(stepStates()['protect-claims']).toBe('done');
    await userEvent.click(screen.getByTestId('take-over-run'));
    expect(screen.getByTestId('take-over-run')).toHaveTextContent('Continue take-over');
    await userEvent.click(screen.getByTestId('take-over-confirm-confirm'));
    await screen.findByTestId('take-over-instance-link', {}, { timeout: 10_000 });
    expect(stepStates()).toEqual({
      'protect-claims': 'done',
      'scale-down': 'done',
      deploy: 'done',
      'remove-release': 'done',
    });
  }, 20_000);
});
