import { readdirSync, readFileSync } from 'node:fs';
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

describe('the i18n check of the values schema', () => {
  const check = (text: string) =>
    checkCatalogue({
      uses: [],
      engine: {},
      engineSources: '',
      catalogue: {},
      schemaSources: [{ file: 'src/engine/values/x.ts', text }],
    })
      .literal.map((u) => u.key)
      .sort();

  it('fails on a sentence given to zod as a literal, which the page could not translate', () => {
    expect(
      check(`const a = z
  .string()
  .min(1, 'name must not be empty')
  .regex(
    /^[a-z"]+$/,
    \`name must be lower-case letters up to \${max}\`,
  );
const b = z.int('replicas must be a whole number');
const c = z.array(x, { error: 'agents must be a list' });
ctx.addIssue({ code: 'custom', message: \`agent \${a.name} is listed twice\` });`),
    ).toEqual([
      'agent ${a.name} is listed twice',
      'agents must be a list',
      'name must be lower-case letters up to ${max}',
      'name must not be empty',
      'replicas must be a whole number',
    ]);
  });

  it('passes sentences said by id, and literals that are values rather than sentences', () => {
    expect(
      check(`const a = z
  .string()
  .min(1, rule('values.dns.empty', { what }))
  .regex(/^[a-z]+$/, rule('values.dns.label', { what }));
const b = z.enum(['Exists', 'Equal'], { error: rule('values.toleration.operator') });
addIssue(ctx, msg('values.agents.twice', { name: a.name }), [i, 'name']);
const c = z.string().default('clearml-token-k8s').meta({ description: 'Shown in the JSON schema.' });`),
    ).toEqual([]);
  });

  it('finds no literal sentence in the schema as it is', () => {
    const root = resolve(__dirname, '..');
    const dir = join(root, 'src', 'engine', 'values');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const schemaSources = files.map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
    expect(schemaSources.length).toBeGreaterThan(5);
    const problems = checkCatalogue({
      uses: [],
      engine: {},
      engineSources: '',
      catalogue: {},
      schemaSources,
    });
    expect(problems.literal).toEqual([]);
  });
});
