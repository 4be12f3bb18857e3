import { useCallback, useEffect, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import type { ClearMLValues, K8sObject, SccPlanEntry } from '../engine';
import { useTranslateMessage } from '../components/i18n/translate-message';
import { explainErrorMessage } from '../engine/cluster/errors';
import { msg } from '../engine/messages/message';
import { checkValues } from '../engine/preflight/check-values';
import type { PreflightReport } from '../engine/preflight/findings';

export interface PlanCheck {
  loading: boolean;
  objects?: K8sObject[];
  plan?: SccPlanEntry[];
  live?: Map<string, K8sObject>;
  report?: PreflightReport;
  /** Why the plan could not be computed, in words. */
  error?: string;
  /** The values the result belongs to. */
  forValues?: string;
  refresh: () => void;
}

/**
 * Renders the plan with the live credentials and Route hosts kept, then runs preflight. Runs
 * again (debounced) when the values change while `enabled`.
 */
export function usePlanCheck(values: ClearMLValues | undefined, enabled: boolean): PlanCheck {
  const client = useClusterClient();
  const say = useTranslateMessage();
  const [state, setState] = useState<Omit<PlanCheck, 'refresh'>>({ loading: false });
  const [round, setRound] = useState(0);
  const key = values ? JSON.stringify(values) : '';
  useEffect(() => {
    if (!values || !enabled) return undefined;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const { objects, plan, live, report } = await checkValues(client, values, {
            tolerateReadErrors: true,
          });
          if (!cancelled) setState({ loading: false, objects, plan, live, report, forValues: key });
        } catch (err) {
          if (!cancelled)
            setState({
              loading: false,
              error: say(explainErrorMessage(err, msg('preflight.check.plan'))),
              forValues: key,
            });
        }
      })();
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, enabled, client, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, refresh };
}
