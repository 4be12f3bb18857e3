/**
 * Which Routes the OpenShift router serves when several ask for one host, as openshift/router
 * decides it with its default namespace ownership check (pkg/router/controller/unique_host.go and
 * hostindex/activation.go, `SameNamespace`, at 9ba3ab8): routes are ordered oldest first
 * (creation time, then uid); the namespace of the oldest owns the host; within it, the oldest
 * route for each path wins. The others are rejected with reason `HostAlreadyClaimed`, and become
 * served when the route ahead of them goes away.
 */
export interface ClaimingRoute {
  namespace: string;
  name: string;
  uid: string;
  created: string;
  path: string;
}

export type Claim = { admitted: true } | { admitted: false; reason: string; message: string };

const older = (a: ClaimingRoute, b: ClaimingRoute) =>
  a.created === b.created ? a.uid.localeCompare(b.uid) : a.created.localeCompare(b.created);

/** The router's verdict for each route of one host, keyed `namespace/name`. */
export function hostClaims(host: string, routes: ClaimingRoute[]): Map<string, Claim> {
  const ordered = [...routes].sort(older);
  const owner = ordered[0];
  const served: ClaimingRoute[] = [];
  const verdicts = new Map<string, Claim>();
  for (const route of ordered) {
    const key = `${route.namespace}/${route.name}`;
    if (route.namespace !== owner.namespace) {
      verdicts.set(key, {
        admitted: false,
        reason: 'HostAlreadyClaimed',
        message: `a route in another namespace holds ${host} and is older than ${route.name}`,
      });
      continue;
    }
    const ahead = served.find((r) => r.path === route.path);
    if (ahead) {
      verdicts.set(key, {
        admitted: false,
        reason: 'HostAlreadyClaimed',
        message: `route ${ahead.name} already exposes ${host} and is older`,
      });
      continue;
    }
    served.push(route);
    verdicts.set(key, { admitted: true });
  }
  return verdicts;
}
