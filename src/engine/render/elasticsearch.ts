import type { Container, EnvVar, K8sObject, PodDisruptionBudget } from '../k8s-types';
import { halfAsJavaHeap } from '../quantity';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import { imageOf, resolveImage, tagVersion } from '../values/images';
import { resolveResources } from '../values/resources';
import { meta, selectorLabels, type RenderContext } from './context';
import { PORTS } from './endpoints';
import { basePodSpec, RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from './pod';
import { extraEnvVars } from './component-extras';
import { execProbe, STARTUP, tcpProbe } from './probes';
import { dataVolume, ownerSecurity } from './data-volume';
import { service, statefulSet, storageClassOf } from './workload';

/** The chart's extra settings (single-node friendly watermarks, no security plugin). */
const EXTRA_ENV: EnvVar[] = [
  { name: 'bootstrap.memory_lock', value: 'false' },
  { name: 'cluster.routing.allocation.node_initial_primaries_recoveries', value: '500' },
  { name: 'cluster.routing.allocation.disk.watermark.low', value: '500mb' },
  { name: 'cluster.routing.allocation.disk.watermark.high', value: '500mb' },
  { name: 'cluster.routing.allocation.disk.watermark.flood_stage', value: '500mb' },
  { name: 'http.compression_level', value: '7' },
  { name: 'reindex.remote.whitelist', value: '*.*' },
  { name: 'xpack.security.enabled', value: 'false' },
];
/** Only for Elasticsearch 7 (the chart's value); upstream's compose for ES 8 leaves it out. */
const ES7_ONLY_ENV: EnvVar[] = [{ name: 'xpack.monitoring.enabled', value: 'false' }];

const ROLES = ['data', 'ingest', 'master', 'ml', 'remote_cluster_client'];

/** Elasticsearch major version of the image (7 when the tag does not say). */
export function elasticsearchMajor(ctx: RenderContext): number {
  return tagVersion(resolveImage(ctx.values, 'elasticsearch').tag)?.[0] ?? 7;
}

function elasticsearchEnv(ctx: RenderContext, heap: string): EnvVar[] {
  const es = ctx.values.components.elasticsearch;
  const sts = ctx.name('elasticsearch');
  const masters = Array.from({ length: es.replicas }, (_, i) => `${sts}-${i}`).join(',');
  return [
    { name: 'node.name', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'cluster.initial_master_nodes', value: masters },
    { name: 'discovery.seed_hosts', value: ctx.name('elasticsearchHeadless') },
    { name: 'cluster.name', value: 'clearml-elastic' },
    { name: 'network.host', value: '0.0.0.0' },
    { name: 'cluster.deprecation_indexing.enabled', value: 'false' },
    { name: 'ES_JAVA_OPTS', value: `-Xmx${heap} -Xms${heap}` },
    // Elasticsearch 8 removed the node.<role> settings in favour of node.roles (the Elastic
    // chart switched in elastic/helm-charts#1186); 7.17 still takes the chart's form.
    ...(elasticsearchMajor(ctx) >= 8
      ? [{ name: 'node.roles', value: ROLES.join(',') }]
      : ROLES.map((role) => ({ name: `node.${role}`, value: 'true' }))),
    ...EXTRA_ENV,
    ...(elasticsearchMajor(ctx) >= 8 ? [] : ES7_ONLY_ENV),
    // Without vm.max_map_count=262144 on the node, mmap must be off for the bootstrap checks.
    ...(es.allowMmap ? [] : [{ name: 'node.store.allow_mmap', value: 'false' }]),
  ];
}

/** Marker that the pod has been ready once; in /tmp, so a container restart clears it. */
export const ELASTICSEARCH_STARTED_MARKER = '/tmp/.es_start_file';

/**
 * Readiness as in the Elastic 7.17 chart (elastic/helm-charts v7.17.3,
 * elasticsearch/templates/statefulset.yaml:231-289): until the pod has been ready once, wait for
 * the cluster health (`wait_for_status=<health>`) and then leave a marker file; after that only
 * ask whether the local node answers `GET /` with 200. So a yellow period of a multi-node cluster
 * (restart, rollout, drain) does not take every node out of the Service.
 */
export function elasticsearchReadiness(health: 'yellow' | 'green'): string[] {
  const base = `http://127.0.0.1:${PORTS.elasticsearchHttp}`;
  const script = [
    `if [ -f ${ELASTICSEARCH_STARTED_MARKER} ]; then`,
    `  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 4 ${base}/) || exit 1`,
    '  [ "$code" = 200 ] || { echo "local node answered HTTP $code"; exit 1; }',
    'else',
    `  curl -sf -o /dev/null --max-time 4 '${base}/_cluster/health?wait_for_status=${health}&timeout=1s' || { echo 'cluster not ${health} yet'; exit 1; }`,
    `  touch ${ELASTICSEARCH_STARTED_MARKER}`,
    'fi',
  ].join('\n');
  return ['bash', '-c', script];
}

/** The upstream privileged init container; only rendered in chart-compatible mode. */
function sysctlInitContainer(image: string, pullPolicy: Container['imagePullPolicy']): Container {
  return {
    name: 'configure-sysctl',
    image,
    imagePullPolicy: pullPolicy,
    command: ['sysctl', '-w', 'vm.max_map_count=262144'],
    securityContext: { runAsUser: 0, privileged: true },
  };
}

/** Elasticsearch StatefulSet, Services and (with several nodes) a PodDisruptionBudget. */
export function renderElasticsearch(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const es = v.components.elasticsearch;
  const chart = v.security.mode === 'chart-compatible';
  const resources = resolveResources(v, 'elasticsearch');
  const heap = es.heap ?? halfAsJavaHeap(resources.limits.memory);
  const image = imageOf(v, 'elasticsearch');
  const health = es.replicas === 1 ? 'yellow' : 'green';
  // The owner of an existing claim's files decides the UID (data-volume.ts); else the mode does.
  const owner = ownerSecurity(ctx, 'elasticsearch');
  const claim = v.storage.elasticsearch.existingClaim;
  const pod = basePodSpec(ctx, ctx.name('elasticsearch'), 'elasticsearch', {
    securityContext:
      owner?.pod ?? (chart ? { fsGroup: 1000, runAsUser: 1000 } : RESTRICTED_POD_SECURITY),
    ...(claim ? { volumes: [dataVolume(ctx, 'elasticsearch', 'data', 'elasticsearch')] } : {}),
    terminationGracePeriodSeconds: 120,
    initContainers: chart ? [sysctlInitContainer(image, v.images.pullPolicy)] : [],
    containers: [
      {
        name: 'elasticsearch',
        image,
        imagePullPolicy: v.images.pullPolicy,
        ports: [
          { name: 'http', containerPort: PORTS.elasticsearchHttp, protocol: 'TCP' },
          { name: 'transport', containerPort: PORTS.elasticsearchTransport, protocol: 'TCP' },
        ],
        env: [...elasticsearchEnv(ctx, heap), ...extraEnvVars(ctx, 'elasticsearch')],
        resources,
        startupProbe: tcpProbe('http', STARTUP),
        livenessProbe: tcpProbe('transport', {
          periodSeconds: 20,
          timeoutSeconds: 5,
          failureThreshold: 6,
        }),
        readinessProbe: execProbe(elasticsearchReadiness(health), {
          initialDelaySeconds: 10,
          periodSeconds: 10,
          timeoutSeconds: 5,
          successThreshold: 3,
          failureThreshold: 3,
        }),
        volumeMounts: [{ name: 'data', mountPath: '/usr/share/elasticsearch/data' }],
        securityContext:
          owner?.container ??
          (chart
            ? { runAsUser: 1000, runAsNonRoot: true, capabilities: { drop: ['ALL'] } }
            : RESTRICTED_CONTAINER_SECURITY),
      },
    ],
  });
  const objects: K8sObject[] = [
    statefulSet(ctx, 'elasticsearch', 'elasticsearch', {
      replicas: es.replicas,
      serviceName: ctx.name('elasticsearchHeadless'),
      pod,
      volume: claim
        ? undefined
        : {
            size: v.storage.elasticsearch.size,
            storageClass: storageClassOf(ctx, v.storage.elasticsearch.storageClass),
          },
      ...(chart
        ? {
            podAnnotations: {
              [SECURITY_NOTE_ANNOTATION]: 'the upstream chart sets vm.max_map_count from the pod',
            },
          }
        : owner
          ? { podAnnotations: owner.annotations }
          : {}),
    }),
    service(ctx, 'elasticsearch', 'elasticsearch', [
      { name: 'http', port: PORTS.elasticsearchHttp, targetPort: 'http' },
      { name: 'transport', port: PORTS.elasticsearchTransport, targetPort: 'transport' },
    ]),
    service(
      ctx,
      'elasticsearchHeadless',
      'elasticsearch',
      [
        { name: 'http', port: PORTS.elasticsearchHttp, targetPort: 'http' },
        { name: 'transport', port: PORTS.elasticsearchTransport, targetPort: 'transport' },
      ],
      true,
    ),
  ];
  if (es.replicas > 1) {
    const pdb: PodDisruptionBudget = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(ctx, 'elasticsearchPdb', 'elasticsearch'),
      spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(ctx, 'elasticsearch') } },
    };
    objects.push(pdb);
  }
  return objects;
}
