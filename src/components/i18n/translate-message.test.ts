import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { list, msg } from '../../engine/messages/message';
import { I18N_NAMESPACE, translateMessage } from './translate-message';

describe('translateMessage', () => {
  it('translates by id, nested messages and lists first, plurals by count', async () => {
    const de = i18next.cloneInstance({ lng: 'de', initImmediate: false });
    de.addResourceBundle('de', I18N_NAMESPACE, {
      'status.running': '{{image}} läuft, {{steady}}.',
      'status.restarts_one': '{{count}} Neustart bisher',
      'status.restarts_other': '{{count}} Neustarts bisher',
      'status.quota.usedUp': '{{what}}: Kontingent {{quota}} ist erschöpft ({{parts}}).',
      'status.quota.pods': 'Pods können nicht erstellt werden',
      'status.quota.part': '{{resource}}: {{used}} von {{limit}} belegt',
    });
    await de.changeLanguage('de');
    const running = msg('status.running', {
      image: 'redis:7.4.1',
      steady: msg('status.restarts', { count: 2 }),
    });
    expect(translateMessage(de.t, running)).toBe('redis:7.4.1 läuft, 2 Neustarts bisher.');
    const quota = msg('status.quota.usedUp', {
      what: msg('status.quota.pods'),
      quota: 'small',
      parts: list(
        [
          msg('status.quota.part', { resource: 'cpu', used: '1', limit: '2', needed: '1' }),
          msg('status.quota.part', {
            resource: 'memory',
            used: '1Gi',
            limit: '2Gi',
            needed: '1Gi',
          }),
        ],
        '; ',
      ),
    });
    expect(translateMessage(de.t, quota)).toBe(
      'Pods können nicht erstellt werden: Kontingent small ist erschöpft (cpu: 1 von 2 belegt; memory: 1Gi von 2Gi belegt).',
    );
  });

  it('falls back to the engine English for an id the locale lacks', async () => {
    const empty = i18next.cloneInstance({ lng: 'fr', initImmediate: false });
    await empty.changeLanguage('fr');
    const m = msg('status.pvc.waitingNoDefault', { pvc: 'data' });
    expect(translateMessage(empty.t, m)).toBe(m.text);
  });
});
