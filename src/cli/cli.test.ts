import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const root = join(__dirname, '..', '..');

// tsx's own entry point, run by this Node.js: no npx resolution on every call.
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function kindsAndNames(yaml: string) {
  return parseAllDocuments(yaml).map((d) => {
    const o = d.toJS() as { kind: string; metadata: { name: string; namespace: string } };
    return `${o.kind}/${o.metadata.name}@${o.metadata.namespace}`;
  });
}

describe('clearml-openshift render', { timeout: 120_000 }, () => {
  it('renders the defaults for instance clearml, secrets masked', () => {
    const r = cli('render');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const docs = kindsAndNames(r.stdout);
    expect(docs).toContain('Deployment/clearml-apiserver@clearml');
    expect(docs).toContain('RoleBinding/clearml-scc-anyuid@clearml');
    expect(r.stdout).toContain('<hidden: use --show-secrets>');
    expect(r.stdout).toContain('# SCC clearml-apiserver: anyuid (runs as root');
  });

  it('reads a values file, overrides the namespace and shows secrets on request', () => {
    const r = cli(
      'render',
      '--values',
      'examples/minimal.yaml',
      '--namespace',
      'other',
      '--show-secrets',
    );
    expect(r.code).toBe(0);
    expect(kindsAndNames(r.stdout)).toContain('StatefulSet/ml-elasticsearch@other');
    expect(r.stdout).not.toContain('<hidden');
  });

  it('renders the agents of examples/agents.yaml: glue, pods-only Role, GPU task template', () => {
    const r = cli('render', '--values', 'examples/agents.yaml');
    expect(r.code).toBe(0);
    const docs = kindsAndNames(r.stdout);
    for (const agent of ['cpu', 'gpu']) {
      expect(docs).toContain(`Deployment/ml-agent-${agent}@team-a`);
      expect(docs).toContain(`Role/ml-agent-${agent}@team-a`);
      expect(docs).toContain(`RoleBinding/ml-agent-${agent}@team-a`);
      expect(docs).toContain(`ServiceAccount/ml-agent-${agent}-task@team-a`);
      expect(docs).toContain(`ConfigMap/ml-agent-${agent}-pod-template@team-a`);
    }
    expect(docs.filter((d) => d.startsWith('Cluster'))).toEqual([]);
    expect(r.stdout).toContain('# SCC ml-agent-gpu-task: restricted-v2');
    const gpuTemplate = parseAllDocuments(r.stdout)
      .map(
        (d) =>
          d.toJS() as { kind: string; metadata: { name: string }; data?: Record<string, string> },
      )
      .find((o) => o.metadata.name === 'ml-agent-gpu-pod-template');
    expect(gpuTemplate?.data?.['template.yaml']).toContain('nvidia.com/gpu: "1"');
  });

  it('renders examples/adopt-chart.yaml: the chart claims mounted, none of its own, the owners planned', () => {
    const r = cli('render', '--values', 'examples/adopt-chart.yaml');
    expect(r.code).toBe(0);
    expect(kindsAndNames(r.stdout).filter((d) => d.startsWith('PersistentVolumeClaim/'))).toEqual(
      [],
    );
    expect(r.stdout).toContain('claimName: redis-data-clearml-redis-master-0');
    expect(r.stdout).toContain(
      '# SCC clearml-mongodb: nonroot-v2 (runs as the fixed UID 1001, outside the namespace',
    );
    // The Secret is read only when deploying: stderr says so, stdout stays pipeable.
    expect(r.stderr).toContain('credentials.existingSecret is read only when deploying');
    expect(r.stderr).toContain('clearml-conf');
  });

  it('rejects invalid values: exit 2, one line per field, nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearml-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: Bad_Name\nstorage:\n  redis:\n    size: huge\nsurprise: 1\n');
    const r = cli('render', '--values', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('name: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('storage.redis.size: '))).toBe(true);
    expect(lines).toContain('surprise: unknown field');
  });

  it('reports unreadable files, bad YAML, unknown options and commands with exit 2', () => {
    expect(cli('render', '--values', '/nonexistent.yaml')).toMatchObject({ code: 2, stdout: '' });
    const dir = mkdtempSync(join(tmpdir(), 'clearml-cli-'));
    writeFileSync(join(dir, 'x.yaml'), 'name: [unclosed\n');
    const bad = cli('render', '--values', join(dir, 'x.yaml'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not valid YAML');
    expect(cli('render', '--bogus').code).toBe(2);
    expect(cli('frobnicate').stderr).toContain('unknown command');
  });
});
