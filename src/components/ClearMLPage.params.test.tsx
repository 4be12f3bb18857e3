// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import {
  resetSdkStandIns,
  setActiveNamespaceForTest,
  setWatchData,
  watchCalls,
} from '../test-support/console-sdk';
import { FakeClusterClient } from '../test-support/fake-client';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));
vi.mock('./status/TopologyGraph', () => import('../test-support/topology-graph'));

const renderPage = (route: string) => {
  const client = new FakeClusterClient();
  render(
    <MemoryRouter initialEntries={[route]}>
      <ClearMLPage client={client} />
    </MemoryRouter>,
  );
  return client;
};

/** Every namespace and name the page asked the API about. */
const requested = () =>
  (watchCalls as { namespace?: string; name?: string }[]).flatMap((w) => [w.namespace, w.name]);

describe('ClearMLPage URL parameters', () => {
  beforeEach(() => resetSdkStandIns());

  it.each([
    ['namespace', '?instance=clearml&namespace=Team_A', 'Team_A'],
    ['namespace', '?instance=clearml&namespace=team-a%0A%1B%5B2J', 'team-a\n\u001b[2J'],
    ['namespace', `?instance=clearml&namespace=${'a'.repeat(64)}`, 'a'.repeat(64)],
    ['instance', '?instance=..%2F..%2Fsecrets&namespace=team-a', '../../secrets'],
    ['instance', '?action=upgrade&instance=-x&namespace=team-a', '-x'],
    ['release', '?release=..%2Fsecrets&namespace=team-a', '../secrets'],
  ])('refuses an invalid %s parameter and requests nothing with it (%s)', (param, query, bad) => {
    renderPage(`/clearml/ns/team-a${query}`);
    const alert = screen.getByTestId('invalid-link');
    expect(alert).toHaveTextContent('This link is not valid');
    expect(alert).toHaveTextContent(`The ${param} parameter must be`);
    expect(requested().some((v) => v?.includes(bad))).toBe(false);
    expect(screen.queryByTestId('status-panel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('release-panel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('wizard-step-general')).not.toBeInTheDocument();
  });

  it('uses valid parameters as before', () => {
    renderPage('/clearml/ns/team-a?instance=ml&namespace=team-b');
    expect(screen.queryByTestId('invalid-link')).not.toBeInTheDocument();
    expect(requested()).toContain('team-b');
    expect(requested()).toContain('ml-install-record');
  });
});

describe('ClearMLPage in a reserved project', () => {
  beforeEach(() => resetSdkStandIns());

  it('shows the reserved-namespace field message and does not offer reserved projects', async () => {
    setActiveNamespaceForTest('openshift-monitoring');
    setWatchData({
      Project: ['default', 'kube-system', 'openshift', 'openshift-monitoring', 'team-a'].map(
        (name) => ({ metadata: { name } }),
      ),
    });
    await act(async () => {
      renderPage('/clearml/ns/openshift-monitoring?action=deploy');
    });
    expect(screen.getByTestId('field-namespace-error')).toHaveTextContent(
      /^namespace is reserved for the cluster itself/,
    );
    const options = within(screen.getByTestId('field-namespace'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['openshift-monitoring', 'team-a']);
  });
});
