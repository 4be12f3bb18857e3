import type { PresetName } from './presets';
import type { ClearMLValuesInput } from './schema';

/** Starting points for the three sizes; pass one to `createValues` and adjust. */
export const VALUES_PRESETS: Record<PresetName, ClearMLValuesInput> = {
  small: {
    resources: { preset: 'small' },
    storage: {
      fileserver: { size: '10Gi' },
      mongodb: { size: '10Gi' },
      redis: { size: '1Gi' },
      elasticsearch: { size: '10Gi' },
    },
  },
  default: {},
  production: {
    resources: { preset: 'production' },
    components: {
      apiserver: { replicas: 2 },
      webserver: { replicas: 2 },
    },
    storage: {
      fileserver: { size: '200Gi' },
      mongodb: { size: '100Gi' },
      redis: { size: '10Gi' },
      elasticsearch: { size: '200Gi' },
    },
  },
};
