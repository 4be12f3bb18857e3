// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { resetSdkStandIns, setWatchData } from '../../test-support/console-sdk';
import { FakeClusterClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { DeployWizard } from './DeployWizard';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../../test-support/console-sdk'));

const initial = {
  name: 'clearml',
  namespace: 'team-a',
  login: { enabled: true, password: 'hunter2-hunter2-hunter2' },
  components: { apiserver: { replicas: 1 } },
};

function start() {
  setWatchData({ Project: [{ metadata: { name: 'team-a' } } as never] });
  renderWithClient(
    <DeployWizard initial={initial} isUpgrade onDeploy={vi.fn()} onCancel={vi.fn()} />,
    { client: new FakeClusterClient([]) },
  );
}

const editor = () => screen.getByTestId('code-editor') as HTMLTextAreaElement;
const next = () => screen.getByTestId('wizard-next');

describe('Upgrade: Form and YAML views', () => {
  beforeEach(() => resetSdkStandIns());

  it('shows the values as YAML without secrets, checks each edit, and the form keeps it', async () => {
    start();
    await userEvent.click(screen.getByTestId('editor-yaml'));
    expect(editor().value).toContain('name: clearml');
    expect(editor().value).toContain('replicas: 1');
    expect(editor().value).not.toContain('hunter2');

    // A value the schema refuses: its field and line in words, Next blocked.
    const bad = editor().value.replace('replicas: 1', 'replicas: many');
    fireEvent.change(editor(), { target: { value: bad } });
    const line = bad.split('\n').findIndex((l) => l.includes('replicas: many')) + 1;
    const problem = screen.getByTestId('values-yaml-problem');
    expect(problem).toHaveTextContent(`Line ${line}: components.apiserver.replicas:`);
    expect(next()).toBeDisabled();

    // YAML that does not parse blocks Next too.
    fireEvent.change(editor(), { target: { value: 'name: clearml\n  broken: [' } });
    expect(screen.getByTestId('values-yaml-problems')).toBeInTheDocument();
    expect(next()).toBeDisabled();

    // A secret may not be set here.
    fireEvent.change(editor(), {
      target: { value: `${bad.replace('replicas: many', 'replicas: 1')}credentials: {}\n` },
    });
    expect(screen.getByTestId('values-yaml-problem')).toHaveTextContent(
      /secrets are not edited as YAML/,
    );

    fireEvent.change(editor(), { target: { value: bad.replace('replicas: many', 'replicas: 2') } });
    expect(screen.queryByTestId('values-yaml-problems')).not.toBeInTheDocument();
    expect(next()).toBeEnabled();

    // Back in the form, the edit is there.
    await userEvent.click(screen.getByTestId('editor-form'));
    await userEvent.click(within(screen.getByTestId('wizard-step-size')).getByRole('button'));
    await waitFor(() =>
      expect(screen.getByTestId('field-components-apiserver-replicas')).toHaveValue('2'),
    );
  });
});
