import { useCallback, useEffect, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import { type Change, changeOf } from '../components/model/compare';
import type { K8sObject } from '../engine';
import { useTranslateMessage } from '../components/i18n/translate-message';
import { explainErrorMessage, isEscalationForbidden } from '../engine/cluster/errors';
import { msg } from '../engine/messages/message';
import { type AdminHandoff, adminHandoff, sccGrantsOf } from '../engine/deploy/grants';
import { keyOf } from '../engine/deploy/ownership';
import type { PlanCheck } from './usePlanCheck';

export interface DryRunRow {
  key: string;
  object: K8sObject;
  state: 'pending' | 'ok' | 'failed' | 'admin';
  message?: string;
  change?: Change;
  /** The object as the server would store it, when the dry run passed. */
  result?: K8sObject;
}

export interface DryRun {
  rows: DryRunRow[];
  running: boolean;
  done: boolean;
  /** SCC grants the API refused as an escalation: they go to an administrator. */
  handoff?: AdminHandoff;
  run: () => void;
}

const describe = (o: K8sObject) =>
  msg('deploy.what.dryRun', {
    object: `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`,
  });

/** The server-side dry run of every object of the plan, one result per object. */
export function useDryRun(check: PlanCheck, enabled: boolean): DryRun {
  const client = useClusterClient();
  const say = useTranslateMessage();
  const [rows, setRows] = useState<DryRunRow[]>([]);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(false);
  const [handoff, setHandoff] = useState<AdminHandoff>();
  const [round, setRound] = useState(0);
  const objects = check.objects;
  useEffect(() => {
    if (!enabled || !objects || check.loading) return undefined;
    let cancelled = false;
    const adminSccs = new Set(check.report?.handoff?.grants.map((g) => g.scc) ?? []);
    const forAdmin = new Set(
      sccGrantsOf(objects)
        .filter((g) => adminSccs.has(g.scc))
        .map((g) => keyOf(g.binding)),
    );
    const initial: DryRunRow[] = objects.map((object) => ({
      key: keyOf(object),
      object,
      state: forAdmin.has(keyOf(object)) ? 'admin' : 'pending',
    }));
    setRows(initial);
    setRunning(true);
    setDone(false);
    setHandoff(undefined);
    void (async () => {
      const results = await Promise.all(
        initial.map(async (row): Promise<DryRunRow> => {
          if (row.state === 'admin') return row;
          try {
            const result = await client.apply(row.object, { dryRun: true });
            return {
              ...row,
              state: 'ok',
              result,
              change: changeOf(result, check.live?.get(row.key)),
            };
          } catch (err) {
            return {
              ...row,
              state: isEscalationForbidden(err) ? 'admin' : 'failed',
              message: say(explainErrorMessage(err, describe(row.object))),
            };
          }
        }),
      );
      if (cancelled) return;
      const refused = results.filter((r) => r.state === 'admin' && r.message).map((r) => r.object);
      const grants = sccGrantsOf(refused);
      setRows(results);
      setHandoff(
        grants.length
          ? adminHandoff(grants, grants[0].binding.metadata.namespace ?? '')
          : undefined,
      );
      setRunning(false);
      setDone(true);
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, objects, check.loading, round, client]);
  const run = useCallback(() => setRound((r) => r + 1), []);
  return { rows, running, done, handoff, run };
}
