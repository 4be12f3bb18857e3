import type { K8sObject } from '../k8s-types';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import {
  ASYNC_DELETE_PREFIXES_ENV,
  DEFAULT_COMPANY_ID,
  dataStoreWaitTargets,
  elasticEnv,
  fileserverUrl,
  filesUrlPrefixes,
  mongoEnv,
  redisEnv,
} from './endpoints';
import {
  basePodSpec,
  secretHoconEnv,
  SERVER_CONTAINER_SECURITY,
  SERVER_POD_ANNOTATIONS,
  SERVER_POD_SECURITY,
  serverImage,
  waitInitContainer,
} from './pod';
import { hoconString, hoconValue } from './hocon';
import { extraEnvVars } from './component-extras';
import { serverConfigFiles } from './config-files';
import { SECRET_KEYS } from './secrets';
import { deployment } from './workload';

/**
 * The async delete worker (removes files of deleted tasks). Runs with the API server's image and
 * service account; it has no port, hence no probes, as in the chart.
 */
export function renderAsyncDelete(ctx: RenderContext): K8sObject[] {
  const image = serverImage(ctx, 'apiserver');
  const targets = dataStoreWaitTargets(ctx);
  // The API server's extra config files too: the job reads the API server's configuration
  // (upstream compose mounts /opt/clearml/config into async_delete, docker/docker-compose.yml).
  const config = serverConfigFiles(ctx);
  const pod = basePodSpec(ctx, ctx.name('apiserver'), 'asyncDelete', {
    securityContext: SERVER_POD_SECURITY,
    initContainers: targets.length
      ? [waitInitContainer(ctx, 'init-async-delete', image, targets)]
      : [],
    containers: [
      {
        name: 'clearml-async-delete',
        image,
        imagePullPolicy: ctx.values.images.pullPolicy,
        command: [
          'python3',
          '-m',
          'jobs.async_urls_delete',
          '--fileserver-host',
          fileserverUrl(ctx),
        ],
        env: [
          ...redisEnv(ctx),
          ...mongoEnv(ctx),
          ...elasticEnv(ctx),
          ...secretHoconEnv(
            ctx,
            'CLEARML__secure__auth__token_secret',
            SECRET_KEYS.authTokenSecret,
          ),
          {
            name: 'CLEARML__apiserver__default_company_name',
            value: hoconString(DEFAULT_COMPANY_ID),
          },
          {
            name: 'CLEARML__logging__handlers__text_file__filename',
            value: hoconString('/dev/null'),
          },
          { name: 'PYTHONPATH', value: '/opt/clearml/apiserver' },
          { name: 'CLEARML__apiserver__default_company', value: hoconString(DEFAULT_COMPANY_ID) },
          { name: ASYNC_DELETE_PREFIXES_ENV, value: hoconValue(filesUrlPrefixes(ctx)) },
          ...extraEnvVars(ctx, 'asyncDelete'),
        ],
        resources: resolveResources(ctx.values, 'asyncDelete'),
        ...(config ? { volumeMounts: config.mounts } : {}),
        securityContext: SERVER_CONTAINER_SECURITY,
      },
    ],
    volumes: config ? [config.volume] : [],
  });
  return [
    deployment(ctx, 'asyncDelete', 'async-delete', {
      replicas: 1,
      pod,
      podAnnotations: { ...SERVER_POD_ANNOTATIONS, ...config?.annotations },
    }),
  ];
}
