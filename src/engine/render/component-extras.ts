/**
 * What the values add to a component's pod besides its own wiring: scheduling (nodeSelector,
 * tolerations, affinity) and extra environment variables of the main container.
 */
import type { EnvVar, PodSpec } from '../k8s-types';
import { configPath, type ValuesComponent } from '../values/reserved-env';
import type { RenderContext } from './context';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Kubernetes expands `$(NAME)` in env values and turns `$$` into `$`; doubling every `$` makes
 * the process see exactly what the values say.
 */
export const literalEnvValue = (text: string): string => text.replace(/\$/g, '$$$$');

/**
 * One extra variable as the process should see it. Configuration names are parsed by the
 * server: `CLEARML__*` as HOCON (apiserver/config/basic.py:93-109), `WEBSERVER__*` as JSON
 * (docker/build/internal_files/update_from_env.py `parse_value`); JSON text is valid for both,
 * so text is quoted and other values keep their type. Plain names get the text as it is.
 */
export function extraEnvValue(component: ValuesComponent, name: string, value: Json): string {
  if (configPath(component, name) !== undefined) {
    return JSON.stringify(value);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The values' `extraEnv` of a component, after the renderer's own variables. */
export function extraEnvVars(ctx: RenderContext, component: ValuesComponent): EnvVar[] {
  const entries = ctx.values.components[component].extraEnv ?? [];
  return entries.map((e) => ({
    name: e.name,
    value: literalEnvValue(extraEnvValue(component, e.name, e.value as Json)),
  }));
}

/** The pod spec fields that place a component's pods on nodes. */
export function placement(
  ctx: RenderContext,
  component: ValuesComponent,
): Pick<PodSpec, 'nodeSelector' | 'tolerations' | 'affinity'> {
  const c = ctx.values.components[component];
  return {
    ...(c.nodeSelector && Object.keys(c.nodeSelector).length
      ? { nodeSelector: c.nodeSelector }
      : {}),
    ...(c.tolerations?.length ? { tolerations: c.tolerations } : {}),
    ...(c.affinity && Object.keys(c.affinity).length
      ? { affinity: c.affinity as Record<string, unknown> }
      : {}),
  };
}

/**
 * A short, stable digest of a pod's mounted configuration, as a pod annotation: the files are
 * mounted with `subPath`, which the kubelet never refreshes, so a change must roll the pods.
 * FNV-1a (32 bit) is enough to notice a change; it is not a security measure.
 */
export function configDigest(data: Record<string, string>): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export const CONFIG_DIGEST_ANNOTATION = 'clearml-console-plugin/config-digest';
