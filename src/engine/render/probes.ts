import type { Probe } from '../k8s-types';

type Timing = Pick<
  Probe,
  | 'initialDelaySeconds'
  | 'periodSeconds'
  | 'timeoutSeconds'
  | 'failureThreshold'
  | 'successThreshold'
>;

export function httpProbe(path: string, port: string, timing: Timing): Probe {
  return { httpGet: { path, port }, ...timing };
}

export function tcpProbe(port: string, timing: Timing): Probe {
  return { tcpSocket: { port }, ...timing };
}

export function execProbe(command: string[], timing: Timing): Probe {
  return { exec: { command }, ...timing };
}

/** Startup probes give slow first starts (index creation, migrations) up to five minutes. */
export const STARTUP: Timing = { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 30 };
export const LIVENESS: Timing = { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 3 };
export const READINESS: Timing = { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 };
