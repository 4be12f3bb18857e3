// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useWizardForm } from '../useWizardForm';
import { AdvancedSection } from './AdvancedSection';

/** The section as the Size step shows it, with the values the wizard would deploy. */
const Harness = () => {
  const form = useWizardForm({ name: 'ml', namespace: 'team-a' });
  return (
    <>
      <AdvancedSection form={form} />
      <pre data-test="values">
        {form.values ? JSON.stringify(form.values.components) : 'invalid'}
      </pre>
    </>
  );
};

const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });
const components = () => {
  const text = screen.getByTestId('values').textContent ?? '';
  return text === 'invalid'
    ? undefined
    : (JSON.parse(text) as Record<string, Record<string, unknown>>);
};

async function open() {
  render(<Harness />);
  await userEvent.click(
    screen.getByRole('button', { name: 'Advanced: environment and scheduling' }),
  );
}

describe('Advanced section of the Size step', () => {
  it('adds extra environment variables and says which names the plugin sets', async () => {
    await open();
    await userEvent.click(screen.getByTestId('field-components-apiserver-extraEnv-add'));
    type('field-components-apiserver-extraEnv-key-0', 'CLEARML_MONGODB_SERVICE_PASSWORD');
    type('field-components-apiserver-extraEnv-value-0', 'x');
    expect(
      screen.getByTestId('field-components-apiserver-extraEnv-0-name-error'),
    ).toHaveTextContent(
      'CLEARML_MONGODB_SERVICE_PASSWORD is set by the plugin for this component; use credentials.mongodbPassword',
    );
    expect(screen.getByTestId('field-components-apiserver-extraEnv-key-0')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(components()).toBeUndefined();
    type('field-components-apiserver-extraEnv-key-0', 'HTTPS_PROXY');
    type('field-components-apiserver-extraEnv-value-0', 'http://proxy:3128');
    expect(
      screen.queryByTestId('field-components-apiserver-extraEnv-0-name-error'),
    ).not.toBeInTheDocument();
    expect(components()?.apiserver.extraEnv).toEqual([
      { name: 'HTTPS_PROXY', value: 'http://proxy:3128' },
    ]);
    await userEvent.click(screen.getByTestId('field-components-apiserver-extraEnv-remove-0'));
    expect(components()?.apiserver.extraEnv).toBeUndefined();
  });

  it('sets a node selector per component, with the label rules', async () => {
    await open();
    fireEvent.change(screen.getByTestId('advanced-component'), {
      target: { value: 'elasticsearch' },
    });
    await userEvent.click(screen.getByTestId('field-components-elasticsearch-nodeSelector-add'));
    type('field-components-elasticsearch-nodeSelector-key-0', 'node-role.kubernetes.io/infra');
    type('field-components-elasticsearch-nodeSelector-value-0', 'not valid');
    expect(
      screen.getByTestId(
        'field-components-elasticsearch-nodeSelector-node-role-kubernetes-io/infra-error',
      ),
    ).toHaveTextContent(/^label value must be up to 63/);
    type('field-components-elasticsearch-nodeSelector-value-0', '');
    expect(components()?.elasticsearch.nodeSelector).toEqual({
      'node-role.kubernetes.io/infra': '',
    });
    expect(components()?.apiserver.nodeSelector).toBeUndefined();
  });

  it('takes tolerations as YAML or JSON and reports syntax and rule errors on the field', async () => {
    await open();
    fireEvent.change(screen.getByTestId('advanced-component'), { target: { value: 'redis' } });
    const field = 'field-components-redis-tolerations';
    type(field, '- key: [unclosed');
    expect(screen.getByTestId(`${field}-error`)).toHaveTextContent(
      /^Tolerations must be YAML or JSON: /,
    );
    expect(components()).toBeUndefined();
    type(field, '- key: dedicated\n  operator: Exists\n  value: ml');
    expect(screen.getByTestId(`${field}-error`)).toHaveTextContent(
      '0.value: a toleration with operator Exists must not have a value',
    );
    type(field, '[{"key": "dedicated", "operator": "Exists", "effect": "NoSchedule"}]');
    expect(screen.getByTestId(`${field}-error`)).not.toHaveTextContent(/must/);
    expect(components()?.redis.tolerations).toEqual([
      { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    type(field, '');
    expect(components()?.redis.tolerations).toBeUndefined();
  });

  it('takes affinity per component, and config files and configuration.json where they apply', async () => {
    await open();
    // Only the API server has config files; only the web UI has configuration.json.
    expect(screen.queryByTestId('field-components-webserver-configuration')).toBeNull();
    const files = 'field-components-apiserver-extraConfig';
    type(files, 'notes.txt: hello');
    expect(screen.getByTestId(`${files}-error`)).toHaveTextContent(/notes\.txt/);
    expect(components()).toBeUndefined();
    type(files, 'services.conf: |\n  tasks.non_responsive_tasks_watchdog.enabled: false\n');
    expect(components()?.apiserver.extraConfig).toEqual({
      'services.conf': 'tasks.non_responsive_tasks_watchdog.enabled: false\n',
    });

    fireEvent.change(screen.getByTestId('advanced-component'), { target: { value: 'webserver' } });
    expect(screen.queryByTestId(files)).toBeNull();
    const web = 'field-components-webserver-configuration';
    type(web, '{ "apiBaseUrl": "https://elsewhere" }');
    expect(screen.getByTestId(`${web}-error`)).toHaveTextContent(/apiBaseUrl/);
    type(web, '{ "onlyPasswordLogin": true');
    expect(screen.getByTestId(`${web}-error`)).toHaveTextContent(
      /^The web UI configuration must be YAML or JSON: /,
    );
    type(web, '{ "onlyPasswordLogin": true }');
    expect(components()?.webserver.configuration).toEqual({ onlyPasswordLogin: true });

    const affinity = 'field-components-webserver-affinity';
    type(affinity, 'gravity: strong');
    expect(screen.getByTestId(`${affinity}-error`)).toHaveTextContent(/gravity/);
    type(
      affinity,
      'podAntiAffinity:\n  preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 1\n      podAffinityTerm:\n        topologyKey: kubernetes.io/hostname\n',
    );
    expect(screen.getByTestId(`${affinity}-error`)).not.toHaveTextContent(/must|unknown/i);
    expect(components()?.webserver.affinity).toHaveProperty('podAntiAffinity');
    // The API server's files are still there after switching components.
    expect(components()?.apiserver.extraConfig).toHaveProperty(['services.conf']);
  });
});
