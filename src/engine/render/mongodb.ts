import type { K8sObject, PodSecurityContext, SecurityContext } from '../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { PORTS } from './endpoints';
import { basePodSpec, RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from './pod';
import { execProbe, tcpProbe } from './probes';
import { deployment, persistentVolumeClaim, service, storageClassOf } from './workload';

/** Upstream Bitnami contexts (fixed UID/fsGroup 1001). Seccomp is left out: anyuid forbids it. */
const CHART_POD: PodSecurityContext = { fsGroup: 1001 };
const CHART_CONTAINER: SecurityContext = {
  runAsUser: 1001,
  runAsGroup: 0,
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** Standalone MongoDB (Bitnami image): Deployment, data PVC and Service. */
export function renderMongodb(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const chart = v.security.mode === 'chart-compatible';
  const img = v.images.mongodb;
  const pod = basePodSpec(ctx, ctx.name('mongodb'), {
    securityContext: chart ? CHART_POD : RESTRICTED_POD_SECURITY,
    containers: [
      {
        name: 'mongodb',
        image: `${img.registry}/${img.repository}:${img.tag}`,
        imagePullPolicy: v.images.pullPolicy,
        ports: [{ name: 'mongodb', containerPort: PORTS.mongodb, protocol: 'TCP' }],
        env: [
          { name: 'BITNAMI_DEBUG', value: 'false' },
          { name: 'ALLOW_EMPTY_PASSWORD', value: 'yes' },
          { name: 'MONGODB_SYSTEM_LOG_VERBOSITY', value: '0' },
          { name: 'MONGODB_DISABLE_SYSTEM_LOG', value: 'no' },
          { name: 'MONGODB_DISABLE_JAVASCRIPT', value: 'no' },
          { name: 'MONGODB_ENABLE_JOURNAL', value: 'yes' },
          { name: 'MONGODB_PORT_NUMBER', value: String(PORTS.mongodb) },
          { name: 'MONGODB_ENABLE_IPV6', value: 'no' },
          { name: 'MONGODB_ENABLE_DIRECTORY_PER_DB', value: 'no' },
        ],
        resources: resolveResources(v, 'mongodb'),
        livenessProbe: tcpProbe('mongodb', {
          initialDelaySeconds: 30,
          periodSeconds: 20,
          timeoutSeconds: 10,
          failureThreshold: 6,
        }),
        readinessProbe: execProbe(['mongosh', '--quiet', '--eval', "db.adminCommand('ping')"], {
          initialDelaySeconds: 5,
          periodSeconds: 10,
          timeoutSeconds: 5,
          failureThreshold: 6,
        }),
        volumeMounts: [{ name: 'datadir', mountPath: '/bitnami/mongodb' }],
        securityContext: chart ? CHART_CONTAINER : RESTRICTED_CONTAINER_SECURITY,
      },
    ],
    volumes: [{ name: 'datadir', persistentVolumeClaim: { claimName: ctx.name('mongodbData') } }],
  });
  return [
    persistentVolumeClaim(ctx, 'mongodbData', 'mongodb', {
      size: v.storage.mongodb.size,
      storageClass: storageClassOf(ctx, v.storage.mongodb.storageClass),
    }),
    deployment(ctx, 'mongodb', 'mongodb', {
      replicas: 1,
      pod,
      recreate: true,
      ...(chart
        ? {
            podAnnotations: {
              [SECURITY_NOTE_ANNOTATION]: 'the upstream chart fixes UID and fsGroup 1001',
            },
          }
        : {}),
    }),
    service(ctx, 'mongodb', 'mongodb', [
      { name: 'mongodb', port: PORTS.mongodb, targetPort: 'mongodb' },
    ]),
  ];
}
