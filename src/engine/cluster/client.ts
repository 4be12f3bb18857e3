/**
 * The one interface the deploy engine talks to a cluster through. Two thin adapters implement
 * it: one over the console SDK (requests go through the console's Kubernetes proxy) and one over
 * @kubernetes/client-node (the command line). Everything above this interface is pure logic.
 */
import type { K8sObject } from '../k8s-types';

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * Only each item's metadata (a PartialObjectMetadataList, `METADATA_LIST_ACCEPT`): for reading
   * the labels of Secrets without ever receiving their data.
   */
  metadataOnly?: boolean;
}

export interface ApplyOptions {
  /** Server-side dry run: validated and admitted, never stored. */
  dryRun?: boolean;
  /** Take over fields another manager owns (only for fields this tool rendered itself). */
  force?: boolean;
}

export interface DeleteOptions {
  /** Background, Foreground or Orphan; defaults to Background. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

export interface ResourceAttributes {
  group: string;
  resource: string;
  verb: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface AccessReviewResult {
  allowed: boolean;
  reason?: string;
}

export interface ClusterClient {
  /** The object, or undefined when it does not exist (404). */
  get<T extends K8sObject = K8sObject>(ref: ObjectRef): Promise<T | undefined>;
  list<T extends K8sObject = K8sObject>(
    apiVersion: string,
    kind: string,
    options?: ListOptions,
  ): Promise<T[]>;
  /** Server-side apply with this tool's field manager; returns the object as stored. */
  apply<T extends K8sObject>(obj: T, options?: ApplyOptions): Promise<T>;
  /** Plain create (for objects such as reviews that cannot be applied). */
  create<T extends K8sObject, R extends K8sObject = T>(obj: T): Promise<R>;
  /** Deletes the object; resolves when the API accepted the deletion (404 counts as done). */
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<void>;
  /** SelfSubjectAccessReview for the current user. */
  canI(attributes: ResourceAttributes): Promise<AccessReviewResult>;
  /** Whether the API server serves this group/version (and kind, when given). */
  serves(apiVersion: string, kind?: string): Promise<boolean>;
}

/** The field manager every write uses, so re-applies and ownership checks are consistent. */
export const FIELD_MANAGER = 'clearml-console-plugin';
