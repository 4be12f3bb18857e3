/**
 * The README's two commands on a fresh clone: `npm start` and `npm test` must install the locked
 * dependencies themselves. The repository's committed HEAD is cloned into a temporary directory
 * (so there is no node_modules) and the first step of each command, its npm pre-script hook, is
 * run there. npm installs from its local cache where it can (`npm ci --prefer-offline`).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/cluster';

// A full install takes minutes (longer on a loaded machine); removing it again takes a while too.
const INSTALL_TIMEOUT = 1_500_000;
const CLEAN_UP_TIMEOUT = 600_000;

/** The environment of a user's shell: nothing inherited from an npm or vitest run around us. */
const shellEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|VITEST|NODE_OPTIONS$|NODE_ENV$|INIT_CWD$)/i.test(name),
    ),
  );

const run = (cwd: string, command: string, args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });

describe('a fresh clone', () => {
  let parent: string;
  let clone: string;
  const modules = () => path.join(clone, 'node_modules');
  const record = () => path.join(modules(), '.package-lock.json');

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-fresh-clone-'));
    clone = path.join(parent, 'clearml-console-plugin');
    const cloned = await run(parent, 'git', ['clone', '--quiet', REPO_ROOT, clone]);
    expect(cloned).toMatchObject({ code: 0 });
    expect(fs.existsSync(modules())).toBe(false);
  });

  afterAll(async () => {
    if (parent) await fs.promises.rm(parent, { recursive: true, force: true });
  }, CLEAN_UP_TIMEOUT);

  it(
    '`npm start` begins by installing the locked dependencies',
    async () => {
      const hook = await run(clone, 'npm', ['run', 'prestart']);
      expect(hook.output).toMatch(/node_modules is missing; running npm ci/);
      expect(hook.code).toBe(0);
      // What `npm start` runs next (tsx) and what it builds with (webpack) are now there.
      expect(fs.existsSync(path.join(modules(), '.bin', 'tsx'))).toBe(true);
      expect(fs.existsSync(path.join(modules(), '.bin', 'webpack'))).toBe(true);
      expect(fs.existsSync(record())).toBe(true);
    },
    INSTALL_TIMEOUT,
  );

  it('installs nothing a second time once node_modules matches the lock file', async () => {
    const before = fs.statSync(record()).mtimeMs;
    const hook = await run(clone, 'npm', ['run', 'pretest']);
    expect(hook.code).toBe(0);
    expect(hook.output).not.toMatch(/npm ci/);
    expect(fs.statSync(record()).mtimeMs).toBe(before);
  });

  it(
    '`npm test` begins by installing the locked dependencies',
    async () => {
      await fs.promises.rm(modules(), { recursive: true, force: true });
      const hook = await run(clone, 'npm', ['run', 'pretest']);
      expect(hook.output).toMatch(/node_modules is missing; running npm ci/);
      expect(hook.code).toBe(0);
      // `npm test` starts with eslint, prettier and tsc.
      for (const bin of ['eslint', 'prettier', 'tsc']) {
        expect(fs.existsSync(path.join(modules(), '.bin', bin))).toBe(true);
      }
    },
    INSTALL_TIMEOUT,
  );
});
