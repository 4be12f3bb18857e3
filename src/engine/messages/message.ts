/**
 * Translatable sentences. The engine says everything as a message id with parameters and also
 * produces the English text from its own catalogue (`catalogue.ts`), which the CLI prints as is.
 * The page translates by id through i18next (`i18n/en/…json` holds the same English templates),
 * translating nested messages first. Templates use i18next's `{{name}}` interpolation and its
 * `key` / `key_plural` pair for a `count` parameter, the form the console loads for plugins.
 */
import { MESSAGES, type MessageId } from './catalogue';

/** A list of messages (or names), joined with `join` once each is put into words. */
export interface MessageList {
  join: string;
  items: (Message | string)[];
}

export type MessageParam = string | number | Message | MessageList;

export interface Message {
  id: MessageId;
  params?: Record<string, MessageParam>;
  /** The English sentence, as the CLI prints it. */
  text: string;
}

export const isMessage = (p: MessageParam): p is Message =>
  typeof p === 'object' && 'id' in p && 'text' in p;

export const isMessageList = (p: MessageParam): p is MessageList =>
  typeof p === 'object' && 'items' in p;

/** The English template for an id, with the plural form for a `count` other than 1. */
export function englishTemplate(id: MessageId, count?: number): string {
  const plural = `${id}_plural`;
  if (count !== undefined && count !== 1 && plural in MESSAGES) {
    return MESSAGES[plural as MessageId];
  }
  return MESSAGES[id];
}

const words = (p: MessageParam): string =>
  typeof p === 'object'
    ? isMessageList(p)
      ? p.items.map((m) => (typeof m === 'string' ? m : m.text)).join(p.join)
      : p.text
    : String(p);

/** A message: its id, its parameters and its English text. */
export function msg(id: MessageId, params?: Record<string, MessageParam>): Message {
  const count = typeof params?.count === 'number' ? params.count : undefined;
  const text = englishTemplate(id, count).replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    params && name in params ? words(params[name]) : whole,
  );
  return params ? { id, params, text } : { id, text };
}

export const list = (items: (Message | string)[], join = ', '): MessageList => ({ items, join });

/** `{ message, i18n }` of an event or problem: the English text and the message behind it. */
export const said = (m: Message): { message: string; i18n: Message } => ({
  message: m.text,
  i18n: m,
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function paramFromJson(v: unknown): MessageParam | undefined {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (isRecord(v) && Array.isArray(v.items) && typeof v.join === 'string') {
    const items = v.items.map((i) => (typeof i === 'string' ? i : messageFromJson(i)));
    return items.every((i) => i !== undefined) ? list(items, v.join) : undefined;
  }
  return messageFromJson(v);
}

/** A message as compact JSON data: ids and parameters, no English (`messageFromJson` remakes it). */
export function messageData(m: Message): unknown {
  const param = (p: MessageParam): unknown =>
    typeof p !== 'object'
      ? p
      : isMessageList(p)
        ? { join: p.join, items: p.items.map((i) => (typeof i === 'string' ? i : messageData(i))) }
        : messageData(p);
  return m.params
    ? {
        id: m.id,
        params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, param(v)])),
      }
    : { id: m.id };
}

/**
 * A message read back from JSON (e.g. an annotation someone else may have written): only known
 * ids with well-formed parameters, and the English made again from the catalogue, never taken
 * from the input.
 */
export function messageFromJson(value: unknown): Message | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !Object.hasOwn(MESSAGES, value.id)) {
    return undefined;
  }
  if (value.params === undefined) return msg(value.id as MessageId);
  if (!isRecord(value.params)) return undefined;
  const params: Record<string, MessageParam> = {};
  for (const [name, raw] of Object.entries(value.params)) {
    const p = paramFromJson(raw);
    if (p === undefined) return undefined;
    params[name] = p;
  }
  return msg(value.id as MessageId, params);
}
