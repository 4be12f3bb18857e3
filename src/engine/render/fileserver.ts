import type { K8sObject } from '../k8s-types';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { apiserverUrl, apiserverWaitTargets, PORTS, redisEnv } from './endpoints';
import {
  basePodSpec,
  secretHoconEnv,
  SERVER_CONTAINER_SECURITY,
  SERVER_POD_ANNOTATIONS,
  SERVER_POD_SECURITY,
  serverImage,
  waitInitContainer,
} from './pod';
import { LIVENESS, READINESS, STARTUP, tcpProbe } from './probes';
import { hoconString, hoconValue } from './hocon';
import { extraEnvVars } from './component-extras';
import { SECRET_KEYS } from './secrets';
import { dataVolume, ownClaim, ownerSecurity } from './data-volume';
import { deployment, service } from './workload';

/** Where the file server writes its log (clearml-server-reference.md §3.3). */
const LOG_PATH = '/var/log/clearml';

/**
 * The file server Deployment, its data PVC (unless it mounts an existing claim) and Service. On
 * an existing claim whose files belong to a non-root UID it runs as that UID, with an emptyDir
 * for its log, as the image's log directory belongs to root.
 */
export function renderFileserver(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const image = serverImage(ctx, 'fileserver');
  const owner = ownerSecurity(ctx, 'fileserver');
  const nonRoot = owner !== undefined && owner.pod.runAsUser !== 0;
  const pod = basePodSpec(ctx, ctx.name('fileserver'), 'fileserver', {
    securityContext: owner?.pod ?? SERVER_POD_SECURITY,
    initContainers: [waitInitContainer(ctx, 'init-fileserver', image, apiserverWaitTargets(ctx))],
    containers: [
      {
        name: 'clearml-fileserver',
        image,
        imagePullPolicy: v.images.pullPolicy,
        args: ['fileserver'],
        ports: [{ name: 'http', containerPort: PORTS.fileserver, protocol: 'TCP' }],
        env: [
          { name: 'CLEARML__HOSTS__API_SERVER', value: hoconString(apiserverUrl(ctx)) },
          ...redisEnv(ctx),
          // Accept the API server's session cookie (fileserver/auth.py:107-122 reads the token
          // from `fileserver.auth.cookie_names`), so browser downloads are authenticated.
          {
            name: 'CLEARML__FILESERVER__AUTH__COOKIE_NAMES',
            value: hoconValue([v.server.cookieName]),
          },
          // The file server authenticates to the API server with `secure.credentials.fileserver`
          // (fileserver/auth.py:46-51).
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
          ...extraEnvVars(ctx, 'fileserver'),
        ],
        resources: resolveResources(v, 'fileserver'),
        startupProbe: tcpProbe('http', STARTUP),
        livenessProbe: tcpProbe('http', LIVENESS),
        readinessProbe: tcpProbe('http', READINESS),
        volumeMounts: [
          { name: 'fileserver-data', mountPath: '/mnt/fileserver' },
          ...(nonRoot ? [{ name: 'logs', mountPath: LOG_PATH }] : []),
        ],
        securityContext: owner?.container ?? SERVER_CONTAINER_SECURITY,
      },
    ],
    volumes: [
      dataVolume(ctx, 'fileserver', 'fileserver-data', 'fileserverData'),
      ...(nonRoot ? [{ name: 'logs', emptyDir: {} }] : []),
    ],
  });
  return [
    ...ownClaim(ctx, 'fileserver', 'fileserverData'),
    deployment(ctx, 'fileserver', 'fileserver', {
      replicas: v.components.fileserver.replicas,
      pod,
      podAnnotations: owner?.annotations ?? SERVER_POD_ANNOTATIONS,
      // A ReadWriteOnce volume cannot be attached to the old and the new pod at once.
      recreate: v.storage.fileserver.accessMode === 'ReadWriteOnce',
    }),
    service(ctx, 'fileserver', 'fileserver', [
      { name: 'http', port: PORTS.fileserver, targetPort: 'http' },
    ]),
  ];
}
