/**
 * The step before MongoDB changes release series: a Job with the MongoDB image that runs now
 * connects to it and makes sure the data's featureCompatibilityVersion equals that release, which
 * the next release requires before it starts (a 7.0 binary refuses data at 5.0). Nothing else
 * is changed; the new release raises the value itself once it runs (see render/mongodb.ts).
 */
import type { ClusterClient } from '../cluster/client';
import type { K8sObject, PodSpec } from '../k8s-types';
import { PORTS } from '../render/endpoints';
import { RESTRICTED_CONTAINER_SECURITY, RESTRICTED_POD_SECURITY } from '../render/pod';
import { SECRET_KEYS } from '../render/secrets';
import type { ClearMLValues } from '../values/schema';
import { sleep } from './concurrency';
import { MANAGED_BY, MANAGED_BY_LABEL } from './ownership';

/** Authenticates when the server has our user (installs without one have no authentication). */
const FCV_JS = [
  "const admin = db.getSiblingDB('admin');",
  'const pwd = process.env.MONGODB_PASSWORD;',
  'if (pwd) {',
  "  try { admin.auth('clearml', pwd); } catch (e) { print('continuing without authentication'); }",
  '}',
  'const want = process.env.FCV;',
  'const cur = admin.runCommand({ getParameter: 1, featureCompatibilityVersion: 1 });',
  "if (!cur.ok) throw new Error('cannot read featureCompatibilityVersion: ' + cur.errmsg);",
  'const v = cur.featureCompatibilityVersion.version;',
  "print('featureCompatibilityVersion is ' + v);",
  'if (v !== want) {',
  '  const r = admin.runCommand({ setFeatureCompatibilityVersion: want });',
  "  if (!r.ok) throw new Error('setFeatureCompatibilityVersion ' + want + ': ' + r.errmsg);",
  "  print('featureCompatibilityVersion set to ' + want);",
  '}',
].join('\n');

export const mongoPrepareJobName = (instance: string) => `${instance}-mongodb-upgrade`;

export interface Job extends K8sObject {
  apiVersion: 'batch/v1';
  kind: 'Job';
  spec: {
    backoffLimit: number;
    ttlSecondsAfterFinished: number;
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
  status?: {
    succeeded?: number;
    failed?: number;
    conditions?: { type: string; status: string; message?: string }[];
  };
}

export function mongoPrepareJob(
  values: ClearMLValues,
  prepare: { image: string; series: string },
): Job {
  const labels = {
    'app.kubernetes.io/instance': values.name,
    'app.kubernetes.io/component': 'mongodb-upgrade',
    'app.kubernetes.io/part-of': 'clearml',
    [MANAGED_BY_LABEL]: MANAGED_BY,
  };
  const pullSecret = values.images.pullSecret;
  const mongo = values.components.mongodb;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: mongoPrepareJobName(values.name), namespace: values.namespace, labels },
    spec: {
      backoffLimit: 2,
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: `${values.name}-mongodb`,
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          restartPolicy: 'Never',
          securityContext: RESTRICTED_POD_SECURITY,
          ...(pullSecret ? { imagePullSecrets: [{ name: pullSecret }] } : {}),
          // Scheduled where MongoDB may run: nodes reserved by taints or labels are the same.
          ...(mongo.nodeSelector && Object.keys(mongo.nodeSelector).length
            ? { nodeSelector: mongo.nodeSelector }
            : {}),
          ...(mongo.tolerations?.length ? { tolerations: mongo.tolerations } : {}),
          containers: [
            {
              name: 'feature-compatibility-version',
              image: prepare.image,
              imagePullPolicy: values.images.pullPolicy,
              command: [
                'mongosh',
                '--quiet',
                '--host',
                `${values.name}-mongodb`,
                '--port',
                String(PORTS.mongodb),
                '--eval',
                FCV_JS,
              ],
              env: [
                { name: 'FCV', value: prepare.series },
                {
                  name: 'MONGODB_PASSWORD',
                  valueFrom: {
                    secretKeyRef: {
                      name: `${values.name}-credentials`,
                      key: SECRET_KEYS.mongodbPassword,
                      optional: true,
                    },
                  },
                },
              ],
              resources: {
                requests: { cpu: '50m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: RESTRICTED_CONTAINER_SECURITY,
            },
          ],
        },
      },
    },
  };
}

/** Runs the Job to completion and removes it; throws with the reason when it fails. */
export async function runMongoPrepare(
  client: ClusterClient,
  values: ClearMLValues,
  prepare: { image: string; series: string },
  options: { timeoutMs?: number; pollMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const job = mongoPrepareJob(values, prepare);
  const ref = {
    apiVersion: job.apiVersion,
    kind: job.kind,
    name: job.metadata.name,
    namespace: values.namespace,
  };
  // A Job's pod template cannot change: start from a fresh one.
  await client.delete(ref, { propagationPolicy: 'Background' });
  for (let i = 0; i < 50 && (await client.get(ref)); i++) await sleep(200, options.signal);
  await client.apply(job);
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  for (;;) {
    const live = await client.get<Job>(ref);
    const failed = live?.status?.conditions?.find(
      (c) => c.type === 'Failed' && c.status === 'True',
    );
    if (failed) {
      throw new Error(
        `Job ${ref.name} could not set MongoDB's featureCompatibilityVersion to ${prepare.series} (${failed.message ?? 'failed'}); nothing else was changed. Read its pod's log, fix the cause, then deploy again.`,
      );
    }
    if ((live?.status?.succeeded ?? 0) > 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `Job ${ref.name} did not finish setting MongoDB's featureCompatibilityVersion to ${prepare.series} in time; nothing else was changed. Check its pod, then deploy again.`,
      );
    }
    await sleep(options.pollMs ?? 1000, options.signal);
  }
  await client.delete(ref, { propagationPolicy: 'Background' });
}
