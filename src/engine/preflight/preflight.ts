/**
 * Preflight: everything that can be known before the first write. Each check runs with the
 * user's own permissions and reports findings in words; nothing here changes the cluster.
 */
import { kindInfo } from '../cluster/api-paths';
import type { ClusterClient, ResourceAttributes } from '../cluster/client';
import { explainErrorMessage, isApiError } from '../cluster/errors';
import { adminHandoff, mayGrant, sccGrantsOf } from '../deploy/grants';
import { isOwnedBy, keyOf } from '../deploy/ownership';
import type { K8sObject } from '../k8s-types';
import { msg, type Message } from '../messages/message';
import { agentQuotaFindings, agentTaskDemands } from './agent-quota';
import { blocking, type Finding, finding, type PreflightReport } from './findings';
import { ENFORCE_LABEL, rejectedByPsa } from './pod-security';
import { demandOf, formatAmount, type LiveQuota, quotaShortfalls } from './quota';

export interface PreflightInput {
  client: ClusterClient;
  namespace: string;
  instance: string;
  objects: K8sObject[];
  /** Live objects with the names of `objects`, keyed `Kind/name`, when already read. */
  live?: Map<string, K8sObject>;
  /**
   * Workloads whose pods stop before the instance's start (a take-over scales its chart down
   * first): the quota they use now is counted as free.
   */
  freed?: K8sObject[];
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
    return [finding('access', 'access', 'info', msg('preflight.access.ok', { namespace }))];
  }
  const list = denied.map((d) => `${d.verb} ${d.resource}${d.name ? ` ${d.name}` : ''}`).join(', ');
  return [
    finding(
      'access',
      'access',
      'error',
      msg('preflight.access.denied', { namespace, denied: list }),
    ),
  ];
}

async function apiFindings(input: PreflightInput): Promise<Finding[]> {
  const { client, objects } = input;
  const findings: Finding[] = [];
  if (
    objects.some((o) => o.kind === 'Route') &&
    !(await client.serves('route.openshift.io/v1', 'Route'))
  ) {
    findings.push(finding('api-routes', 'api', 'error', msg('preflight.api.noRoutes')));
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
    const said = isApiError(err)
      ? msg('preflight.storage.unreadable', { status: err.status })
      : msg('preflight.storage.unreadableNoStatus');
    return [finding('storage', 'storage', 'info', said)];
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
      const said = names.size
        ? msg('preflight.storage.missingClass', { name: wanted, choices: [...names].join(', ') })
        : msg('preflight.storage.noClasses', { name: wanted });
      findings.push(finding(`storage-${wanted}`, 'storage', 'error', said));
    }
    if (!wanted && !defaults.length) {
      findings.push(
        finding('storage-default', 'storage', 'error', msg('preflight.storage.noDefault')),
      );
    }
  }
  if (!findings.length) {
    const used = [
      ...new Set(claims.map((c) => c.spec.storageClassName ?? defaults[0]?.metadata.name)),
    ];
    findings.push(
      finding(
        'storage',
        'storage',
        'info',
        msg('preflight.storage.uses', { classes: used.join(', ') }),
      ),
    );
  }
  return findings;
}

async function quotaFindings(input: PreflightInput): Promise<Finding[]> {
  const quotas = (await input.client.list('v1', 'ResourceQuota', {
    namespace: input.namespace,
  })) as unknown as LiveQuota[];
  if (!quotas.length) return [];
  const existing = demandOf([
    ...[...(input.live?.values() ?? [])].filter((o) => isOwnedBy(o, input.instance)),
    ...(input.freed ?? []),
  ]);
  const base = demandOf(input.objects);
  const short = quotaShortfalls(base, quotas, existing);
  // The agents' task pods at their most, beyond the servers and the glues: warnings, as the
  // instance itself deploys; a task pod beyond the quota is refused when the glue starts it.
  const agents = agentQuotaFindings(agentTaskDemands(input.objects), base, existing, quotas);
  if (!short.length && !agents.length) {
    return [finding('quota', 'quota', 'info', msg('preflight.quota.ok'))];
  }
  const servers = short.map((s) =>
    finding(
      `quota-${s.quota}-${s.resource}`,
      'quota',
      'error',
      msg('preflight.quota.short', {
        quota: s.quota,
        resource: s.resource,
        free: formatAmount(s.resource, s.free),
        needed: formatAmount(s.resource, s.needed),
      }),
    ),
  );
  return [...servers, ...agents];
}

function ownershipFindings(input: PreflightInput): Finding[] {
  const live = input.live ?? new Map();
  return input.objects
    .map((o) => live.get(keyOf(o)))
    .filter((o): o is K8sObject => o !== undefined && !isOwnedBy(o, input.instance))
    .map((o) =>
      finding(
        `foreign-${keyOf(o)}`,
        'ownership',
        'error',
        msg('preflight.ownership.foreign', {
          kind: o.kind,
          name: o.metadata.name,
          instance: input.instance,
        }),
      ),
    );
}

async function podSecurityFindings(input: PreflightInput): Promise<Finding[]> {
  const ns = await input.client.get({ apiVersion: 'v1', kind: 'Namespace', name: input.namespace });
  const enforce = ns?.metadata.labels?.[ENFORCE_LABEL];
  const rejected = rejectedByPsa(input.objects, enforce);
  return rejected.map((r) =>
    finding(
      `psa-${r.workload}`,
      'pod-security',
      'error',
      msg('preflight.podSecurity.rejected', {
        workload: r.workload,
        level: r.level,
        namespace: input.namespace,
        enforce: enforce ?? '',
      }),
    ),
  );
}

/** Runs one check; a check that cannot run becomes a warning instead of failing the report. */
async function safely(
  name: string,
  what: Message,
  check: () => Promise<Finding[]> | Finding[],
): Promise<Finding[]> {
  try {
    return await check();
  } catch (err) {
    return [finding(`${name}-unchecked`, 'api', 'warning', explainErrorMessage(err, what))];
  }
}

export async function preflight(input: PreflightInput): Promise<PreflightReport> {
  const grants = sccGrantsOf(input.objects);
  const [access, api, storage, quota, podSecurity, grantable] = await Promise.all([
    safely('permissions', msg('preflight.check.permissions'), () => accessFindings(input)),
    safely('APIs', msg('preflight.check.apis'), () => apiFindings(input)),
    safely('storage', msg('preflight.check.storage'), () => storageFindings(input)),
    safely('quota', msg('preflight.check.quota'), () => quotaFindings(input)),
    safely('pod security', msg('preflight.check.podSecurity'), () => podSecurityFindings(input)),
    Promise.all(grants.map((g) => mayGrant(input.client, g, input.namespace).catch(() => false))),
  ]);
  const missing = grants.filter((_, i) => !grantable[i]);
  const security: Finding[] = grants.length
    ? missing.length
      ? [
          finding(
            'scc-grants',
            'security',
            'warning',
            msg('preflight.scc.handoff', { sccs: missing.map((g) => g.scc).join(', ') }),
          ),
        ]
      : [
          finding(
            'scc-grants',
            'security',
            'info',
            msg('preflight.scc.grantable', { sccs: grants.map((g) => g.scc).join(', ') }),
          ),
        ]
    : [finding('scc-grants', 'security', 'info', msg('preflight.scc.none'))];
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
