import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, expectCleanOutput, runBundle, runInProcess } from './test-cli';

const dir = mkdtempSync(join(tmpdir(), 'clearml-hostile-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Runs `render` with a values file; asserts exit 2, nothing on stdout, one clean line. */
async function refusedLine(args: string[]): Promise<string> {
  const run = await runInProcess(args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expectCleanOutput(run);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('the CLI refuses hostile values files with exit 2 and one clear line', () => {
  it.each([
    ['over 1 MiB', Buffer.alloc(2 ** 20 + 1, 0x61), /: it is larger than 1 MiB$/],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]), /binary \(it contains NUL bytes\)/],
    ['not UTF-8', Buffer.from('name: caf\xe9\n', 'latin1'), /not valid UTF-8 text/],
    ['two documents', 'name: a\n---\nname: b\n', /holds 2 YAML documents/],
    ['deeply nested', `a: ${'['.repeat(500_000)}`, /nested more than 64 levels deep/],
    ['a function tag', 'name: !!js/function "function () {}"\n', /tag !!js\/function;/],
    ['a custom tag', 'name: !Ref other\n', /tag !Ref;/],
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
      /expands too many YAML aliases/,
    ],
  ])('%s', async (name, content, expected) => {
    const path = file(`${name.replace(/\W/g, '-')}.yaml`, content);
    for (const command of ['render', 'preflight']) {
      expect(await refusedLine([command, '-f', path])).toMatch(expected);
    }
  });

  it('refuses directories, devices and named pipes without hanging', async () => {
    const fifo = join(dir, 'fifo.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(await refusedLine(['render', '-f', fifo])).toBe(
      `values: cannot read ${fifo}: it is a named pipe; use -f - to read standard input`,
    );
    expect(await refusedLine(['render', '-f', '/dev/zero'])).toMatch(/it is a device$/);
    expect(await refusedLine(['preflight', '-f', dir])).toMatch(/it is a directory$/);
  });

  it('refuses a 400-digit memory with a field message instead of rendering -XmxInfinitym', async () => {
    const path = file(
      'huge.yaml',
      `resources:\n  elasticsearch:\n    limits:\n      memory: "${'9'.repeat(400)}"\n`,
    );
    expect(await refusedLine(['render', '-f', path])).toBe(
      'resources.elasticsearch.limits.memory: memory must be at most 64Ti',
    );
  });

  it('refuses reserved namespaces in values files and in --namespace for every command', async () => {
    const path = file('default-ns.yaml', 'namespace: default\n');
    expect(await refusedLine(['render', '-f', path])).toMatch(/^namespace: namespace is reserved/);
    for (const command of ['render', 'preflight', 'deploy', 'status', 'uninstall']) {
      for (const namespace of ['kube-system', 'openshift', 'openshift-monitoring', 'default']) {
        expect(await refusedLine([command, '--namespace', namespace])).toMatch(
          /^namespace: namespace is reserved for the cluster itself/,
        );
      }
    }
    expect(await refusedLine(['status', '--namespace', 'team-a', '--name', 'Bad!'])).toMatch(
      /^name: instance name must be lower-case/,
    );
  });

  it('escapes control characters in echoed keys, paths, options and commands', async () => {
    const path = file('keys.yaml', '"\\e]0;pwned\\a\\e[2J": 1\nstorage:\n  "x\\u202ey": 2\n');
    const run = await runInProcess(['render', '-f', path]);
    expect(run.code).toBe(2);
    expectCleanOutput(run);
    expect(run.stderr).toContain('\\u001b]0;pwned\\u0007\\u001b[2J: unknown field');
    expect(run.stderr).toContain('storage.x\\u202ey: unknown field');
    for (const args of [
      ['render', '--\u001b[31m'],
      ['\u001b[2Jrender'],
      ['render', '-f', `${dir}/\u001b[31mmissing.yaml`],
    ]) {
      const other = await runInProcess(args);
      expect(other.code).toBe(2);
      expectCleanOutput(other);
      expect(other.stderr).toContain('\\u001b[');
    }
  });
});

describe('the built CLI as a child process', () => {
  let bundle: string;
  beforeAll(async () => {
    bundle = await buildCli(mkdtempSync(join(tmpdir(), 'clearml-cli-bundle-')));
  }, 120_000);

  it('reads values from standard input with -f -', async () => {
    const run = await runBundle(bundle, ['render', '-f', '-'], {
      input: 'name: piped\nnamespace: team-a\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('name: piped-apiserver');
  });

  it('caps standard input at 1 MiB and refuses binary input on it', async () => {
    const big = await runBundle(bundle, ['render', '-f', '-'], {
      input: Buffer.alloc(3 * 2 ** 20, 0x61),
    });
    expect(big).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'values: cannot read standard input: it is larger than 1 MiB\n',
    });
    const binary = await runBundle(bundle, ['preflight', '-f', '-'], {
      input: Buffer.from([1, 0, 2]),
    });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/binary \(it contains NUL bytes\)/);
  });

  it('neither hangs on a named pipe nor prints raw escapes or stack traces', async () => {
    const fifo = join(dir, 'child.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = await runBundle(bundle, ['render', '-f', fifo], { timeoutMs: 20_000 });
    expect(run).toMatchObject({ code: 2, signal: null });
    const keys = await runBundle(bundle, ['render', '-f', '-'], { input: '"\\e[2J\\e[31m": 1\n' });
    expect(keys.code).toBe(2);
    expectCleanOutput(keys);
    expect(keys.stderr).toBe('\\u001b[2J\\u001b[31m: unknown field\n');
  });
});
