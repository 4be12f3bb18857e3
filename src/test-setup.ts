// Shared set-up for unit and component tests: jest-dom matchers and a real i18next instance
import { configure } from '@testing-library/react';
// loaded with the plugin's English strings, so tests see the text a person sees.
import '@testing-library/jest-dom/vitest';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/en/plugin__clearml-console-plugin.json';

/**
 * The console turns a plugin's `key` + `key_plural` pairs into i18next's `key_one` /
 * `key_other` when it loads the file; tests load it the same way.
 */
function withPluralSuffixes(resources: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(resources)) {
    if (key.endsWith('_plural')) out[`${key.slice(0, -'_plural'.length)}_other`] = value;
    else if (`${key}_plural` in resources) out[`${key}_one`] = value;
    else out[key] = value;
  }
  return out;
}

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  ns: ['plugin__clearml-console-plugin'],
  defaultNS: 'plugin__clearml-console-plugin',
  resources: { en: { 'plugin__clearml-console-plugin': withPluralSuffixes(en) } },
  keySeparator: false,
  nsSeparator: '~',
  interpolation: { escapeValue: false },
  initImmediate: false,
  showSupportNotice: false,
});
configure({ testIdAttribute: 'data-test' });
// Wizard drafts live in sessionStorage; each test starts without one.
afterEach(() => {
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear();
});
