import { useCallback, useEffect, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import { type ClearMLValues, type K8sObject, renderWithPlan, type SccPlanEntry } from '../engine';
import { explainError } from '../engine/cluster/errors';
import { existingFrom, readLive } from '../engine/deploy/live';
import type { PreflightReport } from '../engine/preflight/findings';
import { preflight } from '../engine/preflight/preflight';

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
          const ns = await client
            .get({ apiVersion: 'v1', kind: 'Namespace', name: values.namespace })
            .catch(() => undefined);
          const options = { namespaceAnnotations: ns?.metadata.annotations };
          const draft = await renderWithPlan(values, {}, options);
          const live = await readLive(client, values.namespace, draft.objects).catch(
            () => new Map<string, K8sObject>(),
          );
          const { objects, plan } = await renderWithPlan(
            values,
            existingFrom(live, values.name),
            options,
          );
          const report = await preflight({
            client,
            namespace: values.namespace,
            instance: values.name,
            objects,
            live,
          });
          if (!cancelled) setState({ loading: false, objects, plan, live, report, forValues: key });
        } catch (err) {
          if (!cancelled)
            setState({
              loading: false,
              error: explainError(err, 'check the plan'),
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
