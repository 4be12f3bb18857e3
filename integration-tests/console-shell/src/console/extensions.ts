/**
 * The console's extension hooks: `useConsoleExtensions` (PluginStore extensions filtered by
 * type guards and with `%ns~key%` strings translated) and `useResolvedExtensions` (the same
 * list with every CodeRef replaced by its resolved value).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  PluginEventType,
  isCodeRef,
  usePluginStore,
  type LoadedExtension,
} from '@openshift/dynamic-plugin-sdk';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Guard = (e: LoadedExtension) => boolean;

const isTranslatable = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 2 && value.startsWith('%') && value.endsWith('%');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

const mapDeep = (value: unknown, fn: (leaf: unknown) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, fn));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapDeep(v, fn)]));
  }
  return fn(value);
};

export const translateExtension = <E extends LoadedExtension>(extension: E, t: TFunction): E => ({
  ...extension,
  properties: mapDeep(extension.properties, (leaf) =>
    isTranslatable(leaf) ? t(leaf.slice(1, -1)) : leaf,
  ) as E['properties'],
});

const useStableGuards = (guards: Guard[]) => {
  const ref = useRef(guards);
  if (ref.current.length !== guards.length || ref.current.some((g, i) => g !== guards[i])) {
    ref.current = guards;
  }
  return ref.current;
};

export const useConsoleExtensions = <E extends LoadedExtension = LoadedExtension>(
  ...typeGuards: Guard[]
): E[] => {
  const store = usePluginStore();
  const [all, setAll] = useState(() => store.getExtensions());
  useEffect(
    () => store.subscribe([PluginEventType.ExtensionsChanged], () => setAll(store.getExtensions())),
    [store],
  );
  const guards = useStableGuards(typeGuards);
  const { t } = useTranslation();
  return useMemo(
    () =>
      all
        .filter((e) => guards.length === 0 || guards.some((g) => g(e)))
        .map((e) => translateExtension(e, t)) as E[],
    [all, guards, t],
  );
};

const resolveProperties = async (properties: unknown): Promise<unknown> => {
  if (isCodeRef(properties as any)) {
    const value = await (properties as () => Promise<unknown>)();
    if (value === null || value === undefined) {
      console.warn('Code reference resolved to null or undefined');
    }
    return value;
  }
  if (Array.isArray(properties)) return Promise.all(properties.map(resolveProperties));
  if (isPlainObject(properties)) {
    const entries = await Promise.all(
      Object.entries(properties).map(async ([k, v]) => [k, await resolveProperties(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return properties;
};

export const resolveExtension = async <E extends LoadedExtension>(extension: E) => ({
  ...extension,
  properties: await resolveProperties(extension.properties),
});

export const useResolvedExtensions = (
  ...typeGuards: Guard[]
): [LoadedExtension[], boolean, unknown[]] => {
  const extensions = useConsoleExtensions(...typeGuards);
  const [result, setResult] = useState<[LoadedExtension[], boolean, unknown[]]>([[], false, []]);
  useEffect(() => {
    let cancelled = false;
    Promise.allSettled(extensions.map((e) => resolveExtension(e))).then((settled) => {
      if (cancelled) return;
      const resolved: LoadedExtension[] = [];
      const errors: unknown[] = [];
      for (const s of settled) {
        if (s.status === 'fulfilled') resolved.push(s.value as LoadedExtension);
        else errors.push(s.reason);
      }
      if (errors.length > 0) console.error('Failed to resolve extensions', errors);
      setResult([resolved, true, errors]);
    });
    return () => {
      cancelled = true;
    };
  }, [extensions]);
  return result;
};
