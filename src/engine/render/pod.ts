import type {
  Container,
  EnvVar,
  PodSecurityContext,
  PodSpec,
  SecurityContext,
  Volume,
} from '../k8s-types';
import { imageOf } from '../values/images';
import { INIT_CONTAINER_RESOURCES } from '../values/presets';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import type { ValuesComponent } from '../values/reserved-env';
import { placement } from './component-extras';
import type { RenderContext } from './context';
import { quotedReference } from './hocon';
import type { SecretKey } from './secrets';

export const CLEARML_IMAGE_NOTE = 'the ClearML server image has no non-root user';

/**
 * Common pod fields: own service account, no API token, no service-link env variables, and the
 * component's placement from the values (nodeSelector, tolerations, affinity).
 */
export function basePodSpec(
  ctx: RenderContext,
  serviceAccountName: string,
  component: ValuesComponent,
  parts: {
    containers: Container[];
    initContainers?: Container[];
    volumes?: Volume[];
    securityContext?: PodSecurityContext;
    terminationGracePeriodSeconds?: number;
  },
): PodSpec {
  const pullSecret = ctx.values.images.pullSecret;
  return {
    serviceAccountName,
    automountServiceAccountToken: false,
    // Service links would inject e.g. CLEARML_REDIS_SERVICE_HOST for another instance's Service.
    enableServiceLinks: false,
    ...(parts.securityContext ? { securityContext: parts.securityContext } : {}),
    ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}),
    ...(parts.initContainers?.length ? { initContainers: parts.initContainers } : {}),
    containers: parts.containers,
    ...(parts.volumes?.length ? { volumes: parts.volumes } : {}),
    ...(parts.terminationGracePeriodSeconds !== undefined
      ? { terminationGracePeriodSeconds: parts.terminationGracePeriodSeconds }
      : {}),
    ...placement(ctx, component),
  };
}

/**
 * The ClearML server image runs as root (no USER directive); say so explicitly so that admission
 * and the SCC plan see it.
 *
 * Capabilities, from clearml/clearml-server `docker/build/Dockerfile` (7eb5ce56) and
 * `docker/build/internal_files/entrypoint.sh` (30768bf2): every file the processes touch belongs
 * to root, the user they run as. The API server, async delete and the file server are Python
 * processes that listen on 8008 and 8081, never change user and write only root-owned paths
 * (`/var/log/clearml`, the generated `apierrors`, and files they create themselves on the file
 * server's volume). The wait init containers only run curl and a Python socket connect. None of
 * them needs any capability, so they drop ALL (anyuid requires only MKNOD to be dropped, and
 * admission adds it to the list).
 */
export const SERVER_POD_SECURITY: PodSecurityContext = { runAsUser: 0 };
export const SERVER_CONTAINER_SECURITY: SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/**
 * The web UI's nginx master process keeps what it provably uses: it binds port 80
 * (`clearml.conf.template`: `listen 80`), NET_BIND_SERVICE; it switches its workers to the
 * `www-data` user of Debian's nginx.conf, SETUID and SETGID; it gives its temp directories under
 * `/var/lib/nginx` to that user, CHOWN; and it signals those workers, which then run under another
 * UID, KILL. Everything else a container runtime grants by default is dropped. A container under
 * anyuid may not add capabilities back, so the needed ones are kept by not dropping them.
 */
export const WEBSERVER_CONTAINER_SECURITY: SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: {
    drop: [
      'AUDIT_WRITE',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'MKNOD',
      'NET_RAW',
      'SETFCAP',
      'SETPCAP',
      'SYS_CHROOT',
    ],
  },
};
export const SERVER_POD_ANNOTATIONS = { [SECURITY_NOTE_ANNOTATION]: CLEARML_IMAGE_NOTE };

/** Data stores under restricted-v2: no fixed IDs (the namespace assigns them), nothing extra. */
export const RESTRICTED_POD_SECURITY: PodSecurityContext = {
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};
export const RESTRICTED_CONTAINER_SECURITY: SecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
};

export function secretEnv(ctx: RenderContext, name: string, key: SecretKey): EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: ctx.credentialsSecret, key } } };
}

/** Name of the plain variable that carries a Secret value into a `CLEARML__*` HOCON value. */
export const secretVariableName = (key: SecretKey): string => `SECRET_${key.toUpperCase()}`;

/**
 * A `CLEARML__*` setting whose string comes from the credentials Secret. The server parses the
 * variable as HOCON (see hocon.ts), so the Secret value is passed through a plain variable and
 * quoted by Kubernetes' `$(NAME)` expansion: `+`, `=` and `//` in a secret then stay intact.
 */
export function secretHoconEnv(ctx: RenderContext, name: string, key: SecretKey): EnvVar[] {
  return [
    secretEnv(ctx, secretVariableName(key), key),
    { name, value: quotedReference(secretVariableName(key)) },
  ];
}

export function serverImage(
  ctx: RenderContext,
  which: 'apiserver' | 'fileserver' | 'webserver',
): string {
  return imageOf(ctx.values, which);
}

/** Shell helpers for the wait-for-dependency init containers (curl and python3 are in the image). */
const WAIT_FUNCTIONS = [
  'wait_http() { until curl -sf -o /dev/null --max-time 5 "$1"; do echo "waiting for $1"; sleep 5; done; }',
  'wait_tcp() { until python3 -c "import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 5)" "$1" "$2" 2>/dev/null; do echo "waiting for $1:$2"; sleep 5; done; }',
];

export interface WaitTarget {
  http?: string;
  tcp?: { host: string; port: number };
}

/** An init container that blocks until every target answers: the chart's start ordering. */
export function waitInitContainer(
  ctx: RenderContext,
  name: string,
  image: string,
  targets: WaitTarget[],
): Container {
  const steps = targets.map((t) =>
    t.http ? `wait_http ${t.http}` : `wait_tcp ${t.tcp?.host} ${t.tcp?.port}`,
  );
  return {
    name,
    image,
    imagePullPolicy: ctx.values.images.pullPolicy,
    command: ['/bin/sh', '-c', [...WAIT_FUNCTIONS, ...steps].join('\n')],
    resources: INIT_CONTAINER_RESOURCES,
    securityContext: SERVER_CONTAINER_SECURITY,
  };
}
