import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useState } from 'react';

/**
 * The console's theme preference (User Preferences → General → Theme) in the masthead: it keeps
 * the choice where the console's page bootstrap reads it (localStorage `bridge/theme`, see
 * server/index-html.ts) and switches `pf-v6-theme-dark` on `<html>` at once, as the console's
 * ThemeProvider does, so open pages follow without a reload.
 */
const STORAGE_KEY = 'bridge/theme';
const DARK_CLASS = 'pf-v6-theme-dark';
type Theme = 'systemDefault' | 'light' | 'dark';

const readTheme = (): Theme => {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'systemDefault';
};

const applyTheme = (theme: Theme) => {
  const dark =
    theme === 'dark' ||
    (theme === 'systemDefault' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle(DARK_CLASS, dark);
};

export const ThemeSwitcher = () => {
  const [theme, setTheme] = useState<Theme>(readTheme);
  return (
    <FormSelect
      aria-label="Theme"
      data-test="theme-switcher"
      value={theme}
      onChange={(_e, value) => {
        const next = value as Theme;
        window.localStorage.setItem(STORAGE_KEY, next);
        applyTheme(next);
        setTheme(next);
      }}
    >
      <FormSelectOption value="systemDefault" label="System default" />
      <FormSelectOption value="light" label="Light" />
      <FormSelectOption value="dark" label="Dark" />
    </FormSelect>
  );
};
