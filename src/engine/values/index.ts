export { escapeControls } from './escape';
export {
  DEFAULT_IMAGES,
  DEFAULT_SERVER_VERSION,
  IMAGES_BY_VERSION,
  imageOf,
  imageReference,
  resolveImage,
  SERVER_VERSIONS,
  tagVersion,
} from './images';
export type { ImageComponent, ImageRef } from './images';
export { valuesJsonSchema } from './json-schema';
export { createValues, parseValues, valuesSchema } from './parse';
export type { ParseResult, ValidationIssue } from './parse';
export { issueMessage } from './parse';
export {
  INIT_CONTAINER_RESOURCES,
  PRESET_NAMES,
  RESOURCE_COMPONENTS,
  RESOURCE_PRESETS,
} from './presets';
export type { PresetName, ResourceComponent, ResourceSpec } from './presets';
export { VALUES_PRESETS } from './presets-values';
export { isReservedNamespace } from './limits';
export {
  decodeValuesBytes,
  MAX_VALUES_BYTES,
  readValuesSource,
  readValuesYaml,
} from './read-source';
export type { SourceResult } from './read-source';
export { resolveResources } from './resources';
export { baseValuesSchema } from './schema';
export type {
  AgentValues,
  ClearMLValues,
  ClearMLValuesInput,
  SecurityMode,
  ServerVersion,
} from './schema';
export {
  DEFAULT_GLUE_IMAGE,
  DEFAULT_TASK_IMAGE,
  MAX_AGENT_NAME_LENGTH,
  MAX_AGENT_PODS,
  MAX_AGENTS,
} from './agents';
export {
  AGENT_PRESET_NAMES,
  agentPreset,
  DEFAULT_GLUE_RESOURCES,
  DEFAULT_TASK_RESOURCES,
  glueImage,
  glueResources,
  taskPodResources,
} from './agent-presets';
export type { AgentInput, AgentPresetName } from './agent-presets';
