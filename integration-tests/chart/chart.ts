/**
 * Shared code for the Helm chart tests: run helm and kubectl from the local control plane's build,
 * render the chart and pick objects out of the result.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import YAML from 'yaml';
import { KUBECONFIG_PATH, KUBE_VERSION, REPO_ROOT } from '../support/cluster';

export const CHART_DIR = path.join(REPO_ROOT, 'charts', 'clearml-console-plugin');
export const PLUGIN_NAME = 'clearml-console-plugin';
export const ENABLER_NAME = `${PLUGIN_NAME}-enabler`;
export const SCRIPT_PATH = path.join(CHART_DIR, 'files', 'console-plugin.sh');
export const NGINX_CONF_PATH = path.join(CHART_DIR, 'files', 'nginx.conf');

const CACHE_DIR =
  process.env.CLEARML_PLUGIN_CACHE ?? path.join(os.homedir(), '.cache', 'clearml-console-plugin');
export const BIN_DIR = path.join(CACHE_DIR, 'bin');

/** Path of a binary built by `npm run cluster:build`. */
export function tool(name: 'helm' | 'kubectl'): string {
  const file = path.join(BIN_DIR, name);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} does not exist: build it with npm run cluster:build`);
  }
  return file;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    // A command that exits without reading its input closes the pipe early; that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command and throws with its output unless it exits 0. */
export async function runOk(
  command: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result;
}

/** Environment for helm and kubectl: the local cluster's kubeconfig, a private helm home. */
export function clusterEnv(): Record<string, string> {
  const home = path.join(os.tmpdir(), 'clearml-chart-tests-helm');
  return {
    KUBECONFIG: KUBECONFIG_PATH,
    HELM_CACHE_HOME: path.join(home, 'cache'),
    HELM_CONFIG_HOME: path.join(home, 'config'),
    HELM_DATA_HOME: path.join(home, 'data'),
  };
}

export function helm(args: string[], input?: string): Promise<RunResult> {
  return run(tool('helm'), args, { input, env: clusterEnv() });
}

/** kubectl as the cluster's admin user. */
export function kubectl(args: string[], input?: string): Promise<RunResult> {
  return run(tool('kubectl'), ['--context=admin', ...args], { input, env: clusterEnv() });
}

export async function kubectlOk(args: string[], input?: string): Promise<string> {
  const result = await kubectl(args, input);
  if (result.code !== 0) {
    throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result.stdout;
}

/** A values file in a temporary directory (helm reads values from files). */
export function valuesFile(values: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clearml-chart-values-'));
  const file = path.join(dir, 'values.yaml');
  fs.writeFileSync(file, YAML.stringify(values));
  return file;
}

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: k8s.V1ObjectMeta & { name: string };
  [field: string]: unknown;
}

export interface RenderOptions {
  values?: unknown;
  namespace?: string;
  release?: string;
  /** `--kube-version`; the local cluster's by default. */
  kubeVersion?: string;
}

/** `helm template` output, as YAML text. */
export async function renderYaml(options: RenderOptions = {}): Promise<string> {
  const args = [
    'template',
    options.release ?? PLUGIN_NAME,
    CHART_DIR,
    '--namespace',
    options.namespace ?? PLUGIN_NAME,
    // Render for the local cluster's version (a helm built with `go install` assumes 1.20).
    '--kube-version',
    options.kubeVersion ?? KUBE_VERSION,
  ];
  if (options.values !== undefined) args.push('--values', valuesFile(options.values));
  const result = await helm(args);
  if (result.code !== 0) {
    throw new Error(`helm ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result.stdout;
}

export function parseManifests(text: string): Manifest[] {
  return YAML.parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((m): m is Manifest => m !== null && typeof m === 'object');
}

/** `helm template` output, parsed. */
export async function render(options: RenderOptions = {}): Promise<Manifest[]> {
  return parseManifests(await renderYaml(options));
}

/** The one object of a kind (and name); throws when there is none or more than one. */
export function pick<T = Manifest>(objects: Manifest[], kind: string, name?: string): T {
  const found = objects.filter((o) => o.kind === kind && (!name || o.metadata.name === name));
  if (found.length !== 1) {
    const names = found.map((o) => o.metadata.name).join(', ');
    throw new Error(
      `expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}: ${names}`,
    );
  }
  return found[0] as T;
}

/** Values that change every knob the tests check. */
export const CUSTOM_VALUES = {
  image: { repository: 'registry.example.com/team/clearml-plugin', tag: '9.9.9' },
  replicas: 3,
  resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  nodeSelector: { 'node-role.kubernetes.io/infra': '' },
  tolerations: [{ key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' }],
  affinity: {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        {
          topologyKey: 'kubernetes.io/hostname',
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': PLUGIN_NAME } },
        },
      ],
    },
  },
  priorityClassName: 'system-cluster-critical',
  jobs: { enablePlugin: { enabled: false, disableOnUninstall: false } },
};
