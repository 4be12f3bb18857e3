/**
 * REST API discovery: `/api/v1` and every group-version under `/apis`, one model per resource
 * (subresources skipped), dispatched as the SDK's `receivedResources` action. Also sets the
 * OPENSHIFT flag and the user from a SelfSubjectReview. Re-runs every 60 s.
 */
import {
  getResourcesInFlight,
  receivedResources,
} from '@openshift-console/dynamic-plugin-sdk/lib/app/k8s/actions/k8s';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';
import { coFetchJSON } from '../console/console-fetch';
import { setFlag, type ConsoleStore } from './store';

/* eslint-disable @typescript-eslint/no-explicit-any */
type APIResource = {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  shortNames?: string[];
};

const pluralizeKind = (kind: string) => {
  if (/(s|x|z|ch|sh)$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
};

const kindToAbbr = (kind: string) =>
  (kind.replace(/[^A-Z]/g, '') || kind.toUpperCase()).slice(0, 4);

const k8sBase = () => `${window.SERVER_FLAGS.basePath}api/kubernetes`;

const toModels = (group: string, version: string, resources: APIResource[]): K8sModel[] =>
  resources
    .filter((r) => !r.name.includes('/'))
    .map((r) => ({
      kind: r.kind,
      namespaced: r.namespaced,
      verbs: r.verbs,
      shortNames: r.shortNames,
      label: r.kind,
      plural: r.name,
      apiVersion: version,
      ...(group ? { apiGroup: group } : {}),
      abbr: kindToAbbr(r.kind),
      labelPlural: pluralizeKind(r.kind),
      path: r.name,
      id: r.singularName || r.name,
      crd: true,
    })) as any;

export const discoverResources = async (store: ConsoleStore) => {
  store.dispatch(getResourcesInFlight());
  const apis = await coFetchJSON(`${k8sBase()}/apis`);
  const targets: { group: string; version: string; path: string }[] = [
    { group: '', version: 'v1', path: '/api/v1' },
  ];
  const groupVersionMap: Record<string, { versions: string[]; preferredVersion: string }> = {};
  for (const g of apis.groups ?? []) {
    const preferred = g.preferredVersion?.version;
    const versions: string[] = g.versions.map((v: any) => v.version);
    groupVersionMap[g.name] = { versions, preferredVersion: preferred };
    // Preferred version first, so that a kind served in several versions resolves to it.
    for (const v of [...versions].sort(
      (a, b) => Number(b === preferred) - Number(a === preferred),
    )) {
      targets.push({ group: g.name, version: v, path: `/apis/${g.name}/${v}` });
    }
  }
  const lists = await Promise.allSettled(
    targets.map(async (t) => ({ ...t, list: await coFetchJSON(`${k8sBase()}${t.path}`) })),
  );
  const models: K8sModel[] = [];
  for (const result of lists) {
    if (result.status === 'fulfilled') {
      const { group, version, list } = result.value;
      models.push(...toModels(group, version, list.resources ?? []));
    } else {
      console.warn('API discovery: a group-version could not be read', result.reason);
    }
  }
  const namespacedSet = new Set<string>();
  const allResources: string[] = [];
  for (const m of models) {
    const ref = `${m.apiGroup ?? 'core'}~${m.apiVersion}~${m.kind}`;
    allResources.push(ref);
    if (m.namespaced) namespacedSet.add(ref);
  }
  const safeResources = models
    .filter((m) => m.verbs?.includes('list') && m.verbs?.includes('watch'))
    .map((m) => `${m.apiGroup ?? 'core'}~${m.apiVersion}~${m.kind}`);
  store.dispatch(
    receivedResources({
      models,
      allResources,
      safeResources,
      adminResources: [],
      configResources: models.filter((m) => m.apiGroup === 'config.openshift.io'),
      clusterOperatorConfigResources: models.filter((m) => m.apiGroup === 'operator.openshift.io'),
      namespacedSet,
      groupVersionMap,
    } as any),
  );
  store.dispatch(setFlag('OPENSHIFT', Boolean(groupVersionMap['config.openshift.io'])));
};

export const detectUser = async (store: ConsoleStore) => {
  try {
    const review = await coFetchJSON.post(
      `${k8sBase()}/apis/authentication.k8s.io/v1/selfsubjectreviews`,
      { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    );
    store.dispatch({ type: 'setUser', payload: { userInfo: review.status?.userInfo ?? {} } });
  } catch (error) {
    console.warn('Could not read the current user', error);
  }
};

export const startAPIDiscovery = (store: ConsoleStore) => {
  const run = () =>
    discoverResources(store).catch((error) => {
      console.error('API discovery failed', error);
    });
  const first = run();
  window.setInterval(run, 60_000);
  return first;
};
