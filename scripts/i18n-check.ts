// Checks that every translatable string in the plugin is in i18n/en and that the file holds
// no unused keys. `--write` rewrites the English file from the code (sorted, keys as values).
// The console's i18next uses `~` as namespace and context separator, so no key may contain one.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectStrings, NAMESPACE } from './i18n-strings';

const root = resolve(__dirname, '..');
const file = join(root, 'i18n', 'en', `${NAMESPACE}.json`);
const uses = collectStrings(root);
const PLURAL = '_plural';
const used = new Set(uses.flatMap((u) => (u.plural ? [u.key, `${u.key}${PLURAL}`] : [u.key])));
const pluralKeys = uses.filter((u) => u.plural).map((u) => ({ ...u, key: `${u.key}${PLURAL}` }));

if (process.argv.includes('--write')) {
  const current: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));
  const next: Record<string, string> = {};
  // A new plural form starts as the key's text (English keys are written in the plural).
  for (const key of [...used].sort())
    next[key] = current[key] ?? (key.endsWith(PLURAL) ? key.slice(0, -PLURAL.length) : key);
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`Wrote ${used.size} strings to ${file}`);
  process.exit(0);
}

const catalogue: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));
const tilde = uses.filter((u) => u.key.includes('~'));
for (const u of tilde) {
  console.error(`"~" in key: "${u.key}" (used in ${u.where}); pass the text as a value instead`);
}
const missing = [...uses, ...pluralKeys].filter((u) => !(u.key in catalogue));
const unused = Object.keys(catalogue).filter((k) => !used.has(k));
for (const m of missing) console.error(`missing: "${m.key}" (used in ${m.where})`);
for (const k of unused) console.error(`unused: "${k}"`);
if (missing.length || unused.length || tilde.length) {
  console.error(
    `i18n check failed: ${missing.length} missing, ${unused.length} unused, ${tilde.length} with "~". Run "npm run i18n -- --write" to update ${NAMESPACE}.json.`,
  );
  process.exit(1);
}
console.log(`i18n: ${used.size} strings, all present in i18n/en/${NAMESPACE}.json`);
