// Checks that every translatable string in the plugin is in i18n/en and that the file holds
// no unused keys. The engine's message ids (src/engine/messages/catalogue.ts) count as used: the
// page translates them by id, so each needs an entry with the engine's English, and each must be
// said somewhere in the code. `--write` rewrites the English file from the code (sorted, keys
// as values, engine ids with the engine's English). The console's i18next uses `~` as namespace
// and context separator, so no key may contain one.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MESSAGES } from '../src/engine/messages/catalogue';
import { checkCatalogue, writtenCatalogue } from './i18n-catalogue';
import { collectStrings, NAMESPACE } from './i18n-strings';

const root = resolve(__dirname, '..');
const file = join(root, 'i18n', 'en', `${NAMESPACE}.json`);
const uses = collectStrings(root);
const engine: Record<string, string> = MESSAGES;
const current: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));

if (process.argv.includes('--write')) {
  const next = writtenCatalogue(uses, engine, current);
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`Wrote ${Object.keys(next).length} strings to ${file}`);
  process.exit(0);
}

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.endsWith('catalogue.ts')
      ? [readFileSync(path, 'utf8')]
      : [];
  });

const valuesDir = join(root, 'src', 'engine', 'values');
// Every source of the values schema, and the reading of values files that comes before it.
const schemaSources = readdirSync(valuesDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({
    file: relative(root, join(valuesDir, name)),
    text: readFileSync(join(valuesDir, name), 'utf8'),
  }));

const problems = checkCatalogue({
  uses,
  engine,
  engineSources: sources(join(root, 'src')).join('\n'),
  catalogue: current,
  schemaSources,
});
for (const u of problems.tilde) {
  console.error(`"~" in key: "${u.key}" (used in ${u.where}); pass the text as a value instead`);
}
for (const m of problems.missing) console.error(`missing: "${m.key}" (used in ${m.where})`);
for (const k of problems.unused) console.error(`unused: "${k}"`);
for (const k of problems.differs) console.error(`English differs from the engine's: "${k}"`);
for (const k of problems.unsaid) console.error(`engine message never said: "${k}"`);
for (const u of problems.literal) {
  console.error(
    `schema sentence without a message id: "${u.key}" (in ${u.where}); say it with rule(…)`,
  );
}
const count = Object.values(problems).reduce((n, list) => n + list.length, 0);
if (count) {
  console.error(
    `i18n check failed: ${problems.missing.length} missing, ${problems.unused.length} unused, ${problems.tilde.length} with "~", ${problems.differs.length} differing, ${problems.unsaid.length} never said, ${problems.literal.length} schema sentences without an id. Run "npm run i18n -- --write" to update ${NAMESPACE}.json.`,
  );
  process.exit(1);
}
console.log(
  `i18n: ${Object.keys(current).length} strings, all present in i18n/en/${NAMESPACE}.json`,
);
