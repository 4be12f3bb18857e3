import type { K8sObject, K8sSecret, Route } from '../k8s-types';
import { planScc, type SccPlanEntry } from '../scc/plan';
import type { ClearMLValues } from '../values/schema';
import { renderAgents } from './agents';
import { renderApiserver } from './apiserver';
import { renderAsyncDelete } from './async-delete';
import { createContext } from './context';
import { renderElasticsearch } from './elasticsearch';
import { renderFileserver } from './fileserver';
import { renderMongodb } from './mongodb';
import { renderNetworkPolicies } from './network-policies';
import { sortObjects } from './order';
import { linkWorkloads } from './topology';
import { cryptoRandomBytes, type RandomBytes } from './random';
import { renderRedis } from './redis';
import { renderRoutes } from './routes';
import { renderSccRoleBindings } from './scc-rolebindings';
import { renderCredentialsSecret } from './secrets';
import { renderServiceAccounts } from './service-accounts';
import { renderWebserver } from './webserver';

/** Live objects of an installed instance, keyed by object name. */
export interface ExistingObjects {
  /** The live credentials Secret: its values are kept (an upgrade never rotates credentials). */
  secrets?: Record<string, K8sSecret>;
  /** Live Routes: their admitted hosts become the external URLs the web UI and SDK are told. */
  routes?: Record<string, Route>;
  /**
   * The Secret named in `credentials.existingSecret` (e.g. the upstream chart's `clearml-conf`),
   * when it exists: its credentials fill those the instance's Secret does not hold yet.
   */
  existingSecret?: K8sSecret;
}

export interface RenderOptions {
  /** The namespace's `openshift.io/sa.scc.*` annotations when known (for the SCC plan). */
  namespaceAnnotations?: Record<string, string>;
  /** Source of random bytes for generated credentials; Web Crypto by default. */
  randomBytes?: RandomBytes;
}

export interface RenderResult {
  objects: K8sObject[];
  plan: SccPlanEntry[];
}

/** Renders every object of an instance plus its SCC plan. */
export async function renderWithPlan(
  values: ClearMLValues,
  existing: ExistingObjects = {},
  options: RenderOptions = {},
): Promise<RenderResult> {
  const ctx = createContext(values, existing.routes);
  const c = values.components;
  const workloads: K8sObject[] = linkWorkloads([
    ...(c.mongodb.enabled ? renderMongodb(ctx) : []),
    ...(c.redis.enabled ? renderRedis(ctx) : []),
    ...(c.elasticsearch.enabled ? renderElasticsearch(ctx) : []),
    ...renderApiserver(ctx),
    ...(c.fileserver.enabled ? renderFileserver(ctx) : []),
    ...(c.asyncDelete.enabled && c.fileserver.enabled ? renderAsyncDelete(ctx) : []),
    ...(c.webserver.enabled ? renderWebserver(ctx) : []),
  ]);
  // Agents come after the API server they wait for; their task pods are planned too.
  const agents = renderAgents(ctx);
  const plan = planScc([...workloads, ...agents.objects, ...agents.taskWorkloads], {
    mode: values.security.mode,
    namespaceAnnotations: options.namespaceAnnotations,
  });
  const secret = renderCredentialsSecret(
    ctx,
    existing.secrets?.[ctx.credentialsSecret],
    options.randomBytes ?? cryptoRandomBytes,
    existing.existingSecret,
  );
  const objects = sortObjects([
    ...renderServiceAccounts(ctx),
    ...renderSccRoleBindings(ctx, plan),
    secret,
    ...renderNetworkPolicies(ctx),
    ...workloads,
    ...agents.objects,
    ...renderRoutes(ctx),
  ]);
  return { objects, plan };
}

/**
 * Renders every Kubernetes object of a ClearML instance, in apply order. Async because credential
 * generation uses Web Crypto.
 */
export async function render(
  values: ClearMLValues,
  existing: ExistingObjects = {},
  options: RenderOptions = {},
): Promise<K8sObject[]> {
  return (await renderWithPlan(values, existing, options)).objects;
}
