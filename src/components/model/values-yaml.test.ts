import { describe, expect, it } from 'vitest';
import { parseValuesYaml, valuesToYaml } from './values-yaml';

const form = {
  name: 'clearml',
  namespace: 'team-a',
  credentials: {
    apiserver: {
      accessKey: 'AKEYAKEYAKEYAKEYAKEY',
      secretKey: 'very-secret-very-secret-very-secret-0',
    },
  },
  login: { enabled: true, password: 'hunter2-hunter2' },
  components: { apiserver: { replicas: 1 } },
};

describe('the values as YAML', () => {
  it('shows the instance values without any secret', () => {
    const text = valuesToYaml(form);
    expect(text).toContain('name: clearml');
    expect(text).toContain('replicas: 1');
    expect(text).not.toMatch(/very-secret|hunter2|AKEY|credentials|password/);
  });

  it('takes a valid edit and keeps the secrets the form holds', () => {
    const text = valuesToYaml(form).replace('replicas: 1', 'replicas: 2');
    const edit = parseValuesYaml(text, form);
    expect(edit.ok && edit.problems).toEqual([]);
    expect(edit.ok && edit.input).toMatchObject({
      components: { apiserver: { replicas: 2 } },
      credentials: form.credentials,
      login: { password: 'hunter2-hunter2' },
    });
  });

  it('names the field, the problem and its line for a value the schema refuses', () => {
    const text = valuesToYaml(form).replace('replicas: 1', 'replicas: many');
    const edit = parseValuesYaml(text, form);
    expect(edit.ok).toBe(true);
    const problem = edit.problems.find((p) => p.path === 'components.apiserver.replicas');
    expect(problem?.message).toBeTruthy();
    const line = text.split('\n').findIndex((l) => l.includes('replicas: many')) + 1;
    expect(problem?.line).toBe(line);
  });

  it('refuses YAML that does not parse, and secrets set in YAML', () => {
    const broken = parseValuesYaml('name: clearml\n  bad: [', form);
    expect(broken.ok).toBe(false);
    expect(broken.problems[0].message).toMatch(/values file|YAML|line/i);
    const secret = parseValuesYaml('name: clearml\nlogin:\n  password: leaked\n', form);
    expect(secret.ok).toBe(false);
    expect(secret.problems).toEqual([
      expect.objectContaining({ path: 'login.password', line: 3, secret: true }),
    ]);
  });
});
