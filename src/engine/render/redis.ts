import type { K8sObject } from '../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import { imageOf } from '../values/images';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { PORTS } from './endpoints';
import { basePodSpec, RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from './pod';
import { extraEnvVars } from './component-extras';
import { execProbe } from './probes';
import { SECRET_KEYS } from './secrets';
import { dataVolume, ownerSecurity } from './data-volume';
import { service, statefulSet, storageClassOf } from './workload';

/** redis-cli takes the password from REDISCLI_AUTH, so it never appears in a command line. */
const PING = [
  'sh',
  '-c',
  `REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p ${PORTS.redis} ping | grep -q PONG`,
];

export const REDIS_DATA_PATH = '/data';

/**
 * The server's settings, as the chart's redis.conf had them: append-only file, no RDB snapshots,
 * FLUSHDB/FLUSHALL disabled, data in /data. The password is written to a file under /tmp first so
 * that it is not part of any command line.
 */
export const REDIS_ARGS = [
  '--port',
  String(PORTS.redis),
  '--dir',
  REDIS_DATA_PATH,
  '--appendonly',
  'yes',
  '--save',
  '',
  '--rename-command',
  'FLUSHDB',
  '',
  '--rename-command',
  'FLUSHALL',
  '',
];
export const REDIS_COMMAND = [
  '/bin/sh',
  '-c',
  'umask 077 && printf \'requirepass "%s"\\n\' "$REDIS_PASSWORD" > /tmp/redis-auth.conf && exec redis-server /tmp/redis-auth.conf "$@"',
  'redis-server',
];

/**
 * Standalone Redis from the official image (docker-library/redis): StatefulSet with a data volume,
 * Service and headless Service. The image's entrypoint only chowns and drops to UID 999 when
 * started as root; `redis-server` runs directly under restricted-v2's arbitrary UID, writing to
 * the volume (group-writable through the project's fsGroup) and /tmp.
 */
export function renderRedis(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const chart = v.security.mode === 'chart-compatible';
  // The owner of an existing claim's files decides the UID (data-volume.ts); else the mode does.
  const owner = ownerSecurity(ctx, 'redis');
  const claim = v.storage.redis.existingClaim;
  const pod = basePodSpec(ctx, ctx.name('redis'), 'redis', {
    securityContext: owner?.pod ?? (chart ? { fsGroup: 1001 } : RESTRICTED_POD_SECURITY),
    ...(claim ? { volumes: [dataVolume(ctx, 'redis', 'data', 'redis')] } : {}),
    terminationGracePeriodSeconds: 30,
    containers: [
      {
        name: 'redis',
        image: imageOf(v, 'redis'),
        imagePullPolicy: v.images.pullPolicy,
        command: REDIS_COMMAND,
        args: REDIS_ARGS,
        ports: [{ name: 'tcp-redis', containerPort: PORTS.redis, protocol: 'TCP' }],
        env: [
          {
            name: 'REDIS_PASSWORD',
            valueFrom: {
              secretKeyRef: { name: ctx.credentialsSecret, key: SECRET_KEYS.redisPassword },
            },
          },
          ...extraEnvVars(ctx, 'redis'),
        ],
        resources: resolveResources(v, 'redis'),
        livenessProbe: execProbe(PING, {
          initialDelaySeconds: 20,
          periodSeconds: 5,
          timeoutSeconds: 6,
          failureThreshold: 5,
        }),
        readinessProbe: execProbe(PING, {
          initialDelaySeconds: 20,
          periodSeconds: 5,
          timeoutSeconds: 2,
          failureThreshold: 5,
        }),
        volumeMounts: [{ name: 'data', mountPath: REDIS_DATA_PATH }],
        securityContext:
          owner?.container ?? (chart ? { runAsUser: 1001 } : RESTRICTED_CONTAINER_SECURITY),
      },
    ],
  });
  return [
    statefulSet(ctx, 'redis', 'redis', {
      replicas: 1,
      serviceName: ctx.name('redisHeadless'),
      pod,
      volume: claim
        ? undefined
        : {
            size: v.storage.redis.size,
            storageClass: storageClassOf(ctx, v.storage.redis.storageClass),
          },
      ...(owner
        ? { podAnnotations: owner.annotations }
        : chart
          ? {
              podAnnotations: {
                [SECURITY_NOTE_ANNOTATION]: 'the upstream chart fixes UID and fsGroup 1001',
              },
            }
          : {}),
    }),
    service(ctx, 'redis', 'redis', [
      { name: 'tcp-redis', port: PORTS.redis, targetPort: 'tcp-redis' },
    ]),
    service(
      ctx,
      'redisHeadless',
      'redis',
      [{ name: 'tcp-redis', port: PORTS.redis, targetPort: 'tcp-redis' }],
      true,
    ),
  ];
}
