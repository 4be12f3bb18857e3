/**
 * Per-file fixtures: one Chromium per test file, one fresh browser context per shell, closed
 * after each test. `shellAs('developer')` opens the host as another identity.
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { ConsoleShell } from '../pages/ConsoleShell';
import { launchChromium } from './browser';
import type { E2EContext } from './context';
import type { ClusterUser } from './users';

export const useConsole = () => {
  const e2e: E2EContext = inject('e2e');
  let browser: Browser | undefined;
  const open: ConsoleShell[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    e2e,
    shellAs: async (user: ClusterUser = 'admin', viewport?: { width: number; height: number }) => {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const shell = await ConsoleShell.open(browser, e2e.consoleURL, user, viewport);
      open.push(shell);
      return shell;
    },
  };
};
