// The i18n check as a pure function: the strings the page uses, the engine's message catalogue
// and the English locale file in; every problem out.
import type { StringUse } from './i18n-strings';

export const PLURAL = '_plural';

export interface CatalogueInput {
  /** `t('…')` calls and console-extensions labels. */
  uses: StringUse[];
  /** The engine's message ids with their English templates (`src/engine/messages/catalogue.ts`). */
  engine: Record<string, string>;
  /** The text of every source file except the catalogue, to find ids no code says. */
  engineSources: string;
  /** The English locale file. */
  catalogue: Record<string, string>;
  /** The values schema's source files, to find sentences without an id. */
  schemaSources?: { file: string; text: string }[];
}

export interface CatalogueProblems {
  missing: StringUse[];
  unused: string[];
  tilde: StringUse[];
  /** Engine ids whose English in the locale file differs from the engine's own. */
  differs: string[];
  /** Engine ids that no code says. */
  unsaid: string[];
  /** Sentences a values schema gives zod as literals, with no message id. */
  literal: StringUse[];
}

const ENGINE_FILE = 'src/engine/messages/catalogue.ts';

/** Every key the locale file must hold, with where it comes from. */
export function requiredKeys(uses: StringUse[], engine: Record<string, string>): StringUse[] {
  const fromCode = uses.flatMap((u) => (u.plural ? [u, { ...u, key: `${u.key}${PLURAL}` }] : [u]));
  const fromEngine = Object.keys(engine).map((key) => ({ key, where: ENGINE_FILE }));
  return [...fromCode, ...fromEngine];
}

export function checkCatalogue(input: CatalogueInput): CatalogueProblems {
  const required = requiredKeys(input.uses, input.engine);
  const used = new Set(required.map((u) => u.key));
  const engineIds = Object.keys(input.engine);
  return {
    missing: required.filter((u) => !(u.key in input.catalogue)),
    unused: Object.keys(input.catalogue).filter((k) => !used.has(k)),
    tilde: required.filter((u) => u.key.includes('~')),
    differs: engineIds.filter(
      (id) => id in input.catalogue && input.catalogue[id] !== input.engine[id],
    ),
    unsaid: engineIds.filter(
      (id) =>
        !id.endsWith(PLURAL) &&
        !input.engineSources.includes(`'${id}'`) &&
        !input.engineSources.includes(`"${id}"`),
    ),
    literal: (input.schemaSources ?? []).flatMap(({ file, text }) =>
      literalSchemaMessages(text).map((key) => ({ key, where: file })),
    ),
  };
}

/** The English locale file written from the code: engine ids keep the engine's English. */
export function writtenCatalogue(
  uses: StringUse[],
  engine: Record<string, string>,
  current: Record<string, string>,
): Record<string, string> {
  const next: Record<string, string> = {};
  const keys = [...new Set(requiredKeys(uses, engine).map((u) => u.key))].sort();
  for (const key of keys) {
    next[key] =
      engine[key] ??
      current[key] ??
      // A new plural form starts as the key's text (English keys are written in the plural).
      (key.endsWith(PLURAL) ? key.slice(0, -PLURAL.length) : key);
  }
  return next;
}

const LITERAL = String.raw`(['"\`])((?:\\.|(?!\1)[^\\\n])*)\1`;
/** `error: '…'` or `message: '…'`, as zod takes a rule's sentence. */
const AS_OPTION = new RegExp(String.raw`\b(?:error|message)\s*:\s*${LITERAL}`, 'g');
/** A sentence as a call's last argument: `.regex(/…/, '…')`, `.min(1, '…')`, `.refine(f, '…')`. */
const AS_LAST_ARGUMENT = new RegExp(String.raw`,\s*${LITERAL}\s*,?\s*\)`, 'g');
/** A sentence as a check's only argument: `z.int('…')`. */
const AS_ONLY_ARGUMENT = new RegExp(
  String.raw`\.(?:int|string|number|boolean)\(\s*${LITERAL}`,
  'g',
);

/**
 * Sentences a values schema source gives zod as literals. Such a sentence has no message id, so
 * the page could only show it in English: a schema says each with `rule(id, …)` or `addIssue`.
 * A literal with no space (an enum value, a key) is not a sentence.
 */
export function literalSchemaMessages(source: string): string[] {
  const found: string[] = [];
  for (const pattern of [AS_OPTION, AS_LAST_ARGUMENT, AS_ONLY_ARGUMENT]) {
    for (const match of source.matchAll(pattern)) {
      if (/\s/.test(match[2])) found.push(match[2]);
    }
  }
  return found;
}
