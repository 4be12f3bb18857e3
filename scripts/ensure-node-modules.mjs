#!/usr/bin/env node
// Installs the locked dependencies (`npm ci`) when node_modules is missing or does not match
// package-lock.json, so that `npm start`, `npm test` and the other scripts work on a fresh
// clone. Run by npm's pre-script hooks (package.json); dependency-free on purpose, because it
// runs before anything is installed.
//
//   node scripts/ensure-node-modules.mjs          install if needed, then exit 0
//   node scripts/ensure-node-modules.mjs --check  only say whether an install is needed (exit 1)
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
const lockFile = path.join(root, 'package-lock.json');
const modulesDir = path.join(root, 'node_modules');
const installedFile = path.join(modulesDir, '.package-lock.json');

const readJSON = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const samePackage = (locked, installed) =>
  locked.version === installed.version &&
  (locked.resolved ?? '') === (installed.resolved ?? '') &&
  (locked.integrity ?? '') === (installed.integrity ?? '');

/** Why node_modules needs `npm ci`, or undefined when it matches the lock file. */
const staleReason = () => {
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

const main = () => {
  if (!fs.existsSync(lockFile)) {
    console.error(`ensure-node-modules: ${lockFile} is missing; cannot install.`);
    return 1;
  }
  const reason = staleReason();
  if (process.argv.includes('--check')) {
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
  // The npm that runs this hook, when known (npm_execpath), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.c?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const result = spawnSync(
    command,
    [...args, 'ci', '--prefer-offline', '--no-audit', '--no-fund'],
    { cwd: root, stdio: 'inherit' },
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

process.exitCode = main();
