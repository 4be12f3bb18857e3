/** Public API of the ClearML workload engine: values, rendering, SCC planning and YAML export. */
export {
  COMPONENTS,
  COMPONENT_LABEL,
  componentInfo,
  componentOf,
  INSTANCE_LABEL,
} from './components';
export type { ComponentId, ComponentInfo } from './components';
export * from './k8s-types';
export {
  generatedRouteLabelLength,
  MAX_INSTANCE_NAME_LENGTH,
  objectName,
  OBJECT_SUFFIXES,
} from './names';
export type { ObjectKey } from './names';
export { parseQuantity } from './quantity';
export * from './render';
export * from './scc';
export * from './values';
export { exportObjects, SECRET_MASK, toYaml } from './yaml';
export type { YamlOptions } from './yaml';
