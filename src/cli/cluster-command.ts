/** What the commands that talk to a cluster share: options, values, client and exit codes. */
import { kubeYaml } from '../engine/yaml';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createNodeClient } from '../adapters/node-client';
import type { ClusterClient } from '../engine/cluster/client';
import { ApiError, NetworkError, explainError } from '../engine/cluster/errors';
import { baseValuesSchema, type ClearMLValues } from '../engine/values/schema';
import type { CliIo } from './command';
import { formatIssues, readValuesArg } from './values-file';

/** Exit codes of the cluster commands: 2 invalid values, 3 permissions, 4 cluster errors. */
export const CLUSTER_EXIT = {
  ok: 0,
  failure: 1,
  invalidInput: 2,
  permission: 3,
  cluster: 4,
} as const;

export const CLUSTER_OPTIONS = {
  values: { type: 'string', short: 'f' },
  namespace: { type: 'string', short: 'n' },
  name: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const satisfies ParseArgsConfig['options'];

export interface ClusterArgs {
  values?: string;
  namespace?: string;
  name?: string;
  kubeconfig?: string;
  context?: string;
  output?: string;
}

export type Parsed<T> = { ok: true; args: T } | { ok: false; code: number };

export function parseCommandArgs<T>(
  args: string[],
  options: ParseArgsConfig['options'],
  usage: string,
  io: CliIo,
): Parsed<T> {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: false });
    const values = parsed.values as T & { output?: string };
    if (values.output !== undefined && !['json', 'yaml', 'text'].includes(values.output)) {
      io.stderr(`--output must be json, yaml or text\nusage: ${usage}\n`);
      return { ok: false, code: CLUSTER_EXIT.invalidInput };
    }
    return { ok: true, args: values };
  } catch (err) {
    io.stderr(`${err instanceof Error ? err.message : String(err)}\nusage: ${usage}\n`);
    return { ok: false, code: CLUSTER_EXIT.invalidInput };
  }
}

/** Reads and validates the values; prints one line per bad field and returns undefined. */
export async function readValues(args: ClusterArgs, io: CliIo): Promise<ClearMLValues | undefined> {
  const result = await readValuesArg(args, io);
  if (!result.ok) {
    io.stderr(formatIssues(result.issues));
    return undefined;
  }
  return result.values;
}

/** A `--name` or `--namespace` given without a values file, checked by the values schema's rule. */
function checkFlag(field: 'name' | 'namespace', value: string | undefined, io: CliIo): boolean {
  if (value === undefined) return true;
  const result = baseValuesSchema.shape[field].safeParse(value);
  if (result.success) return true;
  io.stderr(formatIssues([{ path: field, message: result.error.issues[0]?.message ?? 'invalid' }]));
  return false;
}

/**
 * The instance a status or uninstall command is about: `--name`/`--namespace`, else the values
 * file's `name`/`namespace`, else the defaults.
 */
export async function instanceOf(
  args: ClusterArgs,
  io: CliIo,
): Promise<{ name: string; namespace: string } | undefined> {
  if (!checkFlag('name', args.name, io) || !checkFlag('namespace', args.namespace, io)) {
    return undefined;
  }
  let file: { name?: unknown; namespace?: unknown } = {};
  if (args.values !== undefined) {
    const values = await readValues({ values: args.values, namespace: args.namespace }, io);
    if (!values) return undefined;
    file = values;
  }
  const name = args.name ?? (typeof file.name === 'string' ? file.name : 'clearml');
  const namespace =
    args.namespace ?? (typeof file.namespace === 'string' ? file.namespace : undefined);
  if (!namespace) {
    io.stderr('namespace: give --namespace or a values file with a namespace\n');
    return undefined;
  }
  return { name, namespace };
}

/** Parses the arguments of a command about one existing instance and resolves that instance. */
export async function parseTargetArgs<T extends ClusterArgs>(
  argv: string[],
  options: ParseArgsConfig['options'],
  usage: string,
  io: CliIo,
): Promise<
  { ok: true; args: T; target: { name: string; namespace: string } } | { ok: false; code: number }
> {
  const parsed = parseCommandArgs<T>(argv, options, usage, io);
  if (!parsed.ok) return parsed;
  const target = await instanceOf(parsed.args, io);
  return target
    ? { ok: true, args: parsed.args, target }
    : { ok: false, code: CLUSTER_EXIT.invalidInput };
}

/** Whether the command prints JSON or YAML instead of text. */
export const isStructured = (args: ClusterArgs) => args.output === 'json' || args.output === 'yaml';

export function clientFor(args: ClusterArgs, io: CliIo): ClusterClient {
  const options = { kubeconfig: args.kubeconfig, context: args.context };
  return io.connect?.(options) ?? createNodeClient(options);
}

/** Prints structured output as JSON or YAML. */
export function printStructured(io: CliIo, format: string | undefined, data: unknown): void {
  io.stdout(format === 'yaml' ? kubeYaml(data) : `${JSON.stringify(data, null, 2)}\n`);
}

/** Maps an error that escaped a command to a message on stderr and an exit code. */
export function failWith(io: CliIo, err: unknown, what: string): number {
  io.stderr(`${explainError(err, what)}\n`);
  if (err instanceof ApiError && (err.status === 401 || err.status === 403))
    return CLUSTER_EXIT.permission;
  if (err instanceof ApiError || err instanceof NetworkError) return CLUSTER_EXIT.cluster;
  if (err instanceof Error && /kubeconfig|No cluster/i.test(err.message))
    return CLUSTER_EXIT.cluster;
  return CLUSTER_EXIT.failure;
}
