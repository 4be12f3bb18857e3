// @vitest-environment jsdom
import { act, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createValues, renderWithPlan } from '../../engine';
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

async function run(client: FakeClusterClient) {
  const { objects } = await renderWithPlan(values);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ClusterClientProvider client={client}>{children}</ClusterClientProvider>
  );
  const hook = renderHook(() => useDeployRun(), { wrapper });
  act(() => hook.result.current.start({ values, waitForAdmin: false, objects }));
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
});
