import { describeRef } from '../../engine/cluster/api-paths';
import { deploy, type DeployEvent } from '../../engine/deploy/deploy';
import { checkValues } from '../../engine/preflight/check-values';
import type { Finding } from '../../engine/preflight/findings';
import { waitForReady } from '../../engine/status/wait';
import type { CliCommand, CliIo } from '../command';
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
import { formatDuration, parseDuration } from '../duration';
import { printHandoff } from '../handoff-text';
import { preflightExit, printFindings } from '../preflight-text';
import { agentLines, componentLine } from '../status-text';

const OPTIONS = {
  ...CLUSTER_OPTIONS,
  'wait-for-grants': { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  force: { type: 'boolean' },
} as const;

interface DeployArgs extends ClusterArgs {
  'wait-for-grants'?: string;
  wait?: boolean;
  timeout?: string;
  force?: boolean;
}

const DEFAULT_TIMEOUT = '10m';

/**
 * Warnings that stop a deploy unless --force: a check that could not run. The SCC hand-off is a
 * warning with its own path (the administrator's grants, --wait-for-grants).
 */
const stoppingWarnings = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'warning' && f.id !== 'scc-grants');

function progressPrinter(io: CliIo) {
  return (e: DeployEvent) => {
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
}

export const command: CliCommand = {
  name: 'deploy',
  summary:
    'check, then apply a ClearML instance to the cluster (dry run first, ordered, idempotent); --wait until Ready',
  usage:
    'clearml-openshift deploy [--values FILE] [--namespace NS] [--wait [--timeout 10m]] [--wait-for-grants SECONDS] [--force] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = parseCommandArgs<DeployArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const args = parsed.args;
    const waitSeconds = Number(args['wait-for-grants'] ?? 0);
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
      io.stderr('--wait-for-grants must be a number of seconds\n');
      return CLUSTER_EXIT.invalidInput;
    }
    const timeoutMs = parseDuration(args.timeout ?? DEFAULT_TIMEOUT);
    if (timeoutMs === undefined || timeoutMs <= 0) {
      io.stderr('--timeout must be a duration such as 90s, 10m or 1h\n');
      return CLUSTER_EXIT.invalidInput;
    }
    if (args.timeout !== undefined && !args.wait) {
      io.stderr('--timeout applies to --wait: add --wait, or leave --timeout out\n');
      return CLUSTER_EXIT.invalidInput;
    }
    const values = await readValues(args, io);
    if (!values) return CLUSTER_EXIT.invalidInput;
    const structured = isStructured(args);
    const client = clientFor(args, io);
    const where = `${values.name} in ${values.namespace}`;
    try {
      // The same checks as `preflight` and the page's Review step, before anything is written.
      const { report } = await checkValues(client, values);
      if (!structured) printFindings(io.stderr, report);
      const errors = report.findings.filter((f) => f.severity === 'error');
      const warnings = stoppingWarnings(report.findings);
      const stopForWarnings = !errors.length && warnings.length > 0 && !args.force;
      if (errors.length || stopForWarnings) {
        if (structured) {
          printStructured(io, args.output, {
            ok: false,
            changed: 0,
            stoppedBecause: 'preflight',
            preflight: report.findings,
          });
        } else if (errors.length) {
          io.stderr(
            `✗ Preflight found ${errors.length === 1 ? 'a problem' : `${errors.length} problems`} that block deploying ${where}; nothing was written.${args.force ? ' --force overrides warnings, never these.' : ''}\n`,
          );
        } else {
          io.stderr(
            `✗ Preflight could not check everything for ${where}; nothing was written. Deploy again with --force to go ahead anyway.\n`,
          );
        }
        if (errors.length) return preflightExit(report);
        return warnings.some((f) => f.area === 'access')
          ? CLUSTER_EXIT.permission
          : CLUSTER_EXIT.cluster;
      }

      const result = await deploy({
        client,
        values,
        waitForGrantsMs: waitSeconds * 1000,
        onEvent: structured ? undefined : progressPrinter(io),
      });
      if (!result.ok) {
        if (structured) {
          printStructured(io, args.output, {
            ok: false,
            changed: result.changed,
            stoppedBecause: result.stoppedBecause,
            preflight: report.findings,
            problems: result.problems.map((p) => ({
              kind: p.ref.kind,
              name: p.ref.name,
              message: p.message,
            })),
            handoff: result.handoff,
            scc: result.plan,
          });
        } else {
          for (const p of result.problems) io.stderr(`✗ ${p.message}\n`);
        }
        if (result.stoppedBecause === 'grants-missing') return CLUSTER_EXIT.permission;
        if (result.problems.some((p) => p.status === 401 || p.status === 403))
          return CLUSTER_EXIT.permission;
        return CLUSTER_EXIT.cluster;
      }
      if (!structured) {
        io.stdout(
          result.changed
            ? `Deployed ${where}: ${result.changed} objects written.\n`
            : `${where} is up to date: nothing to change.\n`,
        );
      }

      const waited = args.wait
        ? await waitForReady({
            client,
            namespace: values.namespace,
            instance: values.name,
            timeoutMs,
            onChange: (changed) => {
              if (!structured) for (const c of changed) io.stderr(`${componentLine(c)}\n`);
            },
          })
        : undefined;
      if (structured) {
        printStructured(io, args.output, {
          ok: waited?.ready ?? true,
          changed: result.changed,
          ...(waited ? { ready: waited.ready, status: waited.status } : {}),
          preflight: report.findings,
          objects: result.states.map((s) => ({
            kind: s.ref.kind,
            name: s.ref.name,
            state: s.state,
          })),
          problems: [],
          handoff: result.handoff,
          scc: result.plan,
        });
      }
      if (!waited) return CLUSTER_EXIT.ok;
      const notReady = waited.status.components.filter((c) => c.state !== 'Ready');
      const agentsNotReady = waited.status.agents.filter((a) => a.state !== 'Ready');
      const names = [
        ...notReady.map((c) => c.displayName),
        ...agentsNotReady.map((a) => `agent ${a.agent}`),
      ];
      if (waited.ready) {
        if (!structured) {
          io.stdout(`${where} is Ready: all ${waited.status.components.length} components.\n`);
        }
        return CLUSTER_EXIT.ok;
      }
      if (!structured) {
        io.stderr(
          `✗ ${where} is not Ready after ${formatDuration(timeoutMs)}: ${names.length ? names.join(', ') : 'the workloads have not rolled out their latest change'}.\n`,
        );
        for (const c of notReady) io.stderr(`${componentLine(c)}\n`);
        for (const a of agentsNotReady) io.stderr(`${agentLines(a)[0]}\n`);
      }
      return CLUSTER_EXIT.cluster;
    } catch (err) {
      return failWith(io, err, `deploy ${values.name} to ${values.namespace}`);
    }
  },
};
