import type { K8sObject } from '../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { PORTS } from './endpoints';
import { basePodSpec, RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from './pod';
import { execProbe } from './probes';
import { service, statefulSet, storageClassOf } from './workload';

const PING = ['sh', '-c', `redis-cli -h 127.0.0.1 -p ${PORTS.redis} ping | grep -q PONG`];

/** Standalone Redis (Bitnami image): StatefulSet with a data volume, Service and headless Service. */
export function renderRedis(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const chart = v.security.mode === 'chart-compatible';
  const img = v.images.redis;
  const pod = basePodSpec(ctx, ctx.name('redis'), {
    securityContext: chart ? { fsGroup: 1001 } : RESTRICTED_POD_SECURITY,
    terminationGracePeriodSeconds: 30,
    containers: [
      {
        name: 'redis',
        image: `${img.registry}/${img.repository}:${img.tag}`,
        imagePullPolicy: v.images.pullPolicy,
        ports: [{ name: 'tcp-redis', containerPort: PORTS.redis, protocol: 'TCP' }],
        env: [
          { name: 'BITNAMI_DEBUG', value: 'false' },
          { name: 'REDIS_REPLICATION_MODE', value: 'master' },
          { name: 'ALLOW_EMPTY_PASSWORD', value: 'yes' },
          { name: 'REDIS_TLS_ENABLED', value: 'no' },
          { name: 'REDIS_PORT', value: String(PORTS.redis) },
          // The chart's redis.conf: append-only file, no RDB snapshots, FLUSH* disabled, data in /data.
          { name: 'REDIS_AOF_ENABLED', value: 'yes' },
          { name: 'REDIS_RDB_POLICY_DISABLED', value: 'yes' },
          { name: 'REDIS_DISABLE_COMMANDS', value: 'FLUSHDB,FLUSHALL' },
          { name: 'REDIS_EXTRA_FLAGS', value: '--dir /data' },
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
        volumeMounts: [{ name: 'data', mountPath: '/data' }],
        securityContext: chart ? { runAsUser: 1001 } : RESTRICTED_CONTAINER_SECURITY,
      },
    ],
  });
  return [
    statefulSet(ctx, 'redis', 'redis', {
      replicas: 1,
      serviceName: ctx.name('redisHeadless'),
      pod,
      volumeSize: v.storage.redis.size,
      storageClass: storageClassOf(ctx, v.storage.redis.storageClass),
      ...(chart
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
