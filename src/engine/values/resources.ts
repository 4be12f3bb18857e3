import { RESOURCE_PRESETS, type ResourceComponent, type ResourceSpec } from './presets';
import type { ClearMLValues } from './schema';

/** Requests and limits of one component: the preset, with the user's overrides on top. */
export function resolveResources(
  values: ClearMLValues,
  component: ResourceComponent,
): ResourceSpec {
  const preset = RESOURCE_PRESETS[values.resources.preset][component];
  const override = values.resources[component];
  return {
    requests: { ...preset.requests, ...stripUndefined(override?.requests) },
    limits: { ...preset.limits, ...stripUndefined(override?.limits) },
  };
}

function stripUndefined<T extends object>(obj: T | undefined): Partial<T> {
  if (!obj) {
    return {};
  }
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}
