/**
 * The Upgrade flow's YAML view of the values: the instance's values as YAML without any secret,
 * and YAML edits parsed and validated on every change, each problem in words with its line.
 * Secrets stay in the form: the YAML neither shows them nor may set them, and an edit keeps the
 * ones the form holds.
 */
import { isMap, LineCounter, parseDocument, stringify } from 'yaml';
import { issueMessage, parseValues, readValuesYaml } from '../../engine';
import type { Message } from '../../engine/messages/message';
import { type FormInput, getIn, setIn } from './form-values';

/** Paths of the values that are kept only in the credentials Secret (`deploy/record.ts`). */
export const SECRET_PATHS = [
  'credentials',
  'login.password',
  'components.mongodb.external',
  'components.elasticsearch.external',
];

export interface YamlProblem {
  /** Dotted field path, '' for the document itself. */
  path: string;
  message: string;
  /** The engine's message behind `message`, for the page to translate. */
  i18n?: Message;
  /** 1-based line of the field in the YAML, when known. */
  line?: number;
  /** The YAML tried to set a secret. */
  secret?: boolean;
}

export type YamlEdit =
  { ok: true; input: FormInput; problems: YamlProblem[] } | { ok: false; problems: YamlProblem[] };

const withoutSecrets = (input: FormInput): FormInput =>
  SECRET_PATHS.reduce((acc, path) => setIn(acc, path, undefined), input);

/** The values as YAML, secrets left out. */
export function valuesToYaml(input: FormInput): string {
  const shown = withoutSecrets(input);
  return Object.keys(shown).length ? stringify(shown) : '';
}

/** The 1-based line of each dotted path present in the YAML text. */
function lineOf(text: string): (path: string) => number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, logLevel: 'silent' });
  return (path) => {
    const keys = path ? path.split('.') : [];
    // The deepest node of the path that exists: a missing field is reported at its parent.
    for (let n = keys.length; n >= 0; n--) {
      const parts = keys.slice(0, n).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      const node = n ? doc.getIn(parts, true) : doc.contents;
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range && (n || isMap(node))) return counter.linePos(range[0]).line;
    }
    return undefined;
  };
}

/**
 * Parses edited YAML. A document that is not YAML, not a mapping, or sets a secret is refused;
 * otherwise the values (with the form's secrets put back) come with the engine's field problems.
 */
export function parseValuesYaml(text: string, form: FormInput): YamlEdit {
  const read = readValuesYaml(text);
  if (!read.ok) {
    return { ok: false, problems: [{ path: '', message: read.message, i18n: read.i18n }] };
  }
  const data = (read.data ?? {}) as FormInput;
  const line = lineOf(text);
  const secrets = SECRET_PATHS.filter((p) => getIn(data, p) !== undefined);
  if (secrets.length) {
    return {
      ok: false,
      problems: secrets.map((path) => ({
        path,
        message: 'secrets are not edited as YAML; set them in the Credentials step of the form',
        line: line(path),
        secret: true,
      })),
    };
  }
  const input = SECRET_PATHS.reduce((acc, path) => setIn(acc, path, getIn(form, path)), data);
  const parsed = parseValues(input);
  const problems = parsed.ok
    ? []
    : parsed.issues.map((i) => {
        const i18n = issueMessage(i);
        return { path: i.path, message: i.message, ...(i18n ? { i18n } : {}), line: line(i.path) };
      });
  return { ok: true, input, problems };
}
