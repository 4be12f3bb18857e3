import type { z } from 'zod';
import type { MessageId } from '../messages/catalogue';
import { type MessageParam, msg } from '../messages/message';
import { generatedRouteLabelLength, MAX_DNS_LABEL_LENGTH } from '../names';
import { halfAsJavaHeap, parseJavaHeap, parseQuantity } from '../quantity';
import { glueResources, taskPodResources } from './agent-presets';
import { RESOURCE_COMPONENTS, type ResourceSpec } from './presets';
import { resolveResources } from './resources';
import { addIssue } from './rule-message';
import type { ClearMLValues } from './schema';

type Ctx = z.RefinementCtx<ClearMLValues>;

function issue(
  ctx: Ctx,
  path: (string | number)[],
  id: MessageId,
  params?: Record<string, MessageParam>,
): void {
  addIssue(ctx, msg(id, params), path);
}

/** Rules that involve more than one field; each issue names the field to change. */
export function checkCrossFieldRules(v: ClearMLValues, ctx: Ctx): void {
  checkRouteHostLength(v, ctx);
  checkExternalServices(v, ctx);
  checkResources(v, ctx);
  checkElasticsearchHeap(v, ctx);
  checkDistinctHosts(v, ctx);
  checkAgents(v, ctx);
  checkExistingClaims(v, ctx);
  if (v.components.fileserver.replicas > 1 && v.storage.fileserver.accessMode !== 'ReadWriteMany') {
    issue(ctx, ['components', 'fileserver', 'replicas'], 'values.rule.fileserverReplicas');
  }
  if (v.exposure.hosts.files && v.components.webserver.enabled) {
    issue(ctx, ['exposure', 'hosts', 'files'], 'values.rule.filesHost');
  }
  if (v.components.asyncDelete.enabled && !v.components.fileserver.enabled) {
    issue(ctx, ['components', 'asyncDelete', 'enabled'], 'values.rule.asyncDelete');
  }
}

function checkRouteHostLength(v: ClearMLValues, ctx: Ctx): void {
  const h = v.exposure.hosts;
  const filesHostNeeded = v.components.fileserver.enabled && !v.components.webserver.enabled;
  if (!v.exposure.routes || (h.app && h.api && (h.files || !filesHostNeeded))) {
    return;
  }
  const length = generatedRouteLabelLength(v.name, v.namespace);
  if (length > MAX_DNS_LABEL_LENGTH) {
    issue(ctx, ['name'], 'values.rule.routeHostLength', { length, max: MAX_DNS_LABEL_LENGTH });
  }
}

function checkExternalServices(v: ClearMLValues, ctx: Ctx): void {
  const c = v.components;
  for (const id of ['mongodb', 'redis', 'elasticsearch'] as const) {
    if (!c[id].enabled && !c[id].external) {
      issue(ctx, ['components', id, 'external'], 'values.rule.external', { component: id });
    }
  }
}

function checkResources(v: ClearMLValues, ctx: Ctx): void {
  for (const component of RESOURCE_COMPONENTS) {
    checkSpec(ctx, ['resources', component], resolveResources(v, component));
  }
}

function checkSpec(ctx: Ctx, at: (string | number)[], r: ResourceSpec): void {
  for (const kind of ['cpu', 'memory'] as const) {
    const request = parseQuantity(r.requests[kind]);
    const limit = parseQuantity(r.limits[kind]);
    if (request === undefined || limit === undefined) {
      continue; // already reported by the field rule
    }
    if (request > limit) {
      issue(ctx, [...at, 'requests', kind], 'values.rule.requestAboveLimit', {
        resource: kind,
        request: r.requests[kind],
        limit: r.limits[kind],
      });
    }
    if (limit === 0) {
      issue(ctx, [...at, 'limits', kind], 'values.rule.zeroLimit', { resource: kind });
    }
  }
}

function checkElasticsearchHeap(v: ClearMLValues, ctx: Ctx): void {
  const es = v.components.elasticsearch;
  if (!es.enabled) {
    return;
  }
  const limitText = resolveResources(v, 'elasticsearch').limits.memory;
  const limit = parseQuantity(limitText);
  const heap = parseJavaHeap(es.heap ?? halfAsJavaHeap(limitText));
  if (limit !== undefined && heap !== undefined && heap > limit / 2) {
    const path = es.heap
      ? ['components', 'elasticsearch', 'heap']
      : ['resources', 'elasticsearch', 'limits', 'memory'];
    issue(ctx, path, 'values.rule.heap', {
      heap: es.heap ?? halfAsJavaHeap(limitText),
      limit: limitText,
    });
  }
}

function checkDistinctHosts(v: ClearMLValues, ctx: Ctx): void {
  const seen = new Map<string, string>();
  for (const key of ['app', 'api', 'files'] as const) {
    const host = v.exposure.hosts[key];
    if (!host) {
      continue;
    }
    const other = seen.get(host);
    if (other) {
      issue(ctx, ['exposure', 'hosts', key], 'values.rule.hostTwice', { host, other });
    }
    seen.set(host, key);
  }
}

function checkAgents(v: ClearMLValues, ctx: Ctx): void {
  if (v.agents.length && !v.components.fileserver.enabled) {
    // The glue's entrypoint looks up a public IP when CLEARML_FILES_HOST is empty
    // (clearml-agent v1.9.2 docker/k8s-glue/build-resources/entrypoint.sh:3-9).
    issue(ctx, ['agents'], 'values.rule.agentsNeedFiles');
  }
  v.agents.forEach((a, i) => {
    checkSpec(ctx, ['agents', i, 'taskPod', 'resources'], taskPodResources(a));
    checkSpec(ctx, ['agents', i, 'resources'], glueResources(a));
  });
}

/** Stores that keep their data on a volume, which `storage.<store>.existingClaim` may replace. */
const CLAIM_STORES = ['fileserver', 'mongodb', 'redis', 'elasticsearch'] as const;

function checkExistingClaims(v: ClearMLValues, ctx: Ctx): void {
  for (const store of CLAIM_STORES) {
    const claim = v.storage[store].existingClaim;
    if (claim && !v.components[store].enabled) {
      issue(ctx, ['storage', store, 'existingClaim'], 'values.rule.existingClaimDisabled', {
        component: store,
      });
    }
  }
  // A StatefulSet's pods would all mount the one claim; only Elasticsearch has more than one
  // (Redis and MongoDB always run one replica).
  const esClaim = v.storage.elasticsearch.existingClaim;
  if (esClaim && v.components.elasticsearch.replicas !== 1) {
    issue(ctx, ['components', 'elasticsearch', 'replicas'], 'values.rule.existingClaimReplicas', {
      component: 'elasticsearch',
      claim: esClaim.name,
    });
  }
}
