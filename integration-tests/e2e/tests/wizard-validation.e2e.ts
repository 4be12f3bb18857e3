import { ClearMLPage } from '../pages/ClearMLPage';
import { formatViolations } from '../support/a11y';
import { useConsole } from '../support/fixtures';

describe('deploy wizard input checks', () => {
  const { e2e, shellAs } = useConsole();

  it('shows a field error for an invalid instance name and keeps Deploy disabled', async () => {
    const shell = await shellAs('admin', { width: 1280, height: 800 });
    const clearml = new ClearMLPage(shell);
    await clearml.open(e2e.namespace);
    await clearml.startDeploy();
    const wizard = clearml.wizard;

    await wizard.fill('name', 'Bad_Name');
    await wizard.fieldError('name').waitFor();
    expect(await wizard.fieldError('name').innerText()).toMatch(/\S/);
    expect(await wizard.field('name').getAttribute('aria-invalid')).toBe('true');
    const violations = await shell.accessibilityViolations('#content-scrollable');
    expect(violations, formatViolations(violations)).toEqual([]);
    await shell.screenshot('wizard-invalid-name');

    await wizard.goToStep('review');
    await wizard.deployBlocked().waitFor();
    expect(await wizard.deployBlocked().innerText()).toMatch(/some values are invalid/);
    expect(await wizard.isDeployDisabled()).toBe(true);

    // Correcting the name clears the error.
    await wizard.goToStep('general');
    await wizard.fill('name', 'good-name');
    await wizard.fieldError('name').waitFor({ state: 'detached' });
    expect(await shell.errors()).toEqual([]);
  });
});
