import type { K8sObject } from './k8s-types';
import type { MessageId } from './messages/catalogue';

/** Identifiers of the deployable ClearML components. */
export type ComponentId =
  'mongodb' | 'redis' | 'elasticsearch' | 'apiserver' | 'fileserver' | 'async-delete' | 'webserver';

export interface ComponentInfo {
  id: ComponentId;
  displayName: string;
  /** The display name as a message, for the page to translate inside sentences. */
  nameId: MessageId;
  workloadKind: 'Deployment' | 'StatefulSet';
  /** Components that must be ready before this one starts. */
  dependsOn: ComponentId[];
}

/** All components in start order: every entry comes after everything it depends on. */
export const COMPONENTS: readonly ComponentInfo[] = [
  {
    id: 'mongodb',
    nameId: 'component.mongodb',
    displayName: 'MongoDB',
    workloadKind: 'Deployment',
    dependsOn: [],
  },
  {
    id: 'redis',
    nameId: 'component.redis',
    displayName: 'Redis',
    workloadKind: 'StatefulSet',
    dependsOn: [],
  },
  {
    id: 'elasticsearch',
    nameId: 'component.elasticsearch',
    displayName: 'Elasticsearch',
    workloadKind: 'StatefulSet',
    dependsOn: [],
  },
  {
    id: 'apiserver',
    nameId: 'component.apiserver',
    displayName: 'API server',
    workloadKind: 'Deployment',
    dependsOn: ['mongodb', 'redis', 'elasticsearch'],
  },
  {
    id: 'fileserver',
    nameId: 'component.fileserver',
    displayName: 'File server',
    workloadKind: 'Deployment',
    dependsOn: ['apiserver'],
  },
  {
    id: 'async-delete',
    nameId: 'component.asyncDelete',
    displayName: 'Async delete',
    workloadKind: 'Deployment',
    dependsOn: ['mongodb', 'redis', 'elasticsearch', 'fileserver'],
  },
  {
    id: 'webserver',
    nameId: 'component.webserver',
    displayName: 'Web UI',
    workloadKind: 'Deployment',
    dependsOn: ['apiserver'],
  },
];

export const COMPONENT_LABEL = 'app.kubernetes.io/component';
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

const componentIds = new Set<string>(COMPONENTS.map((c) => c.id));

/** The component an object belongs to, read from its component label; undefined for shared objects. */
export function componentOf(obj: K8sObject): ComponentId | undefined {
  const value = obj.metadata.labels?.[COMPONENT_LABEL];
  return value !== undefined && componentIds.has(value) ? (value as ComponentId) : undefined;
}

export function componentInfo(id: ComponentId): ComponentInfo {
  const info = COMPONENTS.find((c) => c.id === id);
  if (!info) {
    throw new Error(`unknown component ${id}`);
  }
  return info;
}
