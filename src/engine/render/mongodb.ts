import type { Container, K8sObject, PodSecurityContext, SecurityContext } from '../k8s-types';
import { SECURITY_NOTE_ANNOTATION } from '../scc/plan';
import { imageOf } from '../values/images';
import { resolveResources } from '../values/resources';
import type { RenderContext } from './context';
import { MONGODB_USER, PORTS } from './endpoints';
import { basePodSpec, RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from './pod';
import { extraEnvVars } from './component-extras';
import { execProbe, tcpProbe } from './probes';
import { SECRET_KEYS } from './secrets';
import { dataVolume, ownClaim, ownerSecurity } from './data-volume';
import { deployment, service } from './workload';

/** The chart's fixed UID/fsGroup 1001, kept in chart-compatible mode so its volumes stay readable. */
const CHART_POD: PodSecurityContext = { fsGroup: 1001 };
const CHART_CONTAINER: SecurityContext = {
  runAsUser: 1001,
  runAsGroup: 0,
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
};

/** The volume's mount point; the database lives in `data/db` below it, as in the Bitnami layout. */
export const MONGODB_VOLUME_PATH = '/data/mongodb';
export const MONGODB_DB_PATH = `${MONGODB_VOLUME_PATH}/data/db`;

/**
 * Run once per pod start, before mongod serves: starts mongod on localhost without auth, makes
 * sure the server's user exists with the password from the Secret, raises the
 * featureCompatibilityVersion to the binary's release if it is lower (after an upgrade), then
 * shuts mongod down again.
 */
const SETUP_JS = [
  "const admin = db.getSiblingDB('admin');",
  'const pwd = process.env.MONGODB_PASSWORD;',
  "const roles = [{ role: 'root', db: 'admin' }];",
  `if (admin.getUser('${MONGODB_USER}')) admin.updateUser('${MONGODB_USER}', { pwd, roles });`,
  `else admin.createUser({ user: '${MONGODB_USER}', pwd, roles });`,
  'const fcv = admin.runCommand({ getParameter: 1, featureCompatibilityVersion: 1 })',
  '  .featureCompatibilityVersion.version;',
  "const release = db.version().split('.').slice(0, 2).join('.');",
  'if (fcv !== release) {',
  '  const cmd = { setFeatureCompatibilityVersion: release };',
  "  if (Number(release.split('.')[0]) >= 7) cmd.confirm = true;",
  '  const r = admin.runCommand(cmd);',
  "  if (!r.ok) throw new Error('setFeatureCompatibilityVersion ' + release + ': ' + r.errmsg);",
  "  print('featureCompatibilityVersion raised from ' + fcv + ' to ' + release);",
  '}',
].join('\n');

const SETUP_SCRIPT = [
  'set -e',
  `mkdir -p ${MONGODB_DB_PATH}`,
  `mongod --dbpath ${MONGODB_DB_PATH} --bind_ip 127.0.0.1 --port 27018 --fork --logpath /tmp/mongod-setup.log`,
  'mongosh --quiet --port 27018 --eval "$SETUP_JS" || { tail -n 50 /tmp/mongod-setup.log; mongod --dbpath ' +
    `${MONGODB_DB_PATH} --shutdown; exit 1; }`,
  `mongod --dbpath ${MONGODB_DB_PATH} --shutdown`,
].join('\n');

function passwordEnv(ctx: RenderContext) {
  return {
    name: 'MONGODB_PASSWORD',
    valueFrom: { secretKeyRef: { name: ctx.credentialsSecret, key: SECRET_KEYS.mongodbPassword } },
  };
}

/**
 * Standalone MongoDB from the official image (docker-library/mongo). Its entrypoint chowns the
 * data directory and drops to UID 999 only when started as root; under restricted-v2's arbitrary
 * UID (GID 0, fsGroup from the project) mongod is run directly with `--dbpath` on the volume, and
 * an init container from the same image creates the user and handles featureCompatibilityVersion.
 * The `--setParameter` is upstream's (clearml-server v2.3.0 docker/docker-compose.yml, `mongo`).
 */
export function renderMongodb(ctx: RenderContext): K8sObject[] {
  const v = ctx.values;
  const chart = v.security.mode === 'chart-compatible';
  const image = imageOf(v, 'mongodb');
  // The owner of an existing claim's files decides the UID (data-volume.ts); else the mode does.
  const owner = ownerSecurity(ctx, 'mongodb');
  const securityContext =
    owner?.container ?? (chart ? CHART_CONTAINER : RESTRICTED_CONTAINER_SECURITY);
  const volumeMounts = [{ name: 'datadir', mountPath: MONGODB_VOLUME_PATH }];
  const extra = extraEnvVars(ctx, 'mongodb');
  const setup: Container = {
    name: 'mongodb-setup',
    image,
    imagePullPolicy: v.images.pullPolicy,
    command: ['/bin/sh', '-c', SETUP_SCRIPT],
    env: [passwordEnv(ctx), { name: 'SETUP_JS', value: SETUP_JS }],
    resources: resolveResources(v, 'mongodb'),
    volumeMounts,
    securityContext,
  };
  const pod = basePodSpec(ctx, ctx.name('mongodb'), 'mongodb', {
    securityContext: owner?.pod ?? (chart ? CHART_POD : RESTRICTED_POD_SECURITY),
    initContainers: [setup],
    containers: [
      {
        name: 'mongodb',
        image,
        imagePullPolicy: v.images.pullPolicy,
        command: ['mongod'],
        ...(extra.length ? { env: extra } : {}),
        args: [
          '--dbpath',
          MONGODB_DB_PATH,
          '--port',
          String(PORTS.mongodb),
          '--bind_ip_all',
          '--auth',
          '--setParameter',
          'internalQueryMaxBlockingSortMemoryUsageBytes=196100200',
        ],
        ports: [{ name: 'mongodb', containerPort: PORTS.mongodb, protocol: 'TCP' }],
        resources: resolveResources(v, 'mongodb'),
        livenessProbe: tcpProbe('mongodb', {
          initialDelaySeconds: 30,
          periodSeconds: 20,
          timeoutSeconds: 10,
          failureThreshold: 6,
        }),
        // `ping` needs no authentication.
        readinessProbe: execProbe(['mongosh', '--quiet', '--eval', "db.adminCommand('ping')"], {
          initialDelaySeconds: 5,
          periodSeconds: 10,
          timeoutSeconds: 5,
          failureThreshold: 6,
        }),
        volumeMounts,
        securityContext,
      },
    ],
    volumes: [dataVolume(ctx, 'mongodb', 'datadir', 'mongodbData')],
  });
  return [
    ...ownClaim(ctx, 'mongodb', 'mongodbData'),
    deployment(ctx, 'mongodb', 'mongodb', {
      replicas: 1,
      pod,
      recreate: true,
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
    service(ctx, 'mongodb', 'mongodb', [
      { name: 'mongodb', port: PORTS.mongodb, targetPort: 'mongodb' },
    ]),
  ];
}
