/**
 * The redux slices the SDK and the console internals behind it read: `sdkCore`, `k8s`
 * (Immutable), `FLAGS` (Immutable) and `UI` (Immutable). The npm SDK ships the actions and
 * selectors but not the reducers, so these implement the same action contract.
 */
import { Map as ImmutableMap, fromJS } from 'immutable';
import { getReferenceForModel } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import {
  allModels,
  getNamespacedResources,
} from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-utils';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyAction = { type: string; payload?: any };
type IMap = ImmutableMap<string, any>;

// ---- sdkCore -------------------------------------------------------------------------------

export type SDKCoreState = {
  user: Record<string, unknown>;
  userResource: unknown;
  admissionWebhookWarnings: IMap;
  impersonate?: { kind: string; name: string; subprotocols: string[]; groups?: string[] };
};

export const sdkCoreReducer = (
  state: SDKCoreState = {
    user: {},
    userResource: null,
    admissionWebhookWarnings: ImmutableMap(),
  },
  action: AnyAction,
): SDKCoreState => {
  switch (action.type) {
    case 'setUser':
      return { ...state, user: action.payload.userInfo ?? action.payload.user ?? {} };
    case 'setUserResource':
      return { ...state, userResource: action.payload.userResource };
    case 'beginImpersonate':
      return {
        ...state,
        impersonate: {
          kind: action.payload.kind,
          name: action.payload.name,
          subprotocols: action.payload.subprotocols,
          ...(action.payload.groups ? { groups: action.payload.groups } : {}),
        },
      };
    case 'endImpersonate': {
      const next = { ...state };
      delete next.impersonate;
      return next;
    }
    case 'setAdmissionWebhookWarning':
      return {
        ...state,
        admissionWebhookWarnings: state.admissionWebhookWarnings.set(
          action.payload.id,
          action.payload.warning,
        ),
      };
    case 'removeAdmissionWebhookWarning':
      return {
        ...state,
        admissionWebhookWarnings: state.admissionWebhookWarnings.delete(action.payload.id),
      };
    default:
      return state;
  }
};

// ---- k8s -----------------------------------------------------------------------------------

const qualifiedName = (obj: any): string => {
  const { name, namespace } = obj.metadata;
  return namespace ? `(${namespace})-${name}` : name;
};

const isNewer = (next: IMap, current: IMap): boolean => {
  const a = next.get('metadata').toJS();
  const b = current.get('metadata').toJS();
  if (a.uid !== b.uid) {
    return new Date(a.creationTimestamp) > new Date(b.creationTimestamp);
  }
  return Number.parseInt(a.resourceVersion, 10) > Number.parseInt(b.resourceVersion, 10);
};

const withoutResourceVersion = (obj: IMap) => obj.deleteIn(['metadata', 'resourceVersion']);

const upsert = (list: IMap, obj: any): IMap => {
  const key = qualifiedName(obj);
  const next = fromJS(obj) as IMap;
  const current = list.get(key) as IMap | undefined;
  if (!current) {
    return list.set(key, next);
  }
  if (!isNewer(next, current)) {
    return list;
  }
  if (withoutResourceVersion(current).equals(withoutResourceVersion(next))) {
    return list;
  }
  return list.set(key, next);
};

const replaceList = (list: IMap, items: any[]): IMap => {
  const stale = new Set<string>(list.keySeq().toArray());
  return list.withMutations((mutable) => {
    for (const item of items ?? []) {
      const key = qualifiedName(item);
      stale.delete(key);
      const next = fromJS(item) as IMap;
      const current = mutable.get(key) as IMap | undefined;
      if (!current || isNewer(next, current)) {
        mutable.set(key, next);
      }
    }
    stale.forEach((key) => mutable.delete(key));
  });
};

const initialK8sState = (): IMap =>
  fromJS({
    RESOURCES: { models: ImmutableMap(), inFlight: false, loaded: false },
  }) as IMap;

const addDiscoveredModels = (state: IMap, resources: any): IMap => {
  const staticModels = allModels() as ImmutableMap<string, K8sModel>;
  let next = state;
  for (const discovered of resources.models as K8sModel[]) {
    const ref = getReferenceForModel(discovered);
    const models = next.getIn(['RESOURCES', 'models']) as ImmutableMap<string, K8sModel>;
    if (models.has(ref)) continue;
    const sameKind = models.get(discovered.kind);
    if (sameKind && getReferenceForModel(sameKind) === ref) continue;
    if (discovered.namespaced) getNamespacedResources().add(ref);
    else getNamespacedResources().delete(ref);
    const staticEntry = staticModels.findEntry((m) => !!m && getReferenceForModel(m) === ref);
    const [key, base] = staticEntry ?? [ref, discovered];
    next = next.setIn(['RESOURCES', 'models', key], {
      ...base,
      verbs: discovered.verbs,
      shortNames: discovered.shortNames,
    });
  }
  return next
    .setIn(['RESOURCES', 'allResources'], resources.allResources)
    .setIn(['RESOURCES', 'safeResources'], resources.safeResources)
    .setIn(['RESOURCES', 'adminResources'], resources.adminResources)
    .setIn(['RESOURCES', 'configResources'], resources.configResources)
    .setIn(
      ['RESOURCES', 'clusterOperatorConfigResources'],
      resources.clusterOperatorConfigResources,
    )
    .setIn(['RESOURCES', 'namespacedSet'], resources.namespacedSet)
    .setIn(['RESOURCES', 'groupToVersionMap'], resources.groupVersionMap)
    .setIn(['RESOURCES', 'inFlight'], false)
    .setIn(['RESOURCES', 'loaded'], true);
};

export const k8sReducer = (state: IMap | undefined, action: AnyAction): IMap => {
  if (!state) {
    return initialK8sState();
  }
  const id: string | undefined = action.payload?.id;
  const data = id ? (state.getIn([id, 'data']) as IMap | undefined) : undefined;
  switch (action.type) {
    case 'getResourcesInFlight':
      return state.setIn(['RESOURCES', 'inFlight'], true);
    case 'resources':
      return addDiscoveredModels(state, action.payload.resources);
    case 'startWatchK8sObject':
      return state.set(id as string, ImmutableMap({ loadError: '', loaded: false, data: {} }));
    case 'startWatchK8sList':
      if (data) return state;
      return state.mergeDeep({
        [id as string]: {
          loadError: '',
          loaded: false,
          data: ImmutableMap(),
          filters: ImmutableMap(),
          selected: null,
        },
      });
    case 'modifyObject': {
      const incoming = action.payload.k8sObjects;
      const current = state.getIn([id as string, 'data']) as any;
      if (current && typeof current.toJS === 'function') {
        const currentJS = current.toJS();
        currentJS.metadata.resourceVersion = incoming.metadata?.resourceVersion;
        if (fromJS(currentJS).equals(fromJS(incoming))) return state;
      }
      return state.mergeIn([id as string], { loadError: '', loaded: true, data: incoming });
    }
    case 'stopWatchK8s':
      return state.delete(id as string);
    case 'errored':
      if (!data) return state;
      return state.setIn([id as string, 'loadError'], action.payload.k8sObjects);
    case 'loaded': {
      if (!data) return state;
      const marked = state.mergeDeep({ [id as string]: { loaded: true, loadError: '' } });
      return marked.setIn(
        [id as string, 'data'],
        replaceList(marked.getIn([id as string, 'data']) as IMap, action.payload.k8sObjects),
      );
    }
    case 'updateListFromWS': {
      if (!data) return state;
      let list = data;
      for (const { type, object } of action.payload.k8sObjects as { type: string; object: any }[]) {
        if (type === 'DELETED') list = list.delete(qualifiedName(object));
        else if (type === 'ADDED' || type === 'MODIFIED') list = upsert(list, object);
        else console.warn(`unknown websocket action: ${type}`);
      }
      return state.setIn([id as string, 'data'], list);
    }
    case 'bulkAddToList': {
      if (!data) return state;
      const added = (action.payload.k8sObjects as any[]).reduce(
        (acc: IMap, obj) => acc.set(qualifiedName(obj), fromJS(obj)),
        ImmutableMap(),
      );
      return state.setIn([id as string, 'data'], data.merge(added));
    }
    case 'filterList':
      return state.setIn([id as string, 'filters', action.payload.name], action.payload.value);
    default:
      return state;
  }
};

// ---- FLAGS ---------------------------------------------------------------------------------

/** Flags that turn true when discovery finds the model (subset of the console's model flags). */
const MODEL_FLAGS: Record<string, { group: string; kind: string }> = {
  OPENSHIFT_ROUTE: { group: 'route.openshift.io', kind: 'Route' },
  SECURITY_CONTEXT_CONSTRAINTS: {
    group: 'security.openshift.io',
    kind: 'SecurityContextConstraints',
  },
  CONSOLE_PLUGIN: { group: 'console.openshift.io', kind: 'ConsolePlugin' },
  PROJECTS: { group: 'project.openshift.io', kind: 'Project' },
};

export const initialFlags = (authDisabled: boolean): IMap =>
  ImmutableMap<string, any>({
    AUTH_ENABLED: !authDisabled,
    MONITORING: false,
    DEVCONSOLE_PROXY: true,
    DEVELOPER_PERSPECTIVE: true,
  });

export const flagsReducer = (state: IMap = initialFlags(false), action: AnyAction): IMap => {
  switch (action.type) {
    case 'setFlag':
      return state.set(action.payload.flag, action.payload.value);
    case 'resources': {
      const models = action.payload.resources.models as K8sModel[];
      let next = state;
      for (const [flag, { group, kind }] of Object.entries(MODEL_FLAGS)) {
        next = next.set(
          flag,
          models.some((m) => m.apiGroup === group && m.kind === kind),
        );
      }
      return next;
    }
    default:
      return state;
  }
};

// ---- UI ------------------------------------------------------------------------------------

export const uiReducer = (
  state: IMap = ImmutableMap<string, any>({ lastTick: Date.now(), activeNamespace: '' }),
  action: AnyAction,
): IMap => {
  switch (action.type) {
    case 'updateTimestamps':
      return state.set('lastTick', action.payload.lastTick);
    case 'setActiveNamespace':
      return state.set('activeNamespace', action.payload.namespace);
    case 'setActivePerspective':
      return state.set('activePerspective', action.payload.perspective);
    default:
      return state;
  }
};
