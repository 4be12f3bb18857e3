/**
 * Configuration files from the values: the API server's extra `*.conf` files and the web UI's
 * `configuration.json`, each in a ConfigMap of the instance.
 */
import type { ConfigMap, StringMap, Volume, VolumeMount } from '../k8s-types';
import { meta, type RenderContext } from './context';
import { CONFIG_DIGEST_ANNOTATION, configDigest } from './component-extras';

/**
 * Where the servers read extra config files: `/opt/clearml/config` is in `EXTRA_CONFIG_PATHS`
 * (clearml-server v2.3.0 and v2.0.0 apiserver/config/basic.py:22, used unless CLEARML_CONFIG_DIR
 * is set, basic.py:111-127); every `*.conf` under it is read with `rglob`, keyed by its path
 * (basic.py:184-207, `services.conf` → `services.*`), and `CLEARML__*` variables are merged last
 * (basic.py:131-149), so the settings the plugin passes as variables win over the files. The image
 * leaves the directory empty (docker/build/internal_files/final_image_preparation.sh:14 at v2.3.0) and the
 * renderer mounts nothing else there, so no file is hidden.
 *
 * Each file is mounted with `subPath`: a whole ConfigMap volume also holds the kubelet's
 * `..<timestamp>/` directory, which `rglob('*.conf')` would read a second time under a key made
 * from that directory's name.
 */
export const SERVER_CONFIG_DIR = '/opt/clearml/config';
const SERVER_CONFIG_VOLUME = 'extra-config';

/**
 * Where the webserver image reads `configuration.json`: its entrypoint copies
 * `/mnt/external_files/configs/configuration.json` if present, then applies the `WEBSERVER__*`
 * variables on top and writes `/usr/share/nginx/html/configuration.json` (clearml-server v2.3.0
 * and v2.0.0 docker/build/internal_files/entrypoint.sh:49-63; the chart mounts its webserver
 * ConfigMap there too, clearml-helm-charts clearml-7.14.4 templates/webserver-deployment.yaml:94-96).
 */
export const WEB_CONFIG_DIR = '/mnt/external_files/configs';
export const WEB_CONFIG_FILE = 'configuration.json';
const WEB_CONFIG_VOLUME = 'web-config';

function configMap(
  ctx: RenderContext,
  key: 'apiserverConfig' | 'webserverConfig',
  data: StringMap,
): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(ctx, key, key === 'apiserverConfig' ? 'apiserver' : 'webserver'),
    data,
  };
}

/** What a pod needs to read a config ConfigMap: the object, volume, mounts and a digest annotation. */
export interface ConfigFiles {
  configMap: ConfigMap;
  volume: Volume;
  mounts: VolumeMount[];
  annotations: StringMap;
}

/** The API server's extra config files, if the values give any. */
export function serverConfigFiles(ctx: RenderContext): ConfigFiles | undefined {
  const files = ctx.values.components.apiserver.extraConfig ?? {};
  const names = Object.keys(files).sort();
  if (!names.length) return undefined;
  return {
    configMap: configMap(ctx, 'apiserverConfig', files),
    volume: { name: SERVER_CONFIG_VOLUME, configMap: { name: ctx.name('apiserverConfig') } },
    mounts: names.map((file) => ({
      name: SERVER_CONFIG_VOLUME,
      mountPath: `${SERVER_CONFIG_DIR}/${file}`,
      subPath: file,
      readOnly: true,
    })),
    annotations: { [CONFIG_DIGEST_ANNOTATION]: configDigest(files) },
  };
}

/** The web UI's configuration.json, if the values give one. */
export function webConfigFiles(ctx: RenderContext): ConfigFiles | undefined {
  const config = ctx.values.components.webserver.configuration ?? {};
  if (!Object.keys(config).length) return undefined;
  const data = { [WEB_CONFIG_FILE]: `${JSON.stringify(config, null, 2)}\n` };
  return {
    configMap: configMap(ctx, 'webserverConfig', data),
    volume: {
      name: WEB_CONFIG_VOLUME,
      configMap: {
        name: ctx.name('webserverConfig'),
        items: [{ key: WEB_CONFIG_FILE, path: WEB_CONFIG_FILE }],
      },
    },
    mounts: [{ name: WEB_CONFIG_VOLUME, mountPath: WEB_CONFIG_DIR, readOnly: true }],
    // The entrypoint copies the file once at start: a change must roll the pods.
    annotations: { [CONFIG_DIGEST_ANNOTATION]: configDigest(data) },
  };
}
