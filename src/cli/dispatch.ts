import { escapeControlsKeepLines } from '../engine/values/escape';
import { EXIT, type CliCommand, type CliIo } from './command';

const USAGE = `usage: clearml-openshift <command> [options]

Commands:
  render     print the objects of a ClearML instance as YAML
  preflight  check permissions, APIs, storage, quota, existing objects and pod security
  deploy     apply an instance (dry run first, ordered, idempotent, resumable)
  status     each component's and agent's health and the reason, the agents' task pods, the URLs
  uninstall  remove an instance; volumes and credentials are kept unless --delete-data,
             the agents' task pods unless --task-pods
  adopt      take over a ClearML installed with the upstream Helm chart (same volumes,
             credentials and hosts); --dry-run prints the plan, --rollback restores the release

Run "clearml-openshift <command> --help" for a command's options.
Exit codes: 0 success, 2 invalid values or arguments, 3 missing permissions, 4 cluster errors.
`;

/** Loads `commands/<name>.ts`; adding a command means adding one file there. */
async function loadCommand(name: string): Promise<CliCommand | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name)) {
    return undefined;
  }
  try {
    const mod = (await import(`./commands/${name}.ts`)) as { command?: CliCommand };
    return mod.command;
  } catch {
    return undefined;
  }
}

/**
 * Runs one command. Whatever a command writes to stderr passes through `escapeControlsKeepLines`:
 * messages quote user input (option names, paths, keys), which must never reach the terminal raw.
 */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, stderr: (text) => rawIo.stderr(escapeControlsKeepLines(text)) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? EXIT.invalidInput : EXIT.ok;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`unknown command "${name}"\n${USAGE}`);
    return EXIT.invalidInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\nusage: ${command.usage}\n`);
    return EXIT.ok;
  }
  return command.run(rest, io);
}
