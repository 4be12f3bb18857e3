/**
 * Engine messages in the page's language: each id is looked up in the plugin's namespace, with
 * nested messages translated first and lists joined as the engine joins them. A message whose id
 * the locale lacks falls back to the engine's English text.
 */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from '../../compat/console-api';
import {
  isMessage,
  isMessageList,
  type Message,
  type MessageParam,
} from '../../engine/messages/message';

export const I18N_NAMESPACE = 'plugin__clearml-console-plugin';

export function translateMessage(t: TFunction, m: Message): string {
  const param = (p: MessageParam): string | number =>
    typeof p !== 'object'
      ? p
      : isMessageList(p)
        ? p.items.map((i) => (typeof i === 'string' ? i : translateMessage(t, i))).join(p.join)
        : isMessage(p)
          ? translateMessage(t, p)
          : String(p);
  const params = Object.fromEntries(Object.entries(m.params ?? {}).map(([k, v]) => [k, param(v)]));
  // The engine's ids are plain keys of the plugin's namespace (the console's i18next has no key
  // separator); values are put in as they are, React escapes them.
  return t(m.id, {
    ...params,
    ns: I18N_NAMESPACE,
    defaultValue: m.text,
    interpolation: { escapeValue: false },
  }) as string;
}

/** `(message) => sentence` in the page's language. */
export function useTranslateMessage(): (m: Message) => string {
  const { t } = useTranslation(I18N_NAMESPACE);
  return useCallback((m: Message) => translateMessage(t, m), [t]);
}
