import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/engine/messages/catalogue';
import { checkCatalogue, writtenCatalogue } from './i18n-catalogue';
import { NAMESPACE } from './i18n-strings';

const engine = {
  'status.pvc.noStorageClass': 'Volume {{pvc}} has no class.',
  'status.restarts': '{{count}} restart',
  'status.restarts_plural': '{{count}} restarts',
};
const sources = "msg('status.pvc.noStorageClass', { pvc }); msg('status.restarts', { count })";

describe('the i18n check of engine messages', () => {
  it('fails when an engine message id has no translation', () => {
    const problems = checkCatalogue({
      uses: [],
      engine,
      engineSources: sources,
      catalogue: {
        'status.restarts': '{{count}} restart',
        'status.restarts_plural': '{{count}} restarts',
      },
    });
    expect(problems.missing.map((m) => m.key)).toEqual(['status.pvc.noStorageClass']);
  });

  it('fails on a locale key nothing uses, an id no code says and English that drifted', () => {
    const problems = checkCatalogue({
      uses: [{ key: 'Deploy', where: 'src/x.tsx' }],
      engine,
      engineSources: "msg('status.restarts', { count })",
      catalogue: {
        Deploy: 'Deploy',
        Gone: 'Gone',
        'status.pvc.noStorageClass': 'Volume {{pvc}} has no class.',
        'status.restarts': '{{count}} restart!',
        'status.restarts_plural': '{{count}} restarts',
      },
    });
    expect(problems.unused).toEqual(['Gone']);
    expect(problems.unsaid).toEqual(['status.pvc.noStorageClass']);
    expect(problems.differs).toEqual(['status.restarts']);
  });

  it('writes engine ids with the engine English', () => {
    const next = writtenCatalogue([{ key: 'Deploy', where: 'x' }], engine, {
      Deploy: 'Deploy',
      'status.restarts': 'stale',
    });
    expect(next).toEqual({ Deploy: 'Deploy', ...engine });
  });

  it('the English locale file has every engine message, word for word', () => {
    const file = join(resolve(__dirname, '..'), 'i18n', 'en', `${NAMESPACE}.json`);
    const locale: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));
    for (const [id, english] of Object.entries(MESSAGES)) expect(locale[id], id).toBe(english);
  });
});
