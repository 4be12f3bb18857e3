/**
 * User preferences in browser storage, as the console does with
 * `userSettingsLocation: localstorage` (key `console-user-settings`, one JSON object).
 */
import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'console-user-settings';
const EVENT = 'console-user-settings-changed';

const keyFor = (key: string) => key.replace(/[^-._a-zA-Z0-9]/g, '_');

const readAll = (): Record<string, unknown> => {
  try {
    return JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
};

export const getUserPreference = <T>(key: string): T | undefined =>
  readAll()[keyFor(key)] as T | undefined;

export const setUserPreference = (key: string, value: unknown) => {
  const all = readAll();
  all[keyFor(key)] = value;
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(all));
  window.dispatchEvent(new CustomEvent(EVENT, { detail: key }));
};

export const useUserPreference = <T>(
  key: string,
  defaultValue?: T,
  sync = false,
): [T | undefined, (v: T | ((prev: T | undefined) => T)) => void, boolean] => {
  const [value, setValue] = useState<T | undefined>(
    () => getUserPreference<T>(key) ?? defaultValue,
  );
  useEffect(() => {
    if (!sync) return undefined;
    const onChange = (e: Event) => {
      if ((e as CustomEvent).detail === key) setValue(getUserPreference<T>(key));
    };
    window.addEventListener(EVENT, onChange);
    return () => window.removeEventListener(EVENT, onChange);
  }, [key, sync]);
  const update = useCallback(
    (next: T | ((prev: T | undefined) => T)) => {
      setValue((prev) => {
        const resolved =
          typeof next === 'function' ? (next as (p: T | undefined) => T)(prev) : next;
        setUserPreference(key, resolved);
        return resolved;
      });
    },
    [key],
  );
  return [value, update, true];
};

/** The same hook under its name in the SDK of consoles 4.19–4.21 (`useUserSettings`). */
export const useUserSettings = useUserPreference;
