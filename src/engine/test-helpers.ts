import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Deployment, K8sObject, StatefulSet } from './k8s-types';
import { createValues, parseValues, type ClearMLValues } from './values';

/** Values of one of the files under examples/. */
export function exampleValues(
  name: 'minimal' | 'production' | 'agents' | 'adopt-chart',
): ClearMLValues {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', `${name}.yaml`), 'utf8');
  const result = parseValues(parse(text));
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.values;
}

export const defaultValues = (): ClearMLValues => createValues();

export function find<T extends K8sObject>(objects: K8sObject[], kind: string, name: string): T {
  const obj = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!obj) {
    throw new Error(
      `${kind}/${name} not rendered; have ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`,
    );
  }
  return obj as T;
}

export const deploymentOf = (objects: K8sObject[], name: string) =>
  find<Deployment>(objects, 'Deployment', name);
export const statefulSetOf = (objects: K8sObject[], name: string) =>
  find<StatefulSet>(objects, 'StatefulSet', name);

/** The env of a workload's first container as a name → value map (secret refs as `secret:<key>`). */
export function envOf(workload: Deployment | StatefulSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of workload.spec.template.spec.containers[0].env ?? []) {
    out[e.name] =
      e.value ??
      (e.valueFrom?.secretKeyRef
        ? `secret:${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`
        : `field:${e.valueFrom?.fieldRef?.fieldPath}`);
  }
  return out;
}

/**
 * What a `CLEARML__*` variable holds after Kubernetes expands `"$(NAME)"`: for a reference to a
 * Secret-backed variable, `"secret:<secret>/<key>"` (quoted, as the server's HOCON parser sees it).
 */
export function expandedEnv(env: Record<string, string>, name: string): string | undefined {
  return env[name]?.replace(/\$\(([A-Z0-9_]+)\)/g, (ref, inner: string) => env[inner] ?? ref);
}
