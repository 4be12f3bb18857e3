import { checkValues } from '../../engine/preflight/check-values';
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
import { preflightExit, printFindings } from '../preflight-text';

export const command: CliCommand = {
  name: 'preflight',
  summary:
    'check permissions, APIs, storage, quota, existing objects and pod security before a deploy',
  usage:
    'clearml-openshift preflight [--values FILE] [--namespace NS] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = parseCommandArgs<ClusterArgs>(argv, CLUSTER_OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const values = await readValues(parsed.args, io);
    if (!values) return CLUSTER_EXIT.invalidInput;
    try {
      const client = clientFor(parsed.args, io);
      const { report } = await checkValues(client, values);
      if (isStructured(parsed.args)) {
        printStructured(io, parsed.args.output, report);
      } else {
        printFindings(io.stdout, report);
        if (report.handoff) printHandoff(io, report.handoff);
      }
      return preflightExit(report);
    } catch (err) {
      return failWith(io, err, `check namespace ${values.namespace}`);
    }
  },
};
