import type { EnvVar, K8sObject } from '../k8s-types';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import {
  ASYNC_DELETE_PREFIXES_ENV,
  DEFAULT_COMPANY_ID,
  dataStoreWaitTargets,
  elasticEnv,
  filesUrlPrefixes,
  mongoEnv,
  PORTS,
  redisEnv,
} from './endpoints';
import {
  basePodSpec,
  secretEnv,
  secretHoconEnv,
  SERVER_CONTAINER_SECURITY,
  SERVER_POD_ANNOTATIONS,
  SERVER_POD_SECURITY,
  serverImage,
  waitInitContainer,
} from './pod';
import { hoconString, hoconValue } from './hocon';
import { httpProbe, LIVENESS, READINESS, STARTUP } from './probes';
import { agentUsersEnv } from './agents/credentials';
import { extraEnvVars } from './component-extras';
import { serverConfigFiles } from './config-files';
import { SECRET_KEYS } from './secrets';
import { deployment, service } from './workload';

function apiserverEnv(ctx: RenderContext): EnvVar[] {
  const v = ctx.values;
  const env: EnvVar[] = [
    ...elasticEnv(ctx),
    ...mongoEnv(ctx),
    ...redisEnv(ctx),
    { name: 'CLEARML_CONFIG_PATH', value: '/opt/clearml/config' },
    { name: 'CLEARML__apiserver__default_company_name', value: hoconString(DEFAULT_COMPANY_ID) },
    {
      name: 'CLEARML__APISERVER__AUTH__SESSION_AUTH_COOKIE_NAME',
      value: hoconString(v.server.cookieName),
    },
  ];
  if (v.server.cookieDomain) {
    env.push({
      name: 'CLEARML__APISERVER__AUTH__COOKIES__DOMAIN',
      value: hoconString(`.${v.server.cookieDomain}`),
    });
  }
  env.push(
    ...secretHoconEnv(
      ctx,
      'CLEARML__secure__credentials__apiserver__user_key',
      SECRET_KEYS.apiserverKey,
    ),
    ...secretHoconEnv(
      ctx,
      'CLEARML__secure__credentials__apiserver__user_secret',
      SECRET_KEYS.apiserverSecret,
    ),
    ...secretHoconEnv(ctx, 'CLEARML__secure__auth__token_secret', SECRET_KEYS.authTokenSecret),
    // The services agent (role admin) the server registers at start (clearml-server v2.3.0
    // apiserver/mongo/initialize/__init__.py:66-80 over `secure.credentials`; default entry in
    // apiserver/config/default/secure.conf:31-35; set as in docker/docker-compose.yml:32-33).
    ...secretHoconEnv(
      ctx,
      'CLEARML__secure__credentials__services_agent__user_key',
      SECRET_KEYS.agentServicesKey,
    ),
    ...secretHoconEnv(
      ctx,
      'CLEARML__secure__credentials__services_agent__user_secret',
      SECRET_KEYS.agentServicesSecret,
    ),
  );
  if (v.server.prepopulate) {
    env.push(
      { name: 'CLEARML__APISERVER__PRE_POPULATE__ENABLED', value: 'true' },
      {
        name: 'CLEARML__APISERVER__PRE_POPULATE__ZIP_FILES',
        value: hoconString('/opt/clearml/db-pre-populate'),
      },
    );
  }
  env.push(
    ...secretHoconEnv(
      ctx,
      'CLEARML__SECURE__CREDENTIALS__TESTS__USER_KEY',
      SECRET_KEYS.testUserKey,
    ),
    ...secretHoconEnv(
      ctx,
      'CLEARML__SECURE__CREDENTIALS__TESTS__USER_SECRET',
      SECRET_KEYS.testUserSecret,
    ),
    { name: 'CLEARML_ENV', value: 'helm-cloud' },
    ...secretHoconEnv(
      ctx,
      'CLEARML__SECURE__HTTP__SESSION_SECRET__APISERVER',
      SECRET_KEYS.sessionSecret,
    ),
    ...secretHoconEnv(
      ctx,
      'CLEARML__SECURE__CREDENTIALS__FILESERVER__USER_KEY',
      SECRET_KEYS.fileserverKey,
    ),
    ...secretHoconEnv(
      ctx,
      'CLEARML__SECURE__CREDENTIALS__FILESERVER__USER_SECRET',
      SECRET_KEYS.fileserverSecret,
    ),
  );
  if (v.components.fileserver.enabled) {
    // The API server decides which task URLs to hand to async delete from its own url_prefixes
    // (clearml-server v2.0.0 apiserver/bll/task/task_cleanup.py:146-154); upstream compose sets
    // them on the API server too (docker/docker-compose.yml:31).
    env.push({
      name: ASYNC_DELETE_PREFIXES_ENV,
      value: hoconValue(filesUrlPrefixes(ctx)),
    });
  }
  if (v.login.enabled) {
    // Fixed users replace the default "free access" login, so the webserver pair can change too.
    env.push(
      ...secretHoconEnv(
        ctx,
        'CLEARML__SECURE__CREDENTIALS__WEBSERVER__USER_KEY',
        SECRET_KEYS.webserverKey,
      ),
      ...secretHoconEnv(
        ctx,
        'CLEARML__SECURE__CREDENTIALS__WEBSERVER__USER_SECRET',
        SECRET_KEYS.webserverSecret,
      ),
      { name: 'CLEARML__APISERVER__AUTH__FIXED_USERS__ENABLED', value: 'true' },
      { name: 'CLEARML__APISERVER__AUTH__FIXED_USERS__PASS_HASHED', value: 'false' },
      // The Secret holds the user list as JSON, which is valid HOCON.
      secretEnv(ctx, 'CLEARML__APISERVER__AUTH__FIXED_USERS__USERS', SECRET_KEYS.fixedUsers),
    );
  }
  return [...env, ...agentUsersEnv(ctx), ...extraEnvVars(ctx, 'apiserver')];
}

/** The API server Deployment and its Service. */
export function renderApiserver(ctx: RenderContext): K8sObject[] {
  const image = serverImage(ctx, 'apiserver');
  const targets = dataStoreWaitTargets(ctx);
  const config = serverConfigFiles(ctx);
  const pod = basePodSpec(ctx, ctx.name('apiserver'), 'apiserver', {
    securityContext: SERVER_POD_SECURITY,
    initContainers: targets.length
      ? [waitInitContainer(ctx, 'init-apiserver', image, targets)]
      : [],
    containers: [
      {
        name: 'clearml-apiserver',
        image,
        imagePullPolicy: ctx.values.images.pullPolicy,
        args: ['apiserver'],
        ports: [{ name: 'http', containerPort: PORTS.apiserver, protocol: 'TCP' }],
        env: apiserverEnv(ctx),
        resources: resolveResources(ctx.values, 'apiserver'),
        startupProbe: httpProbe('/debug.ping', 'http', STARTUP),
        livenessProbe: httpProbe('/debug.ping', 'http', LIVENESS),
        readinessProbe: httpProbe('/debug.ping', 'http', READINESS),
        ...(config ? { volumeMounts: config.mounts } : {}),
        securityContext: SERVER_CONTAINER_SECURITY,
      },
    ],
    volumes: config ? [config.volume] : [],
  });
  return [
    ...(config ? [config.configMap] : []),
    deployment(ctx, 'apiserver', 'apiserver', {
      replicas: ctx.values.components.apiserver.replicas,
      pod,
      podAnnotations: { ...SERVER_POD_ANNOTATIONS, ...config?.annotations },
    }),
    service(ctx, 'apiserver', 'apiserver', [
      { name: 'http', port: PORTS.apiserver, targetPort: 'http' },
    ]),
  ];
}
