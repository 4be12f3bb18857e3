/**
 * The take-over of a chart release from the page, driven as the CLI drives it
 * (src/cli/commands/adopt.ts): read the input, plan, run with events, or roll back. It also reads
 * the progress ConfigMap a take-over leaves, so a page opened later can continue or roll back.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { runTakeover, type TakeoverEvent, type TakeoverResult } from '../../engine/adopt/takeover';
import { planTakeover } from '../../engine/adopt/takeover-plan';
import { preflightTakeover } from '../../engine/adopt/takeover-preflight';
import { readProgress } from '../../engine/adopt/takeover-progress';
import { readTakeoverInput } from '../../engine/adopt/takeover-read';
import { rollbackTakeover, type RollbackResult } from '../../engine/adopt/takeover-rollback';
import type {
  TakeoverPlan,
  TakeoverProgress,
  TakeoverStepId,
} from '../../engine/adopt/takeover-types';
import { explainErrorMessage } from '../../engine/cluster/errors';
import { type Message, msg } from '../../engine/messages/message';
import { renderWithPlan } from '../../engine/render/render';
import type { SccPlanEntry } from '../../engine/scc/plan';
import { parseValues } from '../../engine/values/parse';
import { useClusterClient } from '../ClusterClientContext';

/** As the CLI's default `--wait 10m`: for the chart's pods to stop and the instance to be Ready. */
const TIMEOUT_MS = 10 * 60 * 1000;

export type StepState = 'done' | 'running' | 'pending' | 'failed';

export interface TakeoverState {
  busy?: 'plan' | 'run' | 'rollback';
  plan?: TakeoverPlan;
  /** The instance's SCCs and why, when its values are complete enough to render. */
  sccs?: SccPlanEntry[];
  /** No release of that name to take over. */
  missing?: boolean;
  /** The progress recorded on the cluster, when a take-over has begun. */
  progress?: TakeoverProgress;
  steps: Partial<Record<TakeoverStepId, StepState>>;
  result?: TakeoverResult;
  rollback?: RollbackResult;
  error?: Message;
}

async function sccPlan(plan: TakeoverPlan): Promise<SccPlanEntry[] | undefined> {
  const parsed = parseValues(plan.values);
  if (!parsed.ok) return undefined;
  return (await renderWithPlan(parsed.values)).plan;
}

/** Whether the recorded progress still allows a rollback: the release's objects are all there. */
export const canRollBack = (p: TakeoverProgress | undefined): boolean =>
  !!p && !p.closed && p.done.length > 0 && !p.done.includes('remove-release');

export function useTakeover(release: string, namespace: string) {
  const client = useClusterClient();
  const [state, setState] = useState<TakeoverState>({ steps: {} });
  const mounted = useRef(true);
  const set = useCallback((next: Partial<TakeoverState>) => {
    if (mounted.current) setState((s) => ({ ...s, ...next }));
  }, []);
  const failed = (err: unknown, what: Message) =>
    set({ busy: undefined, error: explainErrorMessage(err, what) });

  const refreshProgress = useCallback(async () => {
    try {
      const progress = await readProgress(client, release, namespace);
      // Nothing recorded and nothing shown: no render.
      if (mounted.current) setState((s) => (!progress && !s.progress ? s : { ...s, progress }));
    } catch {
      // Without the right to read ConfigMaps there is no progress to show; planning says why.
    }
  }, [client, release, namespace]);

  useEffect(() => {
    mounted.current = true;
    void refreshProgress();
    return () => {
      mounted.current = false;
    };
  }, [refreshProgress]);

  const makePlan = async (removeGrants: boolean) => {
    set({ busy: 'plan', error: undefined, result: undefined, rollback: undefined });
    try {
      const input = await readTakeoverInput(client, { release, namespace, removeGrants });
      if (!input) {
        set({ busy: undefined, plan: undefined, missing: true });
        return;
      }
      const plan = await preflightTakeover(client, planTakeover(input), input);
      const sccs = await sccPlan(plan);
      const steps = Object.fromEntries(
        plan.steps.map((s) => [s.id, s.done ? 'done' : 'pending']),
      ) as TakeoverState['steps'];
      set({ busy: undefined, plan, sccs, steps, missing: false, progress: input.progress });
    } catch (err) {
      failed(err, msg('adopt.what.plan', { release }));
    }
  };

  const onEvent = (e: TakeoverEvent) => {
    if (e.type !== 'step' || !mounted.current) return;
    const now: StepState = e.state === 'start' ? 'running' : 'done';
    setState((s) => ({ ...s, steps: { ...s.steps, [e.step]: now } }));
  };

  const run = async () => {
    const plan = state.plan;
    if (!plan || plan.blocked) return;
    set({ busy: 'run', error: undefined, result: undefined, rollback: undefined });
    try {
      const result = await runTakeover({ client, plan, timeoutMs: TIMEOUT_MS, onEvent });
      if (result.stoppedAt) {
        const stoppedAt = result.stoppedAt;
        setState((s) => ({ ...s, steps: { ...s.steps, [stoppedAt]: 'failed' } }));
      }
      set({ busy: undefined, result });
    } catch (err) {
      failed(err, msg('adopt.what.run', { release }));
    }
    await refreshProgress();
  };

  const rollback = async () => {
    set({ busy: 'rollback', error: undefined, rollback: undefined });
    try {
      const result = await rollbackTakeover({ client, release, namespace });
      set({ busy: undefined, rollback: result, plan: undefined, result: undefined, steps: {} });
    } catch (err) {
      failed(err, msg('adopt.what.rollback', { release }));
    }
    await refreshProgress();
  };

  return { state, makePlan, run, rollback };
}
