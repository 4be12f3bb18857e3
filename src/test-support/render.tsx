// Renders plugin components the way the page does: a fake cluster client and a router.
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { ClusterClientProvider } from '../components/ClusterClientContext';
import type { ClusterClient } from '../engine/cluster/client';
import { FakeClusterClient } from './fake-client';

export function renderWithClient(
  ui: ReactElement,
  {
    client = new FakeClusterClient(),
    route = '/clearml/ns/team-a',
  }: { client?: ClusterClient; route?: string } = {},
) {
  const result = render(
    <MemoryRouter initialEntries={[route]}>
      <ClusterClientProvider client={client}>{ui}</ClusterClientProvider>
    </MemoryRouter>,
  );
  return { ...result, client };
}
