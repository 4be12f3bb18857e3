/**
 * What the page may offer a user in one project, known before they act: the access reviews to
 * ask and how their answers become "allowed" or "missing right X" for each action. Pure data and
 * logic; the page asks the reviews through the ClusterClient (SelfSubjectAccessReview).
 */
import type { ResourceAttributes } from '../cluster/client';
import { SCC_ROLE_PREFIX } from '../deploy/grants';

export type PageAction = 'deploy' | 'upgrade' | 'uninstall' | 'credentials' | 'grant';

export interface ActionAccess {
  allowed: boolean;
  /** The rights the user lacks, e.g. `delete deployments`, in review order. */
  missing: string[];
}

export type PageAccess = Record<PageAction, ActionAccess>;

interface Resource {
  group: string;
  resource: string;
}

/** The kinds a deploy writes (secrets, volumes and the install record included). */
const WRITTEN: Resource[] = [
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'statefulsets' },
  { group: '', resource: 'services' },
  { group: '', resource: 'secrets' },
  { group: '', resource: 'configmaps' },
  { group: '', resource: 'serviceaccounts' },
  { group: '', resource: 'persistentvolumeclaims' },
  { group: 'route.openshift.io', resource: 'routes' },
];

/** The kinds uninstall lists and deletes (see deploy/uninstall.ts), in its order. */
const DELETED: Resource[] = [
  { group: 'route.openshift.io', resource: 'routes' },
  { group: '', resource: 'services' },
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'statefulsets' },
  { group: '', resource: 'configmaps' },
  { group: '', resource: 'secrets' },
  { group: 'rbac.authorization.k8s.io', resource: 'rolebindings' },
  { group: '', resource: 'serviceaccounts' },
];

/** The SCC every default plan grants (the ClearML server images run as root). */
const GRANTED_SCC = 'anyuid';

export interface AccessCheck {
  action: PageAction;
  attributes: ResourceAttributes;
  /** Alternatives: the check passes when any one of them is allowed. */
  anyOf?: ResourceAttributes[];
}

/** The access reviews behind each action of the page in `namespace`. */
export function pageAccessChecks(namespace: string): AccessCheck[] {
  const on = (r: Resource, verb: string): ResourceAttributes => ({ ...r, verb, namespace });
  return [
    ...WRITTEN.map((r) => ({ action: 'deploy' as const, attributes: on(r, 'create') })),
    ...WRITTEN.map((r) => ({ action: 'upgrade' as const, attributes: on(r, 'patch') })),
    ...(['delete', 'list'] as const).flatMap((verb) =>
      DELETED.map((r) => ({
        action: 'uninstall' as const,
        attributes: on(r, verb),
      })),
    ),
    { action: 'credentials', attributes: on({ group: '', resource: 'secrets' }, 'get') },
    {
      action: 'grant',
      attributes: on({ group: 'rbac.authorization.k8s.io', resource: 'rolebindings' }, 'create'),
    },
    {
      action: 'grant',
      attributes: {
        group: 'security.openshift.io',
        resource: 'securitycontextconstraints',
        verb: 'use',
        name: GRANTED_SCC,
        namespace,
      },
      // Binding the SCC's ClusterRole is allowed to whoever holds it or may bind it.
      anyOf: [
        {
          group: 'rbac.authorization.k8s.io',
          resource: 'clusterroles',
          verb: 'bind',
          name: `${SCC_ROLE_PREFIX}${GRANTED_SCC}`,
          namespace,
        },
      ],
    },
  ];
}

/** `delete deployments`, `use securitycontextconstraints/anyuid`. */
export const describeRight = (a: ResourceAttributes): string =>
  `${a.verb} ${a.resource}${a.name ? `/${a.name}` : ''}`;

/** Folds the review answers (one per attribute set, in check order) into each action's access. */
export function summarizeAccess(
  checks: AccessCheck[],
  allowed: (attributes: ResourceAttributes) => boolean,
): PageAccess {
  const out = Object.fromEntries(
    (['deploy', 'upgrade', 'uninstall', 'credentials', 'grant'] as const).map((a) => [
      a,
      { allowed: true, missing: [] as string[] },
    ]),
  ) as PageAccess;
  for (const check of checks) {
    const ok = [check.attributes, ...(check.anyOf ?? [])].some(allowed);
    if (ok) continue;
    out[check.action].allowed = false;
    out[check.action].missing.push(describeRight(check.attributes));
  }
  return out;
}

/** Every attribute set the checks ask about, each once. */
export function reviewsOf(checks: AccessCheck[]): ResourceAttributes[] {
  const seen = new Map<string, ResourceAttributes>();
  for (const c of checks)
    for (const a of [c.attributes, ...(c.anyOf ?? [])]) seen.set(reviewKey(a), a);
  return [...seen.values()];
}

export const reviewKey = (a: ResourceAttributes): string =>
  [a.group, a.resource, a.subresource ?? '', a.verb, a.namespace ?? '', a.name ?? ''].join('|');

/** Access when every review answered `allowed` (e.g. before the answers arrive). */
export const FULL_ACCESS: PageAccess = summarizeAccess([], () => true);
