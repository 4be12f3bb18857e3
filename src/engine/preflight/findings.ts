/** What preflight reports: one finding per problem or fact, each with what to do. */
import type { AdminHandoff } from '../deploy/grants';

export type Severity = 'error' | 'warning' | 'info';

export type FindingArea =
  'access' | 'security' | 'api' | 'storage' | 'quota' | 'ownership' | 'pod-security' | 'upgrade';

export interface Finding {
  id: string;
  area: FindingArea;
  severity: Severity;
  /** A sentence that says what is wrong (or fine) and what to do. */
  message: string;
}

export interface PreflightReport {
  namespace: string;
  findings: Finding[];
  /** Present when the user may not create the SCC grants themselves. */
  handoff?: AdminHandoff;
  /** True when nothing blocks a deploy (warnings may remain). */
  canDeploy: boolean;
}

export const blocking = (findings: Finding[]) => findings.some((f) => f.severity === 'error');
