// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { msg } from '../../engine/messages/message';
import { type Finding, finding } from '../../engine/preflight/findings';
import { FindingsList } from './FindingsList';

const findings: Finding[] = [
  finding('storage', 'storage', 'info', msg('preflight.storage.unreadable', { status: 403 })),
  finding('quota', 'quota', 'warning', msg('preflight.quota.ok')),
  finding(
    'access',
    'access',
    'error',
    msg('preflight.access.denied', { namespace: 'team-a', denied: 'create routes' }),
  ),
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

  it('shows each finding in the page language, by its message id and parameters', async () => {
    i18next.addResourceBundle('de', 'plugin__clearml-console-plugin', {
      Blocking: 'Blockiert',
      Warning: 'Warnung',
      Info: 'Info',
      'preflight.storage.unreadable':
        'Die StorageClasses des Clusters sind nicht lesbar (HTTP {{status}}).',
      'preflight.quota.ok': 'Das Kontingent des Projekts reicht für diesen Plan.',
      'preflight.access.denied': 'Ihnen fehlen Rechte in Projekt {{namespace}}: {{denied}}.',
    });
    await i18next.changeLanguage('de');
    const { unmount } = render(<FindingsList findings={findings} />);
    try {
      expect(screen.getByTestId('finding-error')).toHaveTextContent(
        'Blockiert: Ihnen fehlen Rechte in Projekt team-a: create routes.',
      );
      expect(screen.getByTestId('finding-info')).toHaveTextContent(
        'Die StorageClasses des Clusters sind nicht lesbar (HTTP 403).',
      );
      expect(screen.getByTestId('preflight-findings')).not.toHaveTextContent(/Could not read/);
    } finally {
      unmount();
      await i18next.changeLanguage('en');
    }
  });
});
