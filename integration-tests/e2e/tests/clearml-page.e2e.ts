import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';

describe('ClearML page in the console host', () => {
  const { e2e, shellAs } = useConsole();

  it('opens from the admin navigation with its title and translated text, without errors', async () => {
    const shell = await shellAs('admin');
    const clearml = new ClearMLPage(shell);
    await clearml.openFromNav(e2e.namespace);

    expect(new URL(shell.page.url()).pathname).toBe(`/clearml/ns/${e2e.namespace}`);
    await expect(clearml.heading().isVisible()).resolves.toBe(true);
    // The subtitle follows the page's access checks: wait for it rather than sample it once.
    await clearml.description().waitFor({ timeout: 15_000 });
    await expect(clearml.description().isVisible()).resolves.toBe(true);
    await expect(shell.page.title()).resolves.toBe('Deploy ClearML · OKD');
    await shell.screenshot('clearml-page-admin');
    expect(await shell.errors()).toEqual([]);
  });

  it('loads the plugin locale the way the console does', async () => {
    const shell = await shellAs('admin');
    const localeRequest = shell.page.waitForRequest((r) =>
      r.url().includes('/locales/resource.json?lng=en&ns=plugin__clearml-console-plugin'),
    );
    await new ClearMLPage(shell).open(e2e.namespace);
    const response = await (await localeRequest).response();
    expect(response?.status()).toBe(200);
    expect(await response?.json()).toHaveProperty('Deploy ClearML', 'Deploy ClearML');
  });

  it('has no serious or critical accessibility violations', async () => {
    const shell = await shellAs('admin');
    await new ClearMLPage(shell).open(e2e.namespace);
    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
