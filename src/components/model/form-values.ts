/**
 * The wizard keeps the user's choices as values input (only what they set) and validates the
 * whole input with the engine on every change; errors are keyed by dotted field path.
 */
import type { ClearMLValuesInput, ValidationIssue } from '../../engine';

export type FormInput = ClearMLValuesInput;

type Tree = Record<string, unknown>;

export function getIn(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (acc, key) => (acc && typeof acc === 'object' ? (acc as Tree)[key] : undefined),
      obj,
    );
}

const isEmpty = (v: unknown) =>
  v === undefined || v === '' || (typeof v === 'object' && v !== null && !Object.keys(v).length);

/**
 * A copy of `obj` with `path` set; empty strings and undefined remove the field. A list stays a
 * list (`agents.0.name`), and its items keep their places even when emptied.
 */
export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const child = rest.length
    ? setIn((obj as Tree | undefined)?.[head], rest.join('.'), value)
    : value;
  if (Array.isArray(obj) && /^\d+$/.test(head)) {
    const list: unknown[] = [...obj];
    list[Number(head)] = child ?? {};
    return list as T;
  }
  const next: Tree = { ...((obj ?? {}) as Tree) };
  if (isEmpty(child)) delete next[head];
  else next[head] = child;
  return next as T;
}

/** The first issue for each field path. */
export function issuesByPath(issues: ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.path in out)) out[i.path] = i.message;
  return out;
}

/** Issues under any of the given path prefixes. */
export function issuesUnder(issues: ValidationIssue[], prefixes: string[]): ValidationIssue[] {
  return issues.filter((i) =>
    prefixes.some((p) => i.path === p || i.path.startsWith(`${p}.`) || p === ''),
  );
}

/** Whole numbers become numbers; anything else stays text so the engine reports it. */
export const numberOrText = (text: string): number | string | undefined =>
  text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text;
