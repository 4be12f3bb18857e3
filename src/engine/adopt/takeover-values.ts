/**
 * The managed instance's values for a chart release: its volumes, its credentials Secret, the
 * hosts its Routes already answer on, its server release and a name that reuses nothing.
 *
 * Facts from clearml-helm-charts 7.14.4 (`charts/clearml`) and its subcharts, see
 * `docs/architecture.md` (Installs made with the upstream chart):
 * - the file server Deployment mounts PVC `<fullname>-fileserver-data` as volume `fileserver-data`
 *   (`templates/deployment-fileserver.yaml`, `storage.data.existingPVC` overrides the name); the
 *   image has no USER, so it writes as UID 0;
 * - Bitnami MongoDB 13.18.5 (standalone) mounts PVC `<release>-mongodb` as volume `datadir` and runs
 *   as UID 1001 (`containerSecurityContext.runAsUser`); Bitnami Redis 17.8.3 has a claim template
 *   `redis-data` on StatefulSet `<release>-redis-master`, UID 1001;
 * - elastic/elasticsearch 7.17.3 has a claim template named like its StatefulSet
 *   (`clearml-elastic-master`), UID 1000 (`podSecurityContext.runAsUser`);
 * - every ClearML container reads its credentials from Secret `clearml-conf`, or from
 *   `clearml.existingSecret` (the `apiserver_key` secretKeyRef of the API server shows which).
 * The claim names are read from the live workloads; the chart's names for release R
 * (`R-fileserver-data`, `R-mongodb`, `redis-data-R-redis-master-0`,
 * `R-elastic-master-R-elastic-master-0`) are used only when a workload is gone.
 */
import type { ComponentId } from '../components';
import type { K8sObject, Route } from '../k8s-types';
import { list, type Message, msg } from '../messages/message';
import { DNS_LABEL_PATTERN, MAX_INSTANCE_NAME_LENGTH, OBJECT_SUFFIXES } from '../names';
import { isOwnedBy } from '../deploy/ownership';
import { recordName } from '../deploy/record';
import { finding, type Finding } from '../preflight/findings';
import { SERVER_VERSIONS } from '../values/images';
import { chartComponent, type ChartRelease } from './releases';
import type {
  LiveClaim,
  LiveWorkload,
  StoreId,
  TakeoverInput,
  TakeoverValues,
} from './takeover-types';
import { STORES } from './takeover-types';

/** The UID each chart store wrote its files as (see the facts above). */
export const OWNER_UID: Record<StoreId, number> = {
  fileserver: 0,
  mongodb: 1001,
  redis: 1001,
  elasticsearch: 1000,
};

const COMPONENT_NAME: Record<StoreId, string> = {
  fileserver: 'component.fileserver',
  mongodb: 'component.mongodb',
  redis: 'component.redis',
  elasticsearch: 'component.elasticsearch',
};
const componentMessage = (store: StoreId): Message =>
  msg(COMPONENT_NAME[store] as 'component.mongodb');

/** The chart's claim name for release R when its workload is gone. */
function conventionalClaim(store: StoreId, release: string): string {
  switch (store) {
    case 'fileserver':
      return `${release}-fileserver-data`;
    case 'mongodb':
      return `${release}-mongodb`;
    case 'redis':
      return `redis-data-${release}-redis-master-0`;
    default:
      return `${release}-elastic-master-${release}-elastic-master-0`;
  }
}

/** The claim a workload's first pod mounts: a template's `<template>-<set>-0`, or a volume's claim. */
function claimOfWorkload(w: LiveWorkload, store: StoreId): string | undefined {
  const templates = w.spec?.volumeClaimTemplates ?? [];
  if (w.kind === 'StatefulSet' && templates.length) {
    const wanted = store === 'redis' ? 'redis-data' : undefined;
    const t = templates.find((c) => !wanted || c.metadata.name === wanted) ?? templates[0];
    return `${t.metadata.name}-${w.metadata.name}-0`;
  }
  const volumes = w.spec?.template?.spec?.volumes ?? [];
  const name = store === 'fileserver' ? 'fileserver-data' : store === 'mongodb' ? 'datadir' : '';
  const v =
    volumes.find((x) => x.name === name && x.persistentVolumeClaim) ??
    volumes.find((x) => x.persistentVolumeClaim);
  return v?.persistentVolumeClaim?.claimName;
}

export function releaseWorkloads(input: TakeoverInput): LiveWorkload[] {
  const names = new Set(input.release.workloads.map((w) => `${w.kind}/${w.name}`));
  return input.workloads.filter((w) => names.has(`${w.kind}/${w.metadata.name}`));
}

const storeWorkload = (workloads: LiveWorkload[], store: StoreId) =>
  workloads.find((w) => chartComponent(w.metadata.name) === (store as ComponentId));

/** Each store's claim, with the findings about stores that cannot be taken over. */
export function findClaims(input: TakeoverInput): {
  claims: Partial<Record<StoreId, LiveClaim>>;
  findings: Finding[];
} {
  const { release } = input.release;
  const workloads = releaseWorkloads(input);
  const claims: Partial<Record<StoreId, LiveClaim>> = {};
  const findings: Finding[] = [];
  const byName = new Map(input.claims.map((c) => [c.metadata.name, c]));
  for (const store of STORES) {
    const w = storeWorkload(workloads, store);
    const component = componentMessage(store);
    if (!w && store !== 'fileserver') {
      findings.push(
        finding(
          `adopt-external-${store}`,
          'adopt',
          'error',
          msg('adopt.finding.external', { release, component }),
        ),
      );
      continue;
    }
    const replicas = w?.spec?.replicas ?? 1;
    if (w && store !== 'fileserver' && replicas > 1) {
      findings.push(
        finding(
          `adopt-replicated-${store}`,
          'adopt',
          'error',
          msg('adopt.finding.replicated', { release, component, count: replicas }),
        ),
      );
      continue;
    }
    const name = w ? claimOfWorkload(w, store) : conventionalClaim(store, release);
    if (!name) {
      findings.push(
        finding(
          'adopt-no-fileserver-volume',
          'adopt',
          'warning',
          msg('adopt.finding.noFileserverVolume', { release }),
        ),
      );
      continue;
    }
    const claim = byName.get(name);
    if (!claim) {
      findings.push(
        finding(
          `adopt-claim-missing-${store}`,
          'adopt',
          'error',
          msg('adopt.finding.claimMissing', { release, component, claim: name }),
        ),
      );
      continue;
    }
    const foreign = (claim.metadata.ownerReferences ?? []).filter(
      (o) => !ownedByRelease(o, release, input.release),
    );
    if (foreign.length) {
      const owner = foreign.map((o) => `${o.kind} ${o.name}`).join(', ');
      findings.push(
        finding(
          `adopt-claim-owned-${store}`,
          'adopt',
          'error',
          msg('adopt.finding.claimOwned', { release, claim: name, owner }),
        ),
      );
    }
    claims[store] = claim;
  }
  return { claims, findings };
}

/** Whether an owner reference points at the release's StatefulSets or their pods. */
function ownedByRelease(
  o: { kind: string; name: string },
  _release: string,
  chart: ChartRelease,
): boolean {
  const sets = chart.workloads.filter((w) => w.kind === 'StatefulSet').map((w) => w.name);
  if (o.kind === 'StatefulSet') return sets.includes(o.name);
  if (o.kind === 'Pod') return sets.some((s) => new RegExp(`^${s}-\\d+$`).test(o.name));
  return false;
}

/** The Secret the release's servers read their credentials from. */
export function credentialsSecret(input: TakeoverInput): string {
  for (const w of releaseWorkloads(input)) {
    for (const c of w.spec?.template?.spec?.containers ?? []) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref?.key === 'apiserver_key') return ref.name;
      }
    }
  }
  return 'clearml-conf';
}

/** The server release an instance runs for the chart's app version, when supported. */
export function serverVersion(appVersion: string | undefined): string | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(appVersion ?? '');
  const version = m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
  return (SERVER_VERSIONS as readonly string[]).find((v) => v === version);
}

/** The release's Services' names. */
export function releaseServices(input: TakeoverInput): Set<string> {
  return new Set(
    input.objects
      .filter((o) => o.kind === 'Service' && isReleaseObject(o, input.release.release))
      .map((o) => o.metadata.name),
  );
}

/** Whether an object carries the release's labels (its own chart's or a subchart's). */
export function isReleaseObject(o: K8sObject, release: string): boolean {
  const labels = o.metadata.labels ?? {};
  if (labels['app.kubernetes.io/managed-by'] === 'clearml-console-plugin') return false;
  return labels['app.kubernetes.io/instance'] === release || labels.release === release;
}

/** The release's Routes: those labelled for it and those that lead to its Services. */
export function releaseRoutes(input: TakeoverInput): Route[] {
  const services = releaseServices(input);
  return (input.objects.filter((o) => o.kind === 'Route') as Route[])
    .filter((r) => isReleaseObject(r, input.release.release) || services.has(r.spec?.to?.name))
    .filter((r) => r.metadata.labels?.['app.kubernetes.io/managed-by'] !== 'clearml-console-plugin')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

const hostOf = (r: Route) => r.spec?.host || r.status?.ingress?.[0]?.host;

/** The hosts to keep, with what users should know about them. */
export function routeHosts(input: TakeoverInput): {
  hosts: { app?: string; api?: string };
  plainHttp: boolean;
  findings: Finding[];
} {
  const { release } = input.release;
  const routes = releaseRoutes(input);
  const findings: Finding[] = [];
  const hosts: { app?: string; api?: string } = {};
  let files: Route | undefined;
  let plainHttp = false;
  for (const r of routes) {
    const host = hostOf(r);
    const component = chartComponent(r.spec?.to?.name ?? '');
    if (!host || r.spec?.path) continue;
    const key = component === 'webserver' ? 'app' : component === 'apiserver' ? 'api' : undefined;
    if (key && !hosts[key]) {
      hosts[key] = host;
      findings.push(
        finding(
          `adopt-host-${key}`,
          'adopt',
          'info',
          msg('adopt.finding.hostKept', { host, route: r.metadata.name }),
        ),
      );
    } else if (component === 'fileserver' && !files) {
      files = r;
    } else continue;
    if (!r.spec.tls) plainHttp = true;
  }
  if (files) {
    const app = hosts.app ?? `<${input.instance ?? release}-app host>`;
    findings.push(
      finding(
        'adopt-files-host',
        'adopt',
        'warning',
        msg('adopt.finding.filesHost', { host: hostOf(files)!, route: files.metadata.name, app }),
      ),
    );
  }
  if (plainHttp) {
    const route = routes
      .filter((r) => !r.spec.tls)
      .map((r) => r.metadata.name)
      .join(', ');
    findings.push(
      finding('adopt-plain-http', 'adopt', 'info', msg('adopt.finding.plainHttp', { route })),
    );
  }
  if (!routes.length) {
    findings.push(
      finding('adopt-no-routes', 'adopt', 'info', msg('adopt.finding.noRoutes', { release })),
    );
  }
  return { hosts, plainHttp, findings };
}

/** Every name an instance's objects take (see names.ts and record.ts). */
export const instanceObjectNames = (instance: string) => [
  ...Object.values(OBJECT_SUFFIXES).map((s) => `${instance}-${s}`),
  recordName(instance),
];

/** Live objects (not the instance's own) whose names the instance would reuse. */
export function nameClashes(input: TakeoverInput, instance: string): string[] {
  const wanted = new Set(instanceObjectNames(instance));
  const live: K8sObject[] = [...input.workloads, ...input.claims, ...input.objects];
  const clashes = live
    .filter((o) => wanted.has(o.metadata.name) && !isOwnedBy(o, instance))
    .map((o) => `${o.kind} ${o.metadata.name}`);
  return clashes;
}

/** `<release>-managed`, shortened to fit, with a number when that reuses a name. */
export function defaultInstanceName(input: TakeoverInput): string {
  const base = `${input.release.release.slice(0, MAX_INSTANCE_NAME_LENGTH - 10).replace(/-+$/, '')}-managed`;
  for (let n = 1; n < 10; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!nameClashes(input, name).length) return name;
  }
  return base;
}

/** Why a name given with --name cannot be an instance name, or undefined. */
export function invalidName(name: string): string | undefined {
  if (name.length > MAX_INSTANCE_NAME_LENGTH)
    return `at most ${MAX_INSTANCE_NAME_LENGTH} characters`;
  if (!DNS_LABEL_PATTERN.test(name))
    return 'lowercase letters, digits and "-", starting with a letter and ending with a letter or digit';
  return undefined;
}

/** The instance's values and every finding about them. */
export function takeoverValues(
  input: TakeoverInput,
  instance: string,
): { values: TakeoverValues; claims: Partial<Record<StoreId, LiveClaim>>; findings: Finding[] } {
  const { release, appVersion } = input.release;
  const { claims, findings } = findClaims(input);
  const secret = credentialsSecret(input);
  const lacks = input.secretGaps[secret] ?? [];
  if (input.secretNames.includes(secret) && lacks.length) {
    findings.push(
      finding(
        'adopt-secret-keys',
        'adopt',
        'error',
        msg('adopt.finding.secretKeys', { secret, release, keys: list(lacks) }),
      ),
    );
  }
  if (!input.secretNames.includes(secret)) {
    findings.push(
      finding(
        'adopt-secret-missing',
        'adopt',
        'error',
        msg('adopt.finding.secretMissing', { secret, release }),
      ),
    );
  }
  const version = serverVersion(appVersion);
  if (!version) {
    findings.push(
      finding(
        'adopt-version',
        'adopt',
        'error',
        msg('adopt.finding.version', {
          release,
          version: appVersion ?? '?',
          versions: SERVER_VERSIONS.join(', '),
        }),
      ),
    );
  }
  const routes = routeHosts({ ...input, instance });
  findings.push(...routes.findings);
  const storage: TakeoverValues['storage'] = {};
  for (const store of STORES) {
    const claim = claims[store];
    if (claim)
      storage[store] = { existingClaim: { name: claim.metadata.name, ownerUid: OWNER_UID[store] } };
  }
  const values: TakeoverValues = {
    name: instance,
    namespace: input.namespace,
    ...(version ? { server: { version } } : {}),
    storage,
    credentials: { existingSecret: secret },
    ...(routes.hosts.app || routes.hosts.api || routes.plainHttp
      ? {
          exposure: {
            ...(routes.hosts.app || routes.hosts.api ? { hosts: routes.hosts } : {}),
            ...(routes.plainHttp ? { insecureEdgeTerminationPolicy: 'Allow' as const } : {}),
          },
        }
      : {}),
  };
  return { values, claims, findings };
}
