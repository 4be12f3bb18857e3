/**
 * Page object for the development console host: one browser context (one identity), its page,
 * and everything the host frame offers (navigation, namespace selector, user switcher), plus the
 * errors the page produced and raw requests through the bridge from inside the page.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations, type AxeViolation } from '../support/a11y';
import type { ClusterUser } from '../support/users';

const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'screenshots',
);

/** Messages that are not errors of the page under test. */
const IGNORED_CONSOLE_ERRORS: RegExp[] = [
  // Chromium logs every non-2xx response; tests that expect one assert on it directly.
  /^Failed to load resource: the server responded with a status of/,
];

export type PageResponse = { status: number; body: string };

export class ConsoleShell {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  /** Console warnings (webpack's share-scope checks warn rather than fail). */
  readonly consoleWarnings: string[] = [];

  private constructor(
    readonly baseURL: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (msg) => {
      if (msg.type() === 'warning') this.consoleWarnings.push(msg.text());
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!IGNORED_CONSOLE_ERRORS.some((re) => re.test(text))) this.consoleErrors.push(text);
    });
    page.on('pageerror', (err) => this.pageErrors.push(err.message));
  }

  /** A new browser context signed in as `user` (the bridge's identity cookie). */
  static async open(
    browser: Browser,
    baseURL: string,
    user: ClusterUser = 'admin',
    viewport = { width: 1440, height: 900 },
  ) {
    const context = await browser.newContext({ viewport });
    const url = new URL(baseURL);
    await context.addCookies([
      { name: 'dev-host-user', value: user, domain: url.hostname, path: '/', sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    return new ConsoleShell(baseURL, context, page);
  }

  async close() {
    await this.context.close();
  }

  /** Opens a path of the host (relative, e.g. `clearml/ns/foo`) and waits for the frame. */
  async goto(relativePath = '') {
    await this.page.goto(new URL(relativePath, this.baseURL).toString());
    await this.page.locator('[data-test="console-nav"]').waitFor();
  }

  nav() {
    return this.page.locator('[data-test="console-nav"]');
  }

  /** Clicks a navigation item by its visible label, expanding its section if needed. */
  async navigate(label: string, section?: string) {
    if (section) {
      const toggle = this.nav().getByRole('button', { name: section });
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    }
    await this.nav().getByRole('link', { name: label, exact: true }).click();
  }

  /** The project bar a page renders (the SDK's `NamespaceBar`). */
  namespaceBar() {
    return this.page.locator('[data-test-id="namespace-bar-dropdown"]');
  }

  /** Chooses a project in the page's project bar (`#ALL_NS#` for all of them). */
  async selectNamespace(namespace: string) {
    const toggle = this.namespaceBar().locator('.co-namespace-dropdown__menu-toggle');
    await toggle.click();
    const menu = this.page.locator('[data-test="namespace-dropdown-menu"]');
    if (namespace === '#ALL_NS#') {
      await menu.getByRole('menuitem', { name: /^All (Projects|Namespaces)$/ }).click();
      return;
    }
    const item = menu.getByRole('menuitem', { name: namespace, exact: true });
    if (!(await item.count())) {
      // An identity that may not list namespaces types the name.
      await menu.locator('[data-test="dropdown-text-filter"] input').fill(namespace);
    }
    await item.click();
  }

  /** Switches the identity through the masthead; the page reloads. */
  async switchUser(user: ClusterUser) {
    await Promise.all([
      this.page.waitForEvent('load'),
      this.page.locator('[data-test="user-switcher"]').selectOption(user),
    ]);
    await this.page.locator('[data-test="console-nav"]').waitFor();
  }

  /** Chooses the console theme in the masthead; open pages follow at once, as in the console. */
  async setTheme(theme: 'light' | 'dark' | 'systemDefault') {
    await this.page.locator('[data-test="theme-switcher"]').selectOption(theme);
    // PatternFly animates colour changes: let the transitions end before anything measures them.
    await this.page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'),
    );
  }

  /** Whether the page is drawn in the dark theme (`pf-v6-theme-dark` on `<html>`). */
  async isDarkTheme() {
    return this.page.evaluate(() =>
      document.documentElement.classList.contains('pf-v6-theme-dark'),
    );
  }

  /** The user name the API server reports for the current identity. */
  async currentUser() {
    const el = this.page.locator('[data-test="current-user"]');
    await el.waitFor();
    return el.textContent();
  }

  /**
   * A raw request through the bridge from inside the page, with the page's cookies. With
   * `csrf: true` the `X-CSRFToken` header is copied from the `csrf-token` cookie as
   * consoleFetch does; with `false` it is left out.
   */
  async rawRequest(
    method: string,
    apiPath: string,
    body?: unknown,
    options: { csrf: boolean } = { csrf: true },
  ): Promise<PageResponse> {
    return this.page.evaluate(
      async ({ method, apiPath, body, csrf }) => {
        const token = document.cookie
          .split(';')
          .map((c) => c.trim())
          .find((c) => c.startsWith('csrf-token='))
          ?.slice('csrf-token='.length);
        const headers: Record<string, string> = { Accept: 'application/json' };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        if (csrf && token) headers['X-CSRFToken'] = token;
        const res = await fetch(`/api/kubernetes${apiPath}`, {
          method,
          headers,
          credentials: 'same-origin',
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: res.status, body: await res.text() };
      },
      { method, apiPath, body, csrf: options.csrf },
    );
  }

  async windowError() {
    return this.page.evaluate(() => (window as { windowError?: string }).windowError);
  }

  /** Console errors, uncaught exceptions and `window.windowError`, for an empty-list assertion. */
  async errors() {
    const windowError = await this.windowError();
    return [
      ...this.consoleErrors.map((e) => `console: ${e}`),
      ...this.pageErrors.map((e) => `exception: ${e}`),
      ...(windowError ? [`windowError: ${windowError}`] : []),
    ];
  }

  async accessibilityViolations(selector = 'body'): Promise<AxeViolation[]> {
    return seriousViolations(this.page, selector);
  }

  /** Saves a full-page screenshot to integration-tests/screenshots/<name>.png. */
  async screenshot(name: string) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
  }
}
