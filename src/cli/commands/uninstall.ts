import { describeRef } from '../../engine/cluster/api-paths';
import { uninstall } from '../../engine/deploy/uninstall';
import type { CliCommand } from '../command';
import {
  CLUSTER_EXIT,
  CLUSTER_OPTIONS,
  type ClusterArgs,
  clientFor,
  failWith,
  isStructured,
  parseTargetArgs,
  printStructured,
} from '../cluster-command';

const OPTIONS = {
  ...CLUSTER_OPTIONS,
  'delete-data': { type: 'boolean' },
  'task-pods': { type: 'boolean' },
} as const;

interface UninstallArgs extends ClusterArgs {
  'delete-data'?: boolean;
  'task-pods'?: boolean;
}

export const command: CliCommand = {
  name: 'uninstall',
  summary:
    "remove an instance; its volumes and credentials are kept unless --delete-data, its agents' task pods unless --task-pods",
  usage:
    'clearml-openshift uninstall [--name NAME] [--namespace NS | --values FILE] [--delete-data] [--task-pods] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = await parseTargetArgs<UninstallArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const { target } = parsed;
    const structured = isStructured(parsed.args);
    try {
      const result = await uninstall({
        client: clientFor(parsed.args, io),
        namespace: target.namespace,
        instance: target.name,
        deleteData: parsed.args['delete-data'] === true,
        deleteTaskPods: parsed.args['task-pods'] === true,
        onEvent: (e) => {
          if (!structured)
            io.stderr(
              `  ${e.state.padEnd(8)} ${describeRef(e.ref)}${e.message ? `: ${e.message}` : ''}\n`,
            );
        },
      });
      if (structured) {
        printStructured(io, parsed.args.output, result);
      } else if (!result.deleted.length && !result.kept.length && !result.taskPodsLeft.length) {
        io.stdout(`No objects of instance ${target.name} found in ${target.namespace}.\n`);
      } else {
        io.stdout(
          `Removed ${result.deleted.length} objects of ${target.name} from ${target.namespace}.\n`,
        );
        if (result.kept.length) {
          io.stdout(
            `Kept the data: ${result.kept.map((r) => `${r.kind} ${r.name}`).join(', ')}. Deploy ${target.name} again to use it, or uninstall with --delete-data to remove it.\n`,
          );
        }
      }
      if (!structured && result.taskPodsNote) io.stdout(`${result.taskPodsNote.text}\n`);
      if (!result.problems.length) return CLUSTER_EXIT.ok;
      for (const p of result.problems) io.stderr(`✗ ${p.message}\n`);
      return CLUSTER_EXIT.cluster;
    } catch (err) {
      return failWith(io, err, `uninstall ${target.name} from ${target.namespace}`);
    }
  },
};
