/** Runs a CLI command in this process with captured output: for the commands' unit tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterClient } from '../engine/cluster/client';
import type { CliCommand } from '../cli/command';

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = join(__dirname, '..', '..');

/** `files` answer reads before the disk (paths relative to the repository root otherwise). */
export async function runCommand(
  name: string,
  args: string[],
  options: { client?: ClusterClient; files?: Record<string, string> } = {},
): Promise<CommandRun> {
  const { command } = (await import(`../cli/commands/${name}.ts`)) as { command: CliCommand };
  const out: CommandRun = { code: -1, stdout: '', stderr: '' };
  out.code = await command.run(args, {
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
    readFile: async (path) => options.files?.[path] ?? readFile(join(root, path), 'utf8'),
    connect: () => {
      if (!options.client) throw new Error('this test gives the command no cluster');
      return options.client;
    },
  });
  return out;
}
