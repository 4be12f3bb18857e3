// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import type { Finding } from '../../engine/preflight/findings';
import { FindingsList } from './FindingsList';

const findings: Finding[] = [
  {
    id: 'storage-classes',
    area: 'storage',
    severity: 'info',
    message: "Could not read the cluster's StorageClasses (HTTP 403).",
  },
  { id: 'quota', area: 'quota', severity: 'warning', message: 'The quota is nearly used up.' },
  { id: 'access', area: 'access', severity: 'error', message: 'You lack permissions.' },
];

describe('FindingsList', () => {
  it('gives blocking, warning and info findings their own word and icon, blocking first', () => {
    render(<FindingsList findings={findings} />);
    const items = within(screen.getByTestId('preflight-findings')).getAllByText(/:$/);
    expect(items.map((i) => i.textContent)).toEqual(['Blocking:', 'Warning:', 'Info:']);
    const icon = (severity: string) =>
      screen.getByTestId(`finding-${severity}`).querySelector('.pf-v6-c-icon__content');
    expect(icon('error')).toHaveClass('pf-m-danger');
    expect(icon('warning')).toHaveClass('pf-m-warning');
    // Information is never drawn as success (a green check).
    expect(icon('info')).toHaveClass('pf-m-info');
    expect(screen.getByTestId('preflight-findings').querySelector('.pf-m-success')).toBeNull();
  });
});
