import { parseAllDocuments } from 'yaml';
import { runCommand } from '../../test-support/run-command';

const kindsAndNames = (yaml: string) =>
  parseAllDocuments(yaml).map((d) => {
    const o = d.toJS() as { kind: string; metadata: { name: string; namespace: string } };
    return `${o.kind}/${o.metadata.name}@${o.metadata.namespace}`;
  });

describe('render --output', () => {
  it('prints a v1 List with -o json, in apply order and with secrets masked', async () => {
    const json = await runCommand('render', ['-f', 'examples/minimal.yaml', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toBe('');
    const list = JSON.parse(json.stdout) as {
      apiVersion: string;
      kind: string;
      items: { kind: string; metadata: { name: string }; data?: Record<string, string> }[];
    };
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items.map((o) => `${o.kind}/${o.metadata.name}`)).toContain(
      'StatefulSet/ml-elasticsearch',
    );
    const secret = list.items.find((o) => o.kind === 'Secret')!;
    expect(new Set(Object.values(secret.data ?? {}))).toEqual(
      new Set(['<hidden: use --show-secrets>']),
    );
    const shown = await runCommand('render', [
      '-f',
      'examples/minimal.yaml',
      '-o',
      'json',
      '--show-secrets',
    ]);
    expect(shown.stdout).not.toContain('<hidden');
  });

  it('prints the same objects as YAML with -o yaml', async () => {
    const json = await runCommand('render', ['-f', 'examples/minimal.yaml', '-o', 'json']);
    const yaml = await runCommand('render', ['-f', 'examples/minimal.yaml', '--output', 'yaml']);
    expect(yaml.code).toBe(0);
    const items = (
      JSON.parse(json.stdout) as { items: { kind: string; metadata: { name: string } }[] }
    ).items;
    expect(kindsAndNames(yaml.stdout)).toEqual(
      items.map((o) => `${o.kind}/${o.metadata.name}@team-a`),
    );
  });

  it('refuses an unknown output format with exit 2 and nothing on stdout', async () => {
    const bad = await runCommand('render', ['-o', 'xml']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--output must be json, yaml or text');
  });
});
