// @vitest-environment jsdom
import { act, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createValues, type K8sObject, renderWithPlan } from '../../engine';
import { useDeployRun } from '../../hooks/useDeployRun';
import { escalationForbidden, FakeClusterClient, invalid } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { ClusterClientProvider } from '../ClusterClientContext';
import { DeployProgress } from './DeployProgress';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const values = createValues({
  name: 'clearml',
  namespace: 'team-a',
  security: { mode: 'chart-compatible' },
});

function cluster() {
  return new FakeClusterClient([
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
  ]);
}

/** A cluster whose router admits each Route with an Admitted condition, as OpenShift's does. */
class RouterAdmits extends FakeClusterClient {
  override put(o: K8sObject) {
    const stored = super.put(o) as K8sObject & {
      status?: { ingress?: Record<string, unknown>[] };
    };
    for (const ing of stored.status?.ingress ?? []) {
      ing.conditions = [
        { type: 'Admitted', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z' },
      ];
    }
    return stored;
  }
}

async function run(client: FakeClusterClient, deployed = values) {
  const { objects } = await renderWithPlan(deployed);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClusterClientProvider client={client}>{children}</ClusterClientProvider>
  );
  const hook = renderHook(() => useDeployRun(), { wrapper });
  act(() => hook.result.current.start({ values: deployed, waitForAdmin: false, objects }));
  await waitFor(() => expect(hook.result.current.state.running).toBe(false), { timeout: 10000 });
  return hook;
}

describe('DeployProgress', () => {
  it('shows each object as the engine reports it, and success', async () => {
    const client = cluster();
    const hook = await run(client);
    renderWithClient(
      <DeployProgress run={hook.result.current.state} onRetry={vi.fn()} onCancel={vi.fn()} />,
      { client },
    );
    expect(screen.getByTestId('deploy-done')).toBeInTheDocument();
    expect(screen.getByTestId('deploy-object-Deployment-clearml-apiserver')).toHaveTextContent(
      'Created',
    );
    expect(screen.getByTestId('deploy-object-Secret-clearml-credentials')).toBeInTheDocument();
  });

  it('writes the servers once with the Route hosts, shows that step, counts agree', async () => {
    const client = new RouterAdmits([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    ]);
    const hook = await run(client);
    const state = hook.result.current.state;
    renderWithClient(<DeployProgress run={state} onRetry={vi.fn()} onCancel={vi.fn()} />, {
      client,
    });
    // The web server is written once, with the Route hosts: "Created", with a note.
    const web = screen.getByTestId('deploy-object-Deployment-clearml-webserver');
    expect(web).toHaveTextContent('Created');
    expect(web).not.toHaveTextContent('Updated');
    expect(within(web).getByTestId('route-hosts-note')).toBeInTheDocument();
    // Writing with the Route hosts is its own step, with its reason.
    expect(screen.getByTestId('phase-route-hosts')).toHaveTextContent('Route hosts');
    expect(screen.getByTestId('phase-route-hosts')).toHaveTextContent(
      /writing .*Deployment clearml-webserver.* with the external URLs/,
    );
    // One row per object, each written once: the summary, the rows and the result agree.
    const rows = screen.getAllByTestId(/^deploy-object-/);
    const { objects } = await renderWithPlan(values);
    // The plan, the files path Route (it needs the app Route's host, so the deploy adds
    // it) and the install record.
    expect(objects.some((o) => o.kind === 'Route' && o.metadata.name === 'clearml-files')).toBe(
      false,
    );
    expect(screen.getByTestId('deploy-object-Route-clearml-files')).toHaveTextContent('Created');
    expect(rows).toHaveLength(objects.length + 2);
    expect(state.result?.changed).toBe(rows.length);
    expect(screen.getByTestId('deploy-done')).toHaveTextContent(
      `${rows.length} of ${rows.length} objects written`,
    );
    expect(screen.getByTestId('deploy-counts')).toHaveTextContent(
      `${rows.length} created, 0 updated, 0 unchanged, 0 left to an administrator`,
    );
  });

  it('says what went wrong in words and retries', async () => {
    const client = cluster();
    client.applyFailure = (o, opts) =>
      o.kind === 'Route' && !opts.dryRun ? invalid('host already claimed', 'spec.host') : undefined;
    const hook = await run(client);
    const onRetry = vi.fn();
    renderWithClient(
      <DeployProgress run={hook.result.current.state} onRetry={onRetry} onCancel={vi.fn()} />,
      { client },
    );
    expect(screen.getByTestId('deploy-failed')).toBeInTheDocument();
    expect(screen.getAllByTestId('deploy-problem')[0]).toHaveTextContent(
      /rejected the request to apply Route .* as invalid .*spec.host: host already claimed/,
    );
    await userEvent.click(screen.getByTestId('deploy-retry'));
    expect(onRetry).toHaveBeenCalled();
  });

  it('shows the hand-off when the API refuses the SCC binding as an escalation', async () => {
    const client = cluster();
    client.applyFailure = (o) =>
      o.kind === 'RoleBinding' ? escalationForbidden(o.metadata.name) : undefined;
    const hook = await run(client);
    renderWithClient(
      <DeployProgress run={hook.result.current.state} onRetry={vi.fn()} onCancel={vi.fn()} />,
      { client },
    );
    expect(screen.getByTestId('deploy-failed')).toBeInTheDocument();
    expect(screen.getByTestId('handoff-yaml')).toHaveTextContent('system:openshift:scc:');
  });

  it('stops with the hand-off when the user may not grant and chose not to wait', async () => {
    const client = cluster();
    client.denied.add('use securitycontextconstraints');
    client.denied.add('bind clusterroles');
    const hook = await run(client);
    expect(hook.result.current.state.result?.stoppedBecause).toBe('grants-missing');
    renderWithClient(
      <DeployProgress run={hook.result.current.state} onRetry={vi.fn()} onCancel={vi.fn()} />,
      { client },
    );
    expect(screen.getByTestId('deploy-failed')).toHaveTextContent(
      'the security grants are not there yet',
    );
    expect(screen.getByTestId('handoff')).toBeInTheDocument();
  });

  it('stops before writing when the existing credentials Secret is missing, naming it', async () => {
    const client = cluster();
    const hook = await run(
      client,
      createValues({
        name: 'clearml',
        namespace: 'team-a',
        credentials: { existingSecret: 'clearml-conf' },
      }),
    );
    expect(hook.result.current.state.result?.stoppedBecause).toBe('credentials-missing');
    renderWithClient(
      <DeployProgress run={hook.result.current.state} onRetry={vi.fn()} onCancel={vi.fn()} />,
      { client },
    );
    expect(screen.getByTestId('deploy-failed')).toHaveTextContent(
      'the existing credentials Secret lacks what the instance needs',
    );
    expect(screen.getByTestId('deploy-problem')).toHaveTextContent(
      'Secret clearml-conf (credentials.existingSecret) does not exist in team-a',
    );
    expect(client.calls.filter((c) => c.method === 'apply')).toEqual([]);
  });
});
