/** Preflight findings for a terminal, and the exit code a report means. */
import type { PreflightReport } from '../engine/preflight/findings';
import type { CliIo } from './command';
import { CLUSTER_EXIT } from './cluster-command';
import { findingLine } from './findings-text';

export function printFindings(write: CliIo['stdout'], report: PreflightReport): void {
  for (const f of report.findings) write(findingLine(f));
}

/**
 * 0 when a deploy can finish on its own; 3 when it needs rights the user lacks, including SCC
 * grants an administrator must apply; 4 when the cluster itself is in the way (storage, quota,
 * APIs, pod security, foreign objects).
 */
export function preflightExit(report: PreflightReport): number {
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.some((f) => f.area === 'access')) return CLUSTER_EXIT.permission;
  // A release step that is not allowed (downgrade, skipped step) is a problem of the values.
  if (errors.some((f) => f.area === 'upgrade')) return CLUSTER_EXIT.invalidInput;
  if (errors.length) return CLUSTER_EXIT.cluster;
  if (report.handoff) return CLUSTER_EXIT.permission;
  return CLUSTER_EXIT.ok;
}
