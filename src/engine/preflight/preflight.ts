/**
 * Preflight: everything that can be known before the first write. Each check runs with the
 * user's own permissions and reports findings in words; nothing here changes the cluster.
 */
import { kindInfo } from '../cluster/api-paths';
import type { ClusterClient, ResourceAttributes } from '../cluster/client';
import { explainError, isApiError } from '../cluster/errors';
import { adminHandoff, mayGrant, sccGrantsOf } from '../deploy/grants';
import { isOwnedBy, keyOf } from '../deploy/ownership';
import type { K8sObject } from '../k8s-types';
import { blocking, type Finding, type PreflightReport } from './findings';
import { ENFORCE_LABEL, rejectedByPsa } from './pod-security';
import { demandOf, formatAmount, type LiveQuota, quotaShortfalls } from './quota';

export interface PreflightInput {
  client: ClusterClient;
  namespace: string;
  instance: string;
  objects: K8sObject[];
  /** Live objects with the names of `objects`, keyed `Kind/name`, when already read. */
  live?: Map<string, K8sObject>;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

async function accessFindings(input: PreflightInput): Promise<Finding[]> {
  const { client, namespace, objects } = input;
  const kinds = new Map<string, { group: string; resource: string }>();
  const secrets: string[] = [];
  for (const o of objects) {
    const { plural } = kindInfo(o.apiVersion, o.kind);
    kinds.set(plural, { group: groupOf(o.apiVersion), resource: plural });
    if (o.kind === 'Secret') secrets.push(o.metadata.name);
  }
  // Secrets are read and patched by name (never listed), so `get` on those names is enough.
  const checks: ResourceAttributes[] = [...kinds.values()].flatMap(({ group, resource }) =>
    resource === 'secrets'
      ? [
          { group, resource, verb: 'create', namespace },
          ...secrets.flatMap((name) =>
            ['get', 'patch'].map((verb) => ({ group, resource, verb, namespace, name })),
          ),
        ]
      : ['create', 'patch', 'list'].map((verb) => ({ group, resource, verb, namespace })),
  );
  const answers = await Promise.all(checks.map((c) => client.canI(c)));
  const denied = checks.filter((_, i) => !answers[i].allowed);
  if (!denied.length) {
    return [
      {
        id: 'access',
        area: 'access',
        severity: 'info',
        message: `You may create and update every kind of object the plan uses in ${namespace}.`,
      },
    ];
  }
  const list = denied.map((d) => `${d.verb} ${d.resource}${d.name ? ` ${d.name}` : ''}`).join(', ');
  return [
    {
      id: 'access',
      area: 'access',
      severity: 'error',
      message: `You lack permissions in project ${namespace}: ${list}. Ask a project administrator to give you the admin or edit role there.`,
    },
  ];
}

async function apiFindings(input: PreflightInput): Promise<Finding[]> {
  const { client, objects } = input;
  const findings: Finding[] = [];
  if (
    objects.some((o) => o.kind === 'Route') &&
    !(await client.serves('route.openshift.io/v1', 'Route'))
  ) {
    findings.push({
      id: 'api-routes',
      area: 'api',
      severity: 'error',
      message:
        'This cluster has no Route API (route.openshift.io/v1). Turn Routes off and expose the services another way.',
    });
  }
  return findings;
}

async function storageFindings(input: PreflightInput): Promise<Finding[]> {
  const claims = input.objects.filter((o) => o.kind === 'PersistentVolumeClaim') as (K8sObject & {
    spec: { storageClassName?: string };
  })[];
  if (!claims.length) return [];
  let classes: K8sObject[];
  try {
    classes = await input.client.list('storage.k8s.io/v1', 'StorageClass');
  } catch (err) {
    return [
      {
        id: 'storage',
        area: 'storage',
        severity: 'info',
        message: `Could not read the cluster's StorageClasses (${isApiError(err) ? `HTTP ${err.status}` : 'error'}); the volumes will use the class you chose or the cluster default.`,
      },
    ];
  }
  const names = new Set(classes.map((c) => c.metadata.name));
  const defaults = classes.filter(
    (c) =>
      c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      c.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true',
  );
  const findings: Finding[] = [];
  for (const wanted of new Set(claims.map((c) => c.spec.storageClassName))) {
    if (wanted && !names.has(wanted)) {
      findings.push({
        id: `storage-${wanted}`,
        area: 'storage',
        severity: 'error',
        message: `StorageClass ${wanted} does not exist. Choose one of: ${[...names].join(', ') || 'none found'}.`,
      });
    }
    if (!wanted && !defaults.length) {
      findings.push({
        id: 'storage-default',
        area: 'storage',
        severity: 'error',
        message:
          'The cluster has no default StorageClass, so the volumes would stay Pending. Choose a StorageClass.',
      });
    }
  }
  if (!findings.length) {
    const used = [
      ...new Set(claims.map((c) => c.spec.storageClassName ?? defaults[0]?.metadata.name)),
    ];
    findings.push({
      id: 'storage',
      area: 'storage',
      severity: 'info',
      message: `Volumes will use StorageClass ${used.join(', ')}.`,
    });
  }
  return findings;
}

async function quotaFindings(input: PreflightInput): Promise<Finding[]> {
  const quotas = (await input.client.list('v1', 'ResourceQuota', {
    namespace: input.namespace,
  })) as unknown as LiveQuota[];
  if (!quotas.length) return [];
  const existing = demandOf(
    [...(input.live?.values() ?? [])].filter((o) => isOwnedBy(o, input.instance)),
  );
  const short = quotaShortfalls(demandOf(input.objects), quotas, existing);
  if (!short.length) {
    return [
      {
        id: 'quota',
        area: 'quota',
        severity: 'info',
        message: 'The project quota has room for this plan.',
      },
    ];
  }
  return short.map((s) => ({
    id: `quota-${s.quota}-${s.resource}`,
    area: 'quota',
    severity: 'error',
    message: `Quota ${s.quota} has ${formatAmount(s.resource, s.free)} of ${s.resource} left, but the plan needs ${formatAmount(s.resource, s.needed)}. Choose a smaller size preset or ask for a larger quota.`,
  }));
}

function ownershipFindings(input: PreflightInput): Finding[] {
  const live = input.live ?? new Map();
  return input.objects
    .map((o) => live.get(keyOf(o)))
    .filter((o): o is K8sObject => o !== undefined && !isOwnedBy(o, input.instance))
    .map((o) => ({
      id: `foreign-${keyOf(o)}`,
      area: 'ownership' as const,
      severity: 'error' as const,
      message: `${o.kind} ${o.metadata.name} already exists and does not belong to instance ${input.instance}; it will not be touched. Choose another instance name or remove that object.`,
    }));
}

async function podSecurityFindings(input: PreflightInput): Promise<Finding[]> {
  const ns = await input.client.get({ apiVersion: 'v1', kind: 'Namespace', name: input.namespace });
  const enforce = ns?.metadata.labels?.[ENFORCE_LABEL];
  const rejected = rejectedByPsa(input.objects, enforce);
  return rejected.map((r) => ({
    id: `psa-${r.workload}`,
    area: 'pod-security' as const,
    severity: 'error' as const,
    message: `${r.workload} needs Pod Security level "${r.level}", but project ${input.namespace} enforces "${enforce}", so its pods would be rejected. Use the least-privilege security mode, or ask a cluster administrator to relax the project's pod-security label.`,
  }));
}

/** Runs one check; a check that cannot run becomes a warning instead of failing the report. */
async function safely(
  name: string,
  check: () => Promise<Finding[]> | Finding[],
): Promise<Finding[]> {
  try {
    return await check();
  } catch (err) {
    return [
      {
        id: `${name}-unchecked`,
        area: 'api',
        severity: 'warning',
        message: explainError(err, `check ${name}`),
      },
    ];
  }
}

export async function preflight(input: PreflightInput): Promise<PreflightReport> {
  const grants = sccGrantsOf(input.objects);
  const [access, api, storage, quota, podSecurity, grantable] = await Promise.all([
    safely('permissions', () => accessFindings(input)),
    safely('APIs', () => apiFindings(input)),
    safely('storage', () => storageFindings(input)),
    safely('quota', () => quotaFindings(input)),
    safely('pod security', () => podSecurityFindings(input)),
    Promise.all(grants.map((g) => mayGrant(input.client, g, input.namespace).catch(() => false))),
  ]);
  const missing = grants.filter((_, i) => !grantable[i]);
  const security: Finding[] = grants.length
    ? missing.length
      ? [
          {
            id: 'scc-grants',
            area: 'security',
            severity: 'warning',
            message: `You may not grant the security context constraints ${missing.map((g) => g.scc).join(', ')} yourself. A cluster administrator must apply the grants shown below; the deploy can wait for them.`,
          },
        ]
      : [
          {
            id: 'scc-grants',
            area: 'security',
            severity: 'info',
            message: `You may grant ${grants.map((g) => g.scc).join(', ')} to the instance's service accounts.`,
          },
        ]
    : [
        {
          id: 'scc-grants',
          area: 'security',
          severity: 'info',
          message: 'Every pod runs under restricted-v2: no extra security grants are needed.',
        },
      ];
  const findings = [
    ...access,
    ...security,
    ...api,
    ...storage,
    ...quota,
    ...ownershipFindings(input),
    ...podSecurity,
  ];
  return {
    namespace: input.namespace,
    findings,
    handoff: missing.length ? adminHandoff(missing, input.namespace) : undefined,
    canDeploy: !blocking(findings),
  };
}
