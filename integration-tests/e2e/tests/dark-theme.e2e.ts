import { ClearMLPage } from '../pages/ClearMLPage';
import { WIZARD_STEPS } from '../pages/DeployWizardPage';
import { formatViolations } from '../support/a11y';
import { backgroundLuminance } from '../support/contrast';
import { useConsole } from '../support/fixtures';

const VIEWPORT = { width: 1280, height: 800 };

describe('the dark theme', () => {
  const { e2e, shellAs } = useConsole();

  it('draws every wizard step in the console’s dark theme, readable, and keeps it on reload', async () => {
    const shell = await shellAs('admin', VIEWPORT);
    const clearml = new ClearMLPage(shell);
    await clearml.open(e2e.namespace);
    expect(await shell.isDarkTheme()).toBe(false);
    const content = shell.page.locator('#content-scrollable');
    const light = await backgroundLuminance(content);

    await shell.setTheme('dark');
    await expect.poll(() => shell.isDarkTheme()).toBe(true);
    // The page itself turns dark, not only the frame around it.
    await clearml.startDeploy();
    const wizardBody = shell.page.locator('.pf-v6-c-wizard__main');
    expect(await backgroundLuminance(wizardBody)).toBeLessThan(0.1);
    expect(light).toBeGreaterThan(0.8);

    // axe's colour-contrast rule on each step: a hard-coded dark text colour, or a white box
    // with the dark theme's light text, fails here.
    for (const [i, step] of WIZARD_STEPS.entries()) {
      if (i > 0) await clearml.wizard.next();
      await clearml.wizard.waitForStep(step);
      if (step === 'security') await clearml.wizard.sccPlan().waitFor({ timeout: 30_000 });
      if (step === 'review') await clearml.wizard.waitForDeployEnabled();
      const violations = await shell.accessibilityViolations('#content-scrollable');
      expect(violations, `${step}: ${formatViolations(violations)}`).toEqual([]);
      if (['general', 'security', 'review'].includes(step)) {
        await shell.screenshot(`dark-wizard-${step}`);
      }
    }

    // The choice is kept where the console keeps it and applied before the first paint.
    await shell.page.reload();
    await clearml.heading().waitFor();
    expect(await shell.isDarkTheme()).toBe(true);
    expect(await shell.errors()).toEqual([]);
  });
});
