/**
 * The values schema's sentences as messages. Zod keeps an issue's English text (the CLI prints it
 * as is); the page needs the message id and parameters behind it. A rule fixed when the schema is
 * built says its text with `rule(…)`, which remembers the message by its text; a rule that names
 * what the user wrote adds its issue with `addIssue(…)`, which carries the message along; zod's
 * own sentences (a wrong type, an option not in the list) get theirs from `zodMessage`.
 */
import type { z } from 'zod';
import { locales } from 'zod';
import type { MessageId } from '../messages/catalogue';
import { isMessage, type Message, type MessageParam, msg } from '../messages/message';

/** Messages of the rules, by English text. Filled only while the schema is built. */
const BY_TEXT = new Map<string, Message>();

/** The English text of a rule fixed when the schema is built. */
export function rule(id: MessageId, params?: Record<string, MessageParam>): string {
  const m = msg(id, params);
  BY_TEXT.set(m.text, m);
  return m.text;
}

/** A `{{what}}` parameter: the name of a field. */
export const what = (id: MessageId): Message => msg(id);

/** Adds a custom issue that says `m`. */
export function addIssue(
  ctx: {
    addIssue: (issue: {
      code: 'custom';
      message: string;
      path?: PropertyKey[];
      params: Record<string, unknown>;
    }) => void;
  },
  m: Message,
  path?: PropertyKey[],
): void {
  ctx.addIssue({ code: 'custom', ...(path ? { path } : {}), message: m.text, params: { i18n: m } });
}

/** The message behind a finished zod issue, if the schema said one. */
export function ruleMessageOf(issue: z.core.$ZodIssue): Message | undefined {
  const carried = issue.code === 'custom' ? (issue.params as { i18n?: unknown })?.i18n : undefined;
  if (carried && typeof carried === 'object' && isMessage(carried as Message)) {
    return carried as Message;
  }
  return BY_TEXT.get(issue.message);
}

const english = locales.en().localeError;
const stringify = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
const SIZED: Record<string, string> = { string: 'characters', array: 'items', set: 'items' };

function candidate(issue: z.core.$ZodRawIssue, text: string): Message | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const received = /, received (.*)$/.exec(text)?.[1] ?? '';
      return msg('values.zod.invalidType', { expected: String(issue.expected), received });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? msg('values.zod.expected', { value: stringify(issue.values[0]) })
        : msg('values.zod.oneOf', { values: issue.values.map(stringify).join('|') });
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const relation = issue.exact ? 'exactly ' : `${big ? '<' : '>'}${issue.inclusive ? '=' : ''}`;
      const limit = String(big ? issue.maximum : issue.minimum);
      const origin = String(issue.origin ?? 'value');
      const unit = SIZED[origin];
      const params = { origin, relation, limit, ...(unit ? { unit } : {}) };
      if (big) return msg(unit ? 'values.zod.tooBigSized' : 'values.zod.tooBig', params);
      return msg(unit ? 'values.zod.tooSmallSized' : 'values.zod.tooSmall', params);
    }
    default:
      return text === 'Invalid input' ? msg('values.zod.invalidInput') : undefined;
  }
}

/**
 * Zod's own English for an issue the schema gave no sentence, with its message when our template
 * says exactly the same; `said` collects those by text for one parse.
 */
export function zodMessage(said: Map<string, Message>) {
  return (issue: z.core.$ZodRawIssue): string | undefined => {
    const out = english(issue);
    const text = typeof out === 'string' ? out : out?.message;
    if (!text) return undefined;
    const m = candidate(issue, text);
    if (m?.text === text) said.set(text, m);
    return text;
  };
}
