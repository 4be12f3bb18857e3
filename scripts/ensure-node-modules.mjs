#!/usr/bin/env node
// Installs the locked dependencies (`npm ci`) when node_modules is missing or does not match
// package-lock.json, so that `npm start`, `npm test` and the other scripts work on a fresh
// clone. Run by npm's pre-script hooks (package.json), the browser suite's global setup and
// `npm start`; dependency-free on purpose, because it runs before anything is installed.
//
//   node scripts/ensure-node-modules.mjs          install if needed, then exit 0
//   node scripts/ensure-node-modules.mjs --check  only say whether an install is needed (exit 1)
//
// Two projects: the repository, then the development console host's packages for consoles
// 4.19–4.21 (integration-tests/console-shell/console-4.20: React 17, react-router 5, … which
// cannot share the root's node_modules), installed quietly with `npm ci --prefix` when its lock
// file exists.
//
// "Up to date" means: npm's record of what it installed, node_modules/.package-lock.json, is at
// least as new as package-lock.json, or (after a checkout touched the lock file) lists the same
// packages at the same versions. Packages npm skips on this platform (optional ones) may be
// absent. A node_modules that is a link to another checkout is never reinstalled from here.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hostPackages = path.join(root, 'integration-tests/console-shell/console-4.20');

const readJSON = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const samePackage = (locked, installed) =>
  locked.version === installed.version &&
  (locked.resolved ?? '') === (installed.resolved ?? '') &&
  (locked.integrity ?? '') === (installed.integrity ?? '');

/** Why `dir`/node_modules needs `npm ci`, or undefined when it matches the lock file. */
const staleReason = (dir) => {
  const lockFile = path.join(dir, 'package-lock.json');
  const modulesDir = path.join(dir, 'node_modules');
  const installedFile = path.join(modulesDir, '.package-lock.json');
  if (!fs.existsSync(modulesDir)) return 'node_modules is missing';
  if (!fs.existsSync(installedFile)) return 'node_modules was not installed by npm ci';
  if (fs.statSync(installedFile).mtimeMs >= fs.statSync(lockFile).mtimeMs) return undefined;
  let locked;
  let installed;
  try {
    locked = readJSON(lockFile).packages ?? {};
    installed = readJSON(installedFile).packages ?? {};
  } catch (err) {
    return `cannot compare node_modules with package-lock.json (${err.message})`;
  }
  for (const [where, entry] of Object.entries(installed)) {
    if (!locked[where]) return `${where} is installed but no longer locked`;
    if (!samePackage(locked[where], entry)) return `${where} differs from package-lock.json`;
  }
  for (const [where, entry] of Object.entries(locked)) {
    if (where === '' || installed[where] || entry.optional || entry.devOptional || entry.peer) {
      continue;
    }
    return `${where} is locked but not installed`;
  }
  return undefined;
};

/** `npm ci` in `dir` with the npm that runs this hook when known (npm_execpath). */
const npmCi = (dir, extraArgs, stdio) => {
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.c?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(
    command,
    [...args, 'ci', '--prefer-offline', '--no-audit', '--no-fund', ...extraArgs],
    { cwd: root, stdio },
  );
  if (result.error) {
    console.error(`ensure-node-modules: cannot run npm: ${result.error.message}`);
    return 1;
  }
  if (result.status !== 0) {
    console.error(`ensure-node-modules: npm ci exited ${result.status ?? result.signal}`);
    return result.status || 1;
  }
  return 0;
};

/** The repository's own node_modules. */
const ensureRoot = (checkOnly) => {
  const modulesDir = path.join(root, 'node_modules');
  const reason = staleReason(root);
  if (checkOnly) {
    console.log(reason ? `install needed: ${reason}` : 'node_modules is up to date');
    return reason ? 1 : 0;
  }
  if (!reason) return 0;
  if (fs.lstatSync(modulesDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    console.error(
      `ensure-node-modules: ${reason}, but node_modules is a link to ${fs.realpathSync(modulesDir)}; ` +
        'run npm ci there. Going on with it as it is.',
    );
    return 0;
  }
  console.error(`ensure-node-modules: ${reason}; running npm ci (once)`);
  return npmCi(root, [], 'inherit');
};

/** The console 4.19–4.21 host packages, when this checkout has them. */
const ensureHostPackages = (checkOnly) => {
  if (!fs.existsSync(path.join(hostPackages, 'package-lock.json'))) return 0;
  const where = path.relative(root, hostPackages);
  const reason = staleReason(hostPackages);
  if (checkOnly) {
    console.log(reason ? `install needed in ${where}: ${reason}` : `${where} is up to date`);
    return reason ? 1 : 0;
  }
  if (!reason) return 0;
  console.error(`ensure-node-modules: ${where}: ${reason}; running npm ci there (once)`);
  return npmCi(
    hostPackages,
    ['--prefix', hostPackages, '--ignore-scripts', '--loglevel=error'],
    ['ignore', 'ignore', 'inherit'],
  );
};

const main = () => {
  if (!fs.existsSync(path.join(root, 'package-lock.json'))) {
    console.error(
      `ensure-node-modules: ${path.join(root, 'package-lock.json')} is missing; cannot install.`,
    );
    return 1;
  }
  const checkOnly = process.argv.includes('--check');
  const rootStatus = ensureRoot(checkOnly);
  if (rootStatus !== 0 && !checkOnly) return rootStatus;
  return ensureHostPackages(checkOnly) || rootStatus;
};

process.exitCode = main();
