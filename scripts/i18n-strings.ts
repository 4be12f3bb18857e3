import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const NAMESPACE = 'plugin__clearml-console-plugin';

/** Unescapes the body of a JS string literal written with single, double or back quotes. */
const unescape = (body: string): string =>
  body.replace(/\\(.)/gs, (_m, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));

/** Finds `t('…')` calls (and `t("…")`, `t(`…`)` without interpolation) in source text. */
export const stringsInSource = (text: string): string[] => {
  const found: string[] = [];
  const call = /(?<![\w$.])t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const match of text.matchAll(call)) {
    if (match[1] === '`' && match[2].includes('${')) continue;
    found.push(unescape(match[2]));
  }
  return found;
};

/**
 * The keys of `t('…', { count … })` calls: i18next picks the singular or plural form by `count`,
 * so the catalogue holds `key` (one) and `key_plural` (other), the format the console converts.
 */
export const pluralsInSource = (text: string): string[] => {
  const found: string[] = [];
  const call = /(?<![\w$.])t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*\{[^}]*\bcount\b/g;
  for (const match of text.matchAll(call)) found.push(unescape(match[2]));
  return found;
};

/** Finds `%plugin__clearml-console-plugin~…%` labels in console-extensions.json. */
export const stringsInExtensions = (text: string): string[] => {
  const found: string[] = [];
  const label = new RegExp(`%${NAMESPACE}~([^%]+)%`, 'g');
  for (const match of text.matchAll(label)) found.push(match[1]);
  return found;
};

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

export interface StringUse {
  key: string;
  where: string;
  /** Used with `count`: needs a `_plural` form too. */
  plural?: boolean;
}

/** Every translatable string the plugin uses, with the file it comes from. */
export const collectStrings = (root: string): StringUse[] => {
  const uses: StringUse[] = [];
  for (const file of walk(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const plurals = new Set(pluralsInSource(text));
    for (const key of stringsInSource(text)) {
      uses.push({
        key,
        where: relative(root, file),
        ...(plurals.has(key) ? { plural: true } : {}),
      });
    }
  }
  const extensions = join(root, 'console-extensions.json');
  for (const key of stringsInExtensions(readFileSync(extensions, 'utf8'))) {
    uses.push({ key, where: 'console-extensions.json' });
  }
  return uses;
};
