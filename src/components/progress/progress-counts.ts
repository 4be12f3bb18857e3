/** Counts of a deploy's rows, so the summary and the table always agree. */
import type { ObjectState } from '../../engine/deploy/apply';

export interface ProgressCounts {
  /** Rows: every object of the plan and the install record. */
  total: number;
  /** Created or updated by this run, each object once. */
  written: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

export function progressCounts(rows: { state: ObjectState }[]): ProgressCounts {
  const count = (s: ObjectState) => rows.filter((r) => r.state === s).length;
  const created = count('created');
  const updated = count('configured');
  return {
    total: rows.length,
    written: created + updated,
    created,
    updated,
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    failed: count('failed'),
  };
}
