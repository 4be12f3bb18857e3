/** Whether an object as the server would store it differs from the live one (server fields aside). */
import type { K8sObject } from '../../engine';

const SERVER_FIELDS = [
  'managedFields',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'uid',
];

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, normalise((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function comparable(obj: K8sObject): unknown {
  const { status: _status, ...rest } = obj as K8sObject & { status?: unknown };
  const metadata = Object.fromEntries(
    Object.entries(rest.metadata).filter(([k]) => !SERVER_FIELDS.includes(k)),
  );
  return normalise({ ...rest, metadata });
}

export type Change = 'new' | 'changed' | 'unchanged';

export function changeOf(after: K8sObject, live: K8sObject | undefined): Change {
  if (!live) return 'new';
  return JSON.stringify(comparable(after)) === JSON.stringify(comparable(live))
    ? 'unchanged'
    : 'changed';
}

/** A unified line diff of two texts (small inputs only): lines prefixed with ' ', '-' or '+'. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  while (i < n) out.push(`- ${a[i++]}`);
  while (j < m) out.push(`+ ${b[j++]}`);
  return out;
}
