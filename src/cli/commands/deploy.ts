import { describeRef } from '../../engine/cluster/api-paths';
import { deploy, type DeployEvent } from '../../engine/deploy/deploy';
import type { CliCommand } from '../command';
import {
  CLUSTER_EXIT,
  CLUSTER_OPTIONS,
  type ClusterArgs,
  clientFor,
  failWith,
  isStructured,
  parseCommandArgs,
  printStructured,
  readValues,
} from '../cluster-command';
import { printHandoff } from '../handoff-text';

const OPTIONS = {
  ...CLUSTER_OPTIONS,
  'wait-for-grants': { type: 'string' },
} as const;

interface DeployArgs extends ClusterArgs {
  'wait-for-grants'?: string;
}

export const command: CliCommand = {
  name: 'deploy',
  summary: 'apply a ClearML instance to the cluster (dry run first, ordered, idempotent)',
  usage:
    'clearml-openshift deploy [--values FILE] [--namespace NS] [--wait-for-grants SECONDS] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = parseCommandArgs<DeployArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const waitSeconds = Number(parsed.args['wait-for-grants'] ?? 0);
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
      io.stderr('--wait-for-grants must be a number of seconds\n');
      return CLUSTER_EXIT.invalidInput;
    }
    const values = await readValues(parsed.args, io);
    if (!values) return CLUSTER_EXIT.invalidInput;
    const structured = isStructured(parsed.args);
    const progress = (e: DeployEvent) => {
      if (structured) return;
      if (e.type === 'phase') io.stderr(`» ${e.message}\n`);
      if (e.type === 'object' && e.state !== 'checked') {
        io.stderr(
          `  ${e.state.padEnd(10)} ${describeRef(e.ref)}${e.message ? `: ${e.message}` : ''}\n`,
        );
      }
      if (e.type === 'handoff') printHandoff({ ...io, stdout: io.stderr }, e.handoff);
      if (e.type === 'grants' && e.state === 'waiting')
        io.stderr('» Waiting for an administrator to apply the grants…\n');
      if (e.type === 'grants' && e.state === 'granted')
        io.stderr('» The security grants are in place\n');
    };
    try {
      const result = await deploy({
        client: clientFor(parsed.args),
        values,
        waitForGrantsMs: waitSeconds * 1000,
        onEvent: progress,
      });
      if (structured) {
        printStructured(io, parsed.args.output, {
          ok: result.ok,
          changed: result.changed,
          stoppedBecause: result.stoppedBecause,
          objects: result.states.map((s) => ({
            kind: s.ref.kind,
            name: s.ref.name,
            state: s.state,
          })),
          problems: result.problems.map((p) => ({
            kind: p.ref.kind,
            name: p.ref.name,
            message: p.message,
          })),
          handoff: result.handoff,
          scc: result.plan,
        });
      } else if (result.ok) {
        io.stdout(
          result.changed
            ? `Deployed ${values.name} in ${values.namespace}: ${result.changed} objects written.\n`
            : `${values.name} in ${values.namespace} is up to date: nothing to change.\n`,
        );
      } else {
        for (const p of result.problems) io.stderr(`✗ ${p.message}\n`);
      }
      if (result.ok) return CLUSTER_EXIT.ok;
      if (result.stoppedBecause === 'grants-missing') return CLUSTER_EXIT.permission;
      if (result.problems.some((p) => p.status === 401 || p.status === 403))
        return CLUSTER_EXIT.permission;
      return CLUSTER_EXIT.cluster;
    } catch (err) {
      return failWith(io, err, `deploy ${values.name} to ${values.namespace}`);
    }
  },
};
