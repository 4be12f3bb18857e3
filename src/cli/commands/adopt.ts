import { runTakeover } from '../../engine/adopt/takeover';
import { planTakeover } from '../../engine/adopt/takeover-plan';
import { preflightTakeover } from '../../engine/adopt/takeover-preflight';
import { readTakeoverInput } from '../../engine/adopt/takeover-read';
import { rollbackTakeover } from '../../engine/adopt/takeover-rollback';
import type { TakeoverPlan, TakeoverStepId } from '../../engine/adopt/takeover-types';
import { msg } from '../../engine/messages/message';
import { DNS_LABEL_PATTERN } from '../../engine/names';
import { finding } from '../../engine/preflight/findings';
import { renderWithPlan } from '../../engine/render/render';
import type { SccPlanEntry } from '../../engine/scc/plan';
import { parseValues } from '../../engine/values/parse';
import {
  blockedExit,
  pausedMessage,
  planData,
  printPlan,
  takeoverPrinter,
  UNTIL_STEPS,
} from '../adopt-text';
import type { CliCommand, CliIo } from '../command';
import {
  CLUSTER_EXIT,
  type ClusterArgs,
  clientFor,
  failWith,
  isStructured,
  parseCommandArgs,
  printStructured,
} from '../cluster-command';
import { findingLine } from '../findings-text';
import { parseDuration } from '../duration';
import { printHandoff } from '../handoff-text';

const OPTIONS = {
  release: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  name: { type: 'string' },
  'dry-run': { type: 'boolean' },
  rollback: { type: 'boolean' },
  'remove-grants': { type: 'boolean' },
  wait: { type: 'string' },
  until: { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const;

interface AdoptArgs extends ClusterArgs {
  release?: string;
  'dry-run'?: boolean;
  rollback?: boolean;
  'remove-grants'?: boolean;
  wait?: string;
  until?: string;
}

const DEFAULT_WAIT = '10m';

/** The instance's SCCs and why, when its values are complete enough to render. */
async function sccPlan(plan: TakeoverPlan): Promise<SccPlanEntry[] | undefined> {
  const parsed = parseValues(plan.values);
  if (!parsed.ok) return undefined;
  return (await renderWithPlan(parsed.values)).plan;
}

function checkArgs(args: AdoptArgs, io: CliIo, usage: string): number | undefined {
  const bad = (text: string) => {
    io.stderr(`${text}\nusage: ${usage}\n`);
    return CLUSTER_EXIT.invalidInput;
  };
  if (!args.release) return bad('--release is required: the name of the Helm release');
  if (!DNS_LABEL_PATTERN.test(args.release) || args.release.length > 53) {
    return bad('--release must be a Helm release name (lowercase letters, digits and "-")');
  }
  if (args.namespace !== undefined && !DNS_LABEL_PATTERN.test(args.namespace)) {
    return bad('--namespace must be a project name (lowercase letters, digits and "-")');
  }
  if (args.rollback && (args['dry-run'] || args['remove-grants'] || args.name || args.until)) {
    return bad('--rollback takes no --dry-run, --remove-grants, --name or --until');
  }
  if (args.until !== undefined && !(UNTIL_STEPS as string[]).includes(args.until)) {
    return bad(`--until must be the step to stop after: one of ${UNTIL_STEPS.join(', ')}`);
  }
  const wait = parseDuration(args.wait ?? DEFAULT_WAIT);
  if (wait === undefined || wait <= 0)
    return bad('--wait must be a duration such as 90s, 10m or 1h');
  return undefined;
}

async function rollback(io: CliIo, args: AdoptArgs, release: string, namespace: string) {
  const structured = isStructured(args);
  const result = await rollbackTakeover({
    client: clientFor(args, io),
    release,
    namespace,
    onEvent: structured ? undefined : takeoverPrinter(io),
  });
  const done =
    result.ok && !result.nothing
      ? msg('adopt.run.rolledBack', { release, instance: result.instance ?? '' }).text
      : undefined;
  if (structured) {
    printStructured(io, args.output, {
      ok: result.ok,
      rolledBack: result.ok && !result.nothing,
      instance: result.instance,
      ...(result.ok ? { message: done ?? result.problems[0]?.message } : {}),
      problems: result.ok ? [] : result.problems.map((p) => p.message),
    });
  } else if (result.ok) {
    io.stdout(`${done ?? result.problems[0]?.message}\n`);
  } else {
    for (const p of result.problems) io.stderr(`✗ ${p.message}\n`);
  }
  if (result.ok) return CLUSTER_EXIT.ok;
  if (result.problems.some((p) => p.status === 401 || p.status === 403)) {
    return CLUSTER_EXIT.permission;
  }
  return CLUSTER_EXIT.cluster;
}

export const command: CliCommand = {
  name: 'adopt',
  summary:
    'take over a ClearML installed with the upstream Helm chart: same volumes, credentials and hosts, managed by this plugin (resumable, or staged with --until STEP; --rollback until the release is removed)',
  usage:
    'clearml-openshift adopt --release NAME [--namespace NS] [--name INSTANCE] [--dry-run] [--rollback] [--remove-grants] [--wait 10m] [--until STEP] [--kubeconfig FILE] [--context NAME] [--output json|yaml]',
  async run(argv, io) {
    const parsed = parseCommandArgs<AdoptArgs>(argv, OPTIONS, this.usage, io);
    if (!parsed.ok) return parsed.code;
    const args = parsed.args;
    const invalid = checkArgs(args, io, this.usage);
    if (invalid !== undefined) return invalid;
    const release = args.release!;
    const namespace = args.namespace ?? 'clearml';
    const timeoutMs = parseDuration(args.wait ?? DEFAULT_WAIT)!;
    const structured = isStructured(args);
    const until = args.until as TakeoverStepId | undefined;
    try {
      if (args.rollback) return await rollback(io, args, release, namespace);
      const client = clientFor(args, io);
      const input = await readTakeoverInput(client, {
        release,
        namespace,
        instance: args.name,
        removeGrants: args['remove-grants'] === true,
      });
      if (!input) {
        const f = finding(
          'adopt-release-missing',
          'adopt',
          'error',
          msg('adopt.finding.releaseMissing', { release, namespace }),
        );
        if (structured) printStructured(io, args.output, { ok: false, findings: [f] });
        else io.stderr(findingLine(f));
        return CLUSTER_EXIT.cluster;
      }
      const plan = await preflightTakeover(client, planTakeover(input), input);
      if (args['dry-run'] || plan.blocked) {
        const sccs = await sccPlan(plan);
        if (structured) {
          printStructured(io, args.output, {
            ok: !plan.blocked,
            dryRun: true,
            ...planData(plan, sccs),
            ...(until ? { until } : {}),
          });
        } else {
          printPlan(io, plan, sccs, until);
          if (plan.handoff) printHandoff(io, plan.handoff);
          if (plan.blocked) {
            io.stderr(
              `✗ The take-over of ${release} is blocked by the findings above; nothing was written.\n`,
            );
          }
        }
        return blockedExit(plan.findings);
      }
      if (!structured) for (const f of plan.findings) io.stderr(findingLine(f));
      const result = await runTakeover({
        client,
        plan,
        timeoutMs,
        until,
        onEvent: structured ? undefined : takeoverPrinter(io),
      });
      const paused = pausedMessage(plan, result);
      if (structured) {
        printStructured(io, args.output, {
          ok: result.ok,
          dryRun: false,
          ...planData(plan, undefined),
          done: result.done,
          stoppedAt: result.stoppedAt,
          ...(paused
            ? {
                pausedAfter: result.pausedAfter,
                rollbackPossible: result.rollbackPossible,
                message: paused.text,
              }
            : {}),
          problems: result.problems.map((p) => p.message),
          handoff: result.handoff,
        });
      } else if (paused) {
        io.stdout(`${paused.text}\n`);
      } else if (result.ok) {
        io.stdout(`${msg('adopt.run.done', { release, instance: plan.instance }).text}\n`);
      } else {
        if (result.handoff) printHandoff({ ...io, stdout: io.stderr }, result.handoff);
        for (const p of result.problems) io.stderr(`✗ ${p.message}\n`);
      }
      if (result.ok) return CLUSTER_EXIT.ok;
      if (result.handoff || result.problems.some((p) => p.status === 401 || p.status === 403)) {
        return CLUSTER_EXIT.permission;
      }
      return CLUSTER_EXIT.cluster;
    } catch (err) {
      return failWith(io, err, `adopt release ${release} in ${namespace}`);
    }
  },
};
