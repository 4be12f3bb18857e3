import type {
  Deployment,
  PersistentVolumeClaim,
  PodSpec,
  Service,
  ServicePort,
  StatefulSet,
  StringMap,
} from '../k8s-types';
import type { ObjectKey } from '../names';
import { labels, meta, selectorLabels, type LabelComponent, type RenderContext } from './context';

export function deployment(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  spec: {
    replicas: number;
    pod: PodSpec;
    podAnnotations?: StringMap;
    recreate?: boolean;
  },
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(ctx, key, component),
    spec: {
      replicas: spec.replicas,
      selector: { matchLabels: selectorLabels(ctx, component) },
      ...(spec.recreate ? { strategy: { type: 'Recreate' as const } } : {}),
      template: {
        metadata: {
          labels: labels(ctx, component),
          ...(spec.podAnnotations ? { annotations: spec.podAnnotations } : {}),
        },
        spec: spec.pod,
      },
    },
  };
}

export function statefulSet(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  spec: {
    replicas: number;
    serviceName: string;
    pod: PodSpec;
    podAnnotations?: StringMap;
    /** The claim template of each pod's `data` volume; none when the pod mounts an existing claim. */
    volume?: { size: string; storageClass?: string };
  },
): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(ctx, key, component),
    spec: {
      replicas: spec.replicas,
      serviceName: spec.serviceName,
      selector: { matchLabels: selectorLabels(ctx, component) },
      podManagementPolicy: 'Parallel',
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: {
          labels: labels(ctx, component),
          ...(spec.podAnnotations ? { annotations: spec.podAnnotations } : {}),
        },
        spec: spec.pod,
      },
      ...(spec.volume
        ? {
            volumeClaimTemplates: [
              {
                metadata: { name: 'data', labels: labels(ctx, component) },
                spec: pvcSpec('ReadWriteOnce', spec.volume.size, spec.volume.storageClass),
              },
            ],
          }
        : {}),
    },
  };
}

function pvcSpec(accessMode: string, size: string, storageClass: string | undefined) {
  return {
    accessModes: [accessMode],
    resources: { requests: { storage: size } },
    ...(storageClass ? { storageClassName: storageClass } : {}),
  };
}

export function persistentVolumeClaim(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  volume: { size: string; storageClass?: string; accessMode?: string },
): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(ctx, key, component),
    spec: pvcSpec(
      volume.accessMode ?? 'ReadWriteOnce',
      volume.size,
      volume.storageClass ?? ctx.values.storage.storageClass,
    ),
  };
}

export function service(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  ports: ServicePort[],
  headless = false,
): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(ctx, key, component),
    spec: {
      type: 'ClusterIP',
      ...(headless ? { clusterIP: 'None' as const, publishNotReadyAddresses: true } : {}),
      selector: selectorLabels(ctx, component),
      ports: ports.map((p) => ({ protocol: 'TCP' as const, ...p })),
    },
  };
}

export const storageClassOf = (ctx: RenderContext, own: string | undefined): string | undefined =>
  own ?? ctx.values.storage.storageClass;
