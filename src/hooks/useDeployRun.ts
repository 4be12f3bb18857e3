import { useCallback, useRef, useState } from 'react';
import { useClusterClient } from '../components/ClusterClientContext';
import type { DeployRequest } from '../components/wizard/DeployWizard';
import type { ObjectState, PhaseEvent } from '../engine/deploy/apply';
import { deploy, type DeployEvent, type DeployResult } from '../engine/deploy/deploy';
import { type AdminHandoff, adminHandoff, sccGrantsOf } from '../engine/deploy/grants';
import type { UpgradeCheck } from '../engine/deploy/upgrade';
import { explainErrorMessage } from '../engine/cluster/errors';
import { type Message, msg } from '../engine/messages/message';

export interface ObjectProgress {
  key: string;
  kind: string;
  name: string;
  tier: string;
  state: ObjectState;
  message?: Message;
  /** Written with the admitted Route hosts (the servers, once the Routes have them). */
  routeHosts?: boolean;
}

export interface DeployRunState {
  request?: DeployRequest;
  running: boolean;
  phase?: PhaseEvent['phase'];
  phaseMessage?: Message;
  /** The last message of every phase the run went through: each step's reason. */
  phaseMessages: Partial<Record<PhaseEvent['phase'], Message>>;
  /** Set when the deploy changes the installed release: what happens to the data. */
  upgrade?: UpgradeCheck;
  objects: ObjectProgress[];
  handoff?: AdminHandoff;
  waitingForGrants: boolean;
  result?: DeployResult;
  /** An error that stopped the run before the engine could report it. */
  error?: Message;
}

const WAIT_FOR_ADMIN_MS = 60 * 60 * 1000;

/** Runs the engine's deploy and keeps its events as per-object progress. */
export function useDeployRun() {
  const client = useClusterClient();
  const [state, setState] = useState<DeployRunState>({
    running: false,
    objects: [],
    phaseMessages: {},
    waitingForGrants: false,
  });
  const abort = useRef<AbortController | undefined>(undefined);

  const onEvent = useCallback((e: DeployEvent) => {
    setState((s) => {
      switch (e.type) {
        case 'phase':
          return {
            ...s,
            phase: e.phase,
            phaseMessage: e.i18n,
            phaseMessages: { ...s.phaseMessages, [e.phase]: e.i18n },
          };
        case 'handoff':
          return { ...s, handoff: e.handoff };
        case 'grants':
          return { ...s, waitingForGrants: e.state === 'waiting' };
        case 'upgrade':
          return { ...s, upgrade: e.check };
        case 'object': {
          const key = `${e.ref.kind}/${e.ref.name}`;
          const index = s.objects.findIndex((o) => o.key === key);
          const before = s.objects[index];
          // An object this run created stays "Created" if it is written again.
          const keepCreated =
            before?.state === 'created' && (e.state === 'configured' || e.state === 'unchanged');
          const row: ObjectProgress = {
            key,
            kind: e.ref.kind,
            name: e.ref.name,
            tier: e.tier,
            state: keepCreated ? 'created' : e.state,
            message: e.i18n,
            routeHosts: before?.routeHosts || (e.pass === 'route-hosts' && e.state !== 'unchanged'),
          };
          const rest = s.objects.filter((o) => o.key !== key);
          const objects =
            index < 0 ? [...s.objects, row] : [...rest.slice(0, index), row, ...rest.slice(index)];
          return { ...s, objects };
        }
        default:
          return s;
      }
    });
  }, []);

  const start = useCallback(
    (request: DeployRequest) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({
        request,
        running: true,
        objects: [],
        phaseMessages: {},
        waitingForGrants: false,
      });
      void (async () => {
        try {
          const result = await deploy({
            client,
            values: request.values,
            waitForGrantsMs: request.waitForAdmin ? WAIT_FOR_ADMIN_MS : 0,
            grantPollMs: 5000,
            onEvent,
            signal: controller.signal,
          });
          // An SCC grant the API refused as an escalation goes to an administrator too.
          const refused = result.problems
            .filter((p) => p.status === 403 && p.ref.kind === 'RoleBinding')
            .map((p) => p.ref.name);
          const grants = sccGrantsOf(request.objects).filter((g) =>
            refused.includes(g.binding.metadata.name),
          );
          const handoff =
            result.handoff ??
            (grants.length ? adminHandoff(grants, request.values.namespace) : undefined);
          if (!controller.signal.aborted)
            setState((s) => ({ ...s, running: false, waitingForGrants: false, result, handoff }));
        } catch (err) {
          if (!controller.signal.aborted)
            setState((s) => ({
              ...s,
              running: false,
              waitingForGrants: false,
              error: explainErrorMessage(
                err,
                msg('deploy.what.deploy', { instance: request.values.name }),
              ),
            }));
        }
      })();
    },
    [client, onEvent],
  );

  const retry = useCallback(() => {
    if (state.request) start(state.request);
  }, [start, state.request]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    setState((s) => ({ ...s, running: false, waitingForGrants: false }));
  }, []);

  return { state, start, retry, cancel };
}
