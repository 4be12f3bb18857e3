import { readLiveState } from '../../engine/status/read';
import { instanceStatus } from '../../engine/status/model';
import type { InstanceStatus } from '../../engine/status/types';
import { sleep } from '../../engine/deploy/concurrency';
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
import { agentLines, componentLine } from '../status-text';

const OPTIONS = { ...CLUSTER_OPTIONS, watch: { type: 'boolean', short: 'w' } } as const;

interface StatusArgs extends ClusterArgs {
  watch?: boolean;
}

function text(status: InstanceStatus): string {
  if (!status.components.length) {
    return `${status.instance}: not installed here (no ClearML workloads of this instance found).\n`;
  }
  const lines = [
    `${status.instance}: ${status.ready ? 'Ready' : status.state}`,
    ...status.components.map(componentLine),
    ...status.agents.flatMap(agentLines),
  ];
  const urls = Object.entries(status.urls).filter(([, url]) => url);
  if (urls.length) lines.push('', ...urls.map(([name, url]) => `  ${name.padEnd(6)} ${url}`));
  lines.push(...status.routeProblems.map((p) => `  ! ${p.message}`));
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = {
  name: 'status',
  summary:
    "show each component and agent of an instance with its health and the reason, and the agents' task pods",
  usage:
    'clearml-openshift status [--name NAME] [--namespace NS | --values FILE] [--watch] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = await parseTargetArgs<StatusArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const { target } = parsed;
    try {
      const client = clientFor(parsed.args, io);
      let last = '';
      for (;;) {
        const status = instanceStatus(
          target.name,
          await readLiveState(client, target.namespace, target.name),
        );
        const out = isStructured(parsed.args) ? undefined : text(status);
        if (out === undefined) printStructured(io, parsed.args.output, status);
        else if (out !== last) io.stdout(out);
        last = out ?? '';
        if (!parsed.args.watch || status.ready) {
          return status.ready || parsed.args.watch ? CLUSTER_EXIT.ok : CLUSTER_EXIT.failure;
        }
        await sleep(2000);
      }
    } catch (err) {
      return failWith(io, err, `read the status of ${target.name} in ${target.namespace}`);
    }
  },
};
