/**
 * i18next set up as the console does: `~` as namespace and context separator, no key separator,
 * `public` as default namespace, resources from `<basePath>locales/resource.json?lng=&ns=`
 * (the bridge answers `plugin__<name>` from the plugin's own `locales/<lng>/<ns>.json`), plugin
 * namespaces converted from `_plural` keys to i18next v4 plural suffixes, React Suspense on.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';

type Resources = Record<string, string>;

/** Old i18next `key_plural` form → v4 `key_one` / `key_other`. */
export const convertPlurals = (resources: Resources): Resources => {
  const out: Resources = {};
  for (const [key, value] of Object.entries(resources)) {
    if (key.endsWith('_plural')) {
      out[`${key.slice(0, -'_plural'.length)}_other`] = value;
    } else if (Object.prototype.hasOwnProperty.call(resources, `${key}_plural`)) {
      out[`${key}_one`] = value;
    } else {
      out[key] = value;
    }
  }
  return out;
};

const consoleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language: string, namespace: string, callback: ReadCallback) => {
    const url = `${window.SERVER_FLAGS.basePath}locales/resource.json?lng=${encodeURIComponent(
      language,
    )}&ns=${encodeURIComponent(namespace)}`;
    fetch(url, { credentials: 'same-origin' })
      .then(async (response) => {
        if (!response.ok) {
          // i18next retries on `true`; a missing namespace is final.
          callback(`failed loading ${url}: ${response.status}`, response.status >= 500);
          return;
        }
        const json = (await response.json()) as Resources;
        callback(null, namespace.startsWith('plugin__') ? convertPlurals(json) : json);
      })
      .catch((error: Error) => callback(error.message, true));
  },
};

export const initI18n = () =>
  i18next
    .use(consoleBackend)
    .use(initReactI18next)
    .init({
      lng: window.localStorage.getItem('bridge/last-language') || navigator.language,
      fallbackLng: 'en',
      load: 'languageOnly',
      ns: ['public', ...(window.SERVER_FLAGS.i18nNamespaces ?? [])],
      defaultNS: 'public',
      nsSeparator: '~',
      keySeparator: false,
      contextSeparator: '~',
      interpolation: { escapeValue: false },
      react: { useSuspense: true, transSupportBasicHtmlNodes: true },
      saveMissing: true,
      missingKeyHandler: (_lngs, ns, key) => {
        console.warn(`Missing i18n key "${key}" in namespace "${ns}"`);
      },
    });
