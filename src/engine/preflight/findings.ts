/** What preflight reports: one finding per problem or fact, each with what to do. */
import type { AdminHandoff } from '../deploy/grants';
import type { Message } from '../messages/message';

export type Severity = 'error' | 'warning' | 'info';

export type FindingArea =
  | 'access'
  | 'security'
  | 'api'
  | 'storage'
  | 'quota'
  | 'ownership'
  | 'pod-security'
  | 'upgrade'
  | 'credentials'
  | 'adopt';

export interface Finding {
  id: string;
  area: FindingArea;
  severity: Severity;
  /** A sentence that says what is wrong (or fine) and what to do, in English. */
  message: string;
  /** The same sentence as a message id with parameters, for the page to translate. */
  i18n: Message;
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

/** A finding whose English `message` is its message's text. */
export const finding = (
  id: string,
  area: FindingArea,
  severity: Severity,
  message: Message,
): Finding => ({ id, area, severity, message: message.text, i18n: message });
