// The decision of scripts/ensure-node-modules.mjs (run before start, test, build and the CLI):
// when does node_modules need `npm ci`? Each case is a small project in a temporary directory
// with its own copy of the script, asked with --check.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const script = path.join(__dirname, 'ensure-node-modules.mjs');

const pkg = (version: string, extra: Record<string, unknown> = {}) => ({
  version,
  resolved: `https://registry.npmjs.org/left-pad/-/left-pad-${version}.tgz`,
  integrity: `sha512-${version}`,
  ...extra,
});

const lock = (packages: Record<string, unknown>) => ({
  name: 'demo',
  lockfileVersion: 3,
  packages: { '': { name: 'demo' }, ...packages },
});

let dir: string;

const write = (file: string, value: unknown, mtime?: Date) => {
  const full = path.join(dir, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, JSON.stringify(value));
  if (mtime) fs.utimesSync(full, mtime, mtime);
};

const older = new Date('2026-01-01T00:00:00Z');
const newer = new Date('2026-06-01T00:00:00Z');

const check = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(dir, 'scripts/ensure.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, npm_execpath: '' },
  });
  return { code: result.status, out: result.stdout + result.stderr };
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-node-modules-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(script, path.join(dir, 'scripts/ensure.mjs'));
  write('package.json', { name: 'demo', version: '1.0.0' });
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ensure-node-modules --check', () => {
  it('asks for an install when node_modules is missing', () => {
    write('package-lock.json', lock({ 'node_modules/left-pad': pkg('1.3.0') }));
    expect(check('--check')).toEqual({ code: 1, out: expect.stringMatching(/missing/) });
  });

  it('asks for an install when npm left no record of what it installed', () => {
    write('package-lock.json', lock({ 'node_modules/left-pad': pkg('1.3.0') }));
    fs.mkdirSync(path.join(dir, 'node_modules/left-pad'), { recursive: true });
    expect(check('--check')).toEqual({ code: 1, out: expect.stringMatching(/not installed/) });
  });

  it('is satisfied when the install record is newer than the lock file', () => {
    write('package-lock.json', lock({ 'node_modules/left-pad': pkg('1.3.0') }), older);
    // Deliberately different content: a newer record is trusted without reading it.
    write('node_modules/.package-lock.json', lock({}), newer);
    expect(check('--check')).toEqual({ code: 0, out: expect.stringMatching(/up to date/) });
  });

  it('is satisfied by an older record listing the same packages (a checkout touched the lock)', () => {
    const packages = {
      'node_modules/left-pad': pkg('1.3.0'),
      // Optional packages for other platforms are not installed.
      'node_modules/@esbuild/darwin-arm64': pkg('0.28.2', { optional: true, os: ['darwin'] }),
    };
    write('package-lock.json', lock(packages), newer);
    write(
      'node_modules/.package-lock.json',
      lock({ 'node_modules/left-pad': pkg('1.3.0') }),
      older,
    );
    expect(check('--check').code).toBe(0);
  });

  it('asks for an install when the lock file changed a version', () => {
    write('package-lock.json', lock({ 'node_modules/left-pad': pkg('1.4.0') }), newer);
    write(
      'node_modules/.package-lock.json',
      lock({ 'node_modules/left-pad': pkg('1.3.0') }),
      older,
    );
    expect(check('--check')).toEqual({
      code: 1,
      out: expect.stringMatching(/node_modules\/left-pad differs from package-lock.json/),
    });
  });

  it('asks for an install when the lock file added a package', () => {
    const packages = {
      'node_modules/left-pad': pkg('1.3.0'),
      'node_modules/right-pad': pkg('1.0.1'),
    };
    write('package-lock.json', lock(packages), newer);
    write(
      'node_modules/.package-lock.json',
      lock({ 'node_modules/left-pad': pkg('1.3.0') }),
      older,
    );
    expect(check('--check')).toEqual({
      code: 1,
      out: expect.stringMatching(/right-pad is locked but not installed/),
    });
  });

  it('asks for an install when the lock file dropped a package', () => {
    write('package-lock.json', lock({}), newer);
    write(
      'node_modules/.package-lock.json',
      lock({ 'node_modules/left-pad': pkg('1.3.0') }),
      older,
    );
    expect(check('--check')).toEqual({
      code: 1,
      out: expect.stringMatching(/left-pad is installed but no longer locked/),
    });
  });
});

describe('ensure-node-modules --check, console 4.19–4.21 host packages', () => {
  const host = 'integration-tests/console-shell/console-4.20';

  it('asks for an install of the host packages when their node_modules is missing', () => {
    write('package-lock.json', lock({}), older);
    write('node_modules/.package-lock.json', lock({}), newer);
    write(`${host}/package-lock.json`, lock({ 'node_modules/react': pkg('17.0.1') }));
    expect(check('--check')).toEqual({
      code: 1,
      out: expect.stringContaining(`install needed in ${host}: node_modules is missing`),
    });
  });

  it('is satisfied when both installs match their lock files', () => {
    write('package-lock.json', lock({}), older);
    write('node_modules/.package-lock.json', lock({}), newer);
    write(`${host}/package-lock.json`, lock({ 'node_modules/react': pkg('17.0.1') }), older);
    write(`${host}/node_modules/.package-lock.json`, lock({ 'node_modules/react': pkg('17.0.1') }));
    expect(check('--check')).toEqual({
      code: 0,
      out: `node_modules is up to date\n${host} is up to date\n`,
    });
  });
});

describe('ensure-node-modules', () => {
  it('does nothing and exits 0 when node_modules is up to date', () => {
    write('package-lock.json', lock({}), older);
    write('node_modules/.package-lock.json', lock({}), newer);
    expect(check()).toEqual({ code: 0, out: '' });
  });

  it('never reinstalls a node_modules that links to another checkout', () => {
    write('package-lock.json', lock({ 'node_modules/left-pad': pkg('1.4.0') }), newer);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ensure-node-modules-shared-'));
    try {
      const record = path.join(elsewhere, '.package-lock.json');
      fs.writeFileSync(record, JSON.stringify(lock({ 'node_modules/left-pad': pkg('1.3.0') })));
      fs.utimesSync(record, older, older);
      fs.symlinkSync(elsewhere, path.join(dir, 'node_modules'));
      const result = check();
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/is a link to .*run npm ci there/);
      expect(fs.readdirSync(elsewhere)).toEqual(['.package-lock.json']);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
