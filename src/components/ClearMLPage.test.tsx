// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import ClearMLPage from './ClearMLPage';

vi.mock('@openshift-console/dynamic-plugin-sdk', () => import('../test-support/console-sdk'));

describe('ClearMLPage', () => {
  it('shows the page title and what the page does', () => {
    render(<ClearMLPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'ClearML' })).toBeInTheDocument();
    expect(screen.getByText(/least-privilege security plan/)).toBeInTheDocument();
    expect(screen.getByTestId('document-title')).toHaveTextContent('Deploy ClearML');
  });
});
