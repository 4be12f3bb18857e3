// @vitest-environment jsdom
import i18next from 'i18next';

const t = (key: string, options: Record<string, unknown>) =>
  i18next.t(key, { ns: 'plugin__clearml-console-plugin', ...options });

describe('plural rules through i18next', () => {
  it('says "1 replica", never "1 replicas", and keeps the plural for other counts', () => {
    expect(t('{{count}} replicas, one volume each.', { count: 1 })).toBe('1 replica, one volume.');
    expect(t('{{count}} replicas, one volume each.', { count: 3 })).toBe(
      '3 replicas, one volume each.',
    );
    expect(t('{{count}} restarts', { count: 1 })).toBe('1 restart');
    expect(t('Server dry run: {{count}} objects rejected.', { count: 1 })).toBe(
      'Server dry run: 1 object rejected.',
    );
    expect(t('Server dry run: {{count}} objects rejected.', { count: 2 })).toBe(
      'Server dry run: 2 objects rejected.',
    );
  });
});
