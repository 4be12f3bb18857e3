/**
 * What an upgrade writes, object by object: objects added, objects changed with the fields that
 * change, and objects of the instance that the new plan no longer has. Secret values are never
 * shown: a changed key of a Secret is named, its values are masked.
 */
import type { K8sObject } from '../../engine';
import { comparable } from './compare';

export const MASK = '••••••';

export interface FieldChange {
  /** Dotted path, list items by index, e.g. `spec.replicas` or `spec.template.spec.containers.0.image`. */
  path: string;
  before?: string;
  after?: string;
}

export interface ObjectChange {
  key: string;
  kind: string;
  name: string;
  fields: FieldChange[];
}

export interface ObjectDiff {
  added: { key: string; kind: string; name: string }[];
  changed: ObjectChange[];
  removed: { key: string; kind: string; name: string }[];
}

const keyOf = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
const ref = (o: K8sObject) => ({ key: keyOf(o), kind: o.kind, name: o.metadata.name });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const show = (v: unknown): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

function fieldChanges(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of [...keys].sort()) {
      fieldChanges(
        (before as Record<string, unknown>)[k],
        (after as Record<string, unknown>)[k],
        path ? `${path}.${k}` : k,
        out,
      );
    }
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  out.push({ path, before: show(before), after: show(after) });
}

const SECRET_FIELDS = /^(data|stringData)(\.|$)/;

function changesOf(live: K8sObject, planned: K8sObject): FieldChange[] {
  const out: FieldChange[] = [];
  fieldChanges(comparable(live), comparable(planned), '', out);
  if (planned.kind !== 'Secret') return out;
  return out.map((c) =>
    SECRET_FIELDS.test(c.path)
      ? {
          path: c.path,
          ...(c.before !== undefined ? { before: MASK } : {}),
          ...(c.after !== undefined ? { after: MASK } : {}),
        }
      : c,
  );
}

/**
 * `planned`: the objects as the server would store them (dry-run results) or as rendered;
 * `live`: their live counterparts keyed `Kind/name`; `instanceObjects`: every live object of the
 * instance, to find those the plan no longer has.
 */
export function objectDiff(
  planned: K8sObject[],
  live: Map<string, K8sObject>,
  instanceObjects: K8sObject[] = [],
): ObjectDiff {
  const diff: ObjectDiff = { added: [], changed: [], removed: [] };
  for (const o of planned) {
    const before = live.get(keyOf(o));
    if (!before) {
      diff.added.push(ref(o));
      continue;
    }
    const fields = changesOf(before, o);
    if (fields.length) diff.changed.push({ ...ref(o), fields });
  }
  const plannedKeys = new Set(planned.map(keyOf));
  for (const o of instanceObjects) if (!plannedKeys.has(keyOf(o))) diff.removed.push(ref(o));
  return diff;
}
