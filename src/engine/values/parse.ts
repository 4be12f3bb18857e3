import { z } from 'zod';
import {
  isMessage,
  isMessageList,
  type Message,
  type MessageParam,
  msg,
} from '../messages/message';
import { escapeControls } from './escape';
import { ruleMessageOf, zodMessage } from './rule-message';
import { checkCrossFieldRules } from './rules';
import { baseValuesSchema, type ClearMLValues, type ClearMLValuesInput } from './schema';

/** The complete values schema: field rules plus the cross-field rules. */
export const valuesSchema = baseValuesSchema.superRefine(checkCrossFieldRules);

/** One problem with the values, located by a dotted path such as `storage.elasticsearch.size`. */
export interface ValidationIssue {
  path: string;
  /** In English, as the CLI prints it; `issueMessage` gives the message behind it. */
  message: string;
}

const MESSAGE_OF = new WeakMap<ValidationIssue, Message>();

/**
 * The message (id and parameters) behind an issue of `parseValues`, for the page to translate;
 * undefined only for a sentence zod says in words no template of ours repeats.
 */
export const issueMessage = (issue: ValidationIssue): Message | undefined => MESSAGE_OF.get(issue);

export type ParseResult =
  { ok: true; values: ClearMLValues } | { ok: false; issues: ValidationIssue[] };

/** Dotted path; keys come from the user, so control characters in them are escaped. */
function joinPath(path: readonly PropertyKey[]): string {
  return escapeControls(path.map((p) => String(p)).join('.'));
}

/** A message with every text parameter made safe to echo, as its English text is. */
function escapeMessage(m: Message): Message {
  const param = (p: MessageParam): MessageParam =>
    typeof p === 'string'
      ? escapeControls(p)
      : typeof p === 'number'
        ? p
        : isMessageList(p)
          ? { join: p.join, items: p.items.map((i) => param(i) as Message | string) }
          : isMessage(p)
            ? escapeMessage(p)
            : p;
  if (!m.params) return m;
  return msg(m.id, Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, param(v)])));
}

function issue(path: string, message: string, i18n: Message | undefined): ValidationIssue {
  const made = { path, message };
  if (i18n) MESSAGE_OF.set(made, escapeMessage(i18n));
  return made;
}

function toIssues(error: z.ZodError, said: Map<string, Message>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const raw of error.issues) {
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys) {
        const unknown = msg('values.unknownField');
        issues.push(issue(joinPath([...raw.path, key]), unknown.text, unknown));
      }
      continue;
    }
    const path = joinPath(raw.path);
    // One message per field: the first rule it breaks.
    if (!issues.some((i) => i.path === path)) {
      const i18n = ruleMessageOf(raw) ?? said.get(raw.message);
      issues.push(issue(path, escapeControls(raw.message), i18n));
    }
  }
  return issues;
}

/** Validates user values and applies the defaults. Never throws. */
export function parseValues(input: unknown): ParseResult {
  try {
    const said = new Map<string, Message>();
    const result = valuesSchema.safeParse(input ?? {}, { error: zodMessage(said) });
    return result.success
      ? { ok: true, values: result.data }
      : { ok: false, issues: toIssues(result.error, said) };
  } catch (err) {
    const detail = escapeControls(err instanceof Error ? err.message : String(err));
    const unreadable = msg('values.unreadable', { detail });
    return { ok: false, issues: [issue('', unreadable.text, unreadable)] };
  }
}

/** The default values, optionally with some fields given. Throws if the given fields are invalid. */
export function createValues(input: ClearMLValuesInput = {}): ClearMLValues {
  const result = parseValues(input);
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
  return result.values;
}
