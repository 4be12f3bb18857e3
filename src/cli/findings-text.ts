/** Preflight findings as CLI lines: each severity its own mark and word, never a success check. */
import type { Finding, Severity } from '../engine/preflight/findings';

const MARK: Record<Severity, string> = {
  error: '✗ blocking:',
  warning: '! warning:',
  info: 'i info:',
};

export const findingLine = (f: Finding) => `${MARK[f.severity]} ${f.message}\n`;
