// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { K8sObject } from '../../engine';
import { FakeClusterClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { UninstallModal } from './UninstallModal';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const labels = {
  'app.kubernetes.io/instance': 'clearml',
  'app.kubernetes.io/managed-by': 'clearml-console-plugin',
};
const obj = (kind: string, name: string, extra: object = {}): K8sObject =>
  ({
    apiVersion: kind === 'Deployment' ? 'apps/v1' : 'v1',
    kind,
    metadata: { name, namespace: 'team-a', labels },
    ...extra,
  }) as K8sObject;

function cluster() {
  return new FakeClusterClient([
    obj('Deployment', 'clearml-apiserver'),
    obj('Secret', 'clearml-credentials'),
    obj('PersistentVolumeClaim', 'clearml-mongodb-data', {
      spec: { resources: { requests: { storage: '50Gi' } } },
      status: { capacity: { storage: '50Gi' } },
    }),
    obj('PersistentVolumeClaim', 'clearml-fileserver-data', {
      spec: { resources: { requests: { storage: '100Gi' } } },
    }),
  ]);
}

/** The glue of agent `cpu` (render/agents) and one task pod it started (labels only, no instance label). */
function clusterWithAgent() {
  const client = cluster();
  client.put(
    obj('Deployment', 'clearml-agent-cpu', {
      metadata: {
        name: 'clearml-agent-cpu',
        namespace: 'team-a',
        labels: {
          ...labels,
          'app.kubernetes.io/component': 'agent',
          'clearml-console-plugin/agent': 'cpu',
        },
      },
    }),
  );
  client.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'clearml-id-0a1b2c',
      namespace: 'team-a',
      labels: {
        'clearml-console-plugin/agent-of': 'clearml',
        'clearml-console-plugin/agent': 'cpu',
      },
    },
  } as K8sObject);
  return client;
}

async function confirmUninstall() {
  fireEvent.change(screen.getByTestId('uninstall-confirm-name'), {
    target: { value: 'clearml' },
  });
  await userEvent.click(screen.getByTestId('uninstall-confirm'));
  await screen.findByTestId('uninstall-result');
}

describe('UninstallModal', () => {
  it('lists each volume with its size and keeps data by default', async () => {
    const client = cluster();
    renderWithClient(<UninstallModal namespace="team-a" instance="clearml" onClose={vi.fn()} />, {
      client,
    });
    const pvcs = await screen.findByTestId('uninstall-pvcs');
    expect(pvcs).toHaveTextContent('clearml-mongodb-data (50Gi)');
    expect(pvcs).toHaveTextContent('clearml-fileserver-data (100Gi)');
    expect(screen.getByTestId('uninstall-delete-data')).not.toBeChecked();
    expect(screen.queryByTestId('uninstall-delete-task-pods')).toBeNull();
  });

  it("leaves the agents' task pods by default and names them after the uninstall", async () => {
    const client = clusterWithAgent();
    renderWithClient(<UninstallModal namespace="team-a" instance="clearml" onClose={vi.fn()} />, {
      client,
    });
    const choice = await screen.findByTestId('uninstall-delete-task-pods');
    expect(choice).not.toBeChecked();
    expect(screen.getByText("Also delete the agents' running task pods")).toBeInTheDocument();
    await confirmUninstall();
    expect(await screen.findByTestId('uninstall-task-pods-left')).toHaveTextContent(
      'Left 1 task pod of the agents in team-a (clearml-id-0a1b2c). Remove it with oc delete pod -n team-a -l clearml-console-plugin/agent-of=clearml.',
    );
    const left = [...client.objects.keys()];
    expect(left).toContain('Pod/team-a/clearml-id-0a1b2c');
    expect(left).not.toContain('Deployment/team-a/clearml-agent-cpu');
  });

  it("deletes the agents' task pods when asked and then has nothing to say about them", async () => {
    const client = clusterWithAgent();
    renderWithClient(<UninstallModal namespace="team-a" instance="clearml" onClose={vi.fn()} />, {
      client,
    });
    await userEvent.click(await screen.findByTestId('uninstall-delete-task-pods'));
    await confirmUninstall();
    expect(screen.getByTestId('uninstall-result')).toHaveTextContent('3 objects deleted, 3 kept');
    expect(screen.queryByTestId('uninstall-task-pods-left')).toBeNull();
    expect([...client.objects.keys()]).not.toContain('Pod/team-a/clearml-id-0a1b2c');
  });

  it('needs the instance name typed before it uninstalls, then keeps volumes and credentials', async () => {
    const client = cluster();
    const onDone = vi.fn();
    renderWithClient(
      <UninstallModal namespace="team-a" instance="clearml" onClose={vi.fn()} onDone={onDone} />,
      { client },
    );
    const confirm = screen.getByTestId('uninstall-confirm');
    expect(confirm).toBeDisabled();
    fireEvent.change(screen.getByTestId('uninstall-confirm-name'), { target: { value: 'clear' } });
    expect(confirm).toBeDisabled();
    fireEvent.change(screen.getByTestId('uninstall-confirm-name'), {
      target: { value: 'clearml' },
    });
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(screen.getByTestId('uninstall-result')).toHaveTextContent('1 objects deleted, 3 kept');
    const left = [...client.objects.keys()];
    expect(left).toContain('Secret/team-a/clearml-credentials');
    expect(left).toContain('PersistentVolumeClaim/team-a/clearml-mongodb-data');
    expect(left).not.toContain('Deployment/team-a/clearml-apiserver');
  });

  it('deletes the data only when asked', async () => {
    const client = cluster();
    renderWithClient(<UninstallModal namespace="team-a" instance="clearml" onClose={vi.fn()} />, {
      client,
    });
    await userEvent.click(screen.getByTestId('uninstall-delete-data'));
    fireEvent.change(screen.getByTestId('uninstall-confirm-name'), {
      target: { value: 'clearml' },
    });
    expect(screen.getByTestId('uninstall-confirm')).toHaveTextContent('Uninstall and delete data');
    await userEvent.click(screen.getByTestId('uninstall-confirm'));
    await waitFor(() => expect(client.objects.size).toBe(0));
  });
});
