import type { ServiceAccount } from '../k8s-types';
import type { ObjectKey } from '../names';
import { meta, type LabelComponent, type RenderContext } from './context';

/** One ServiceAccount per workload kind, so SCC grants stay narrow (async delete shares the API's). */
export function renderServiceAccounts(ctx: RenderContext): ServiceAccount[] {
  const c = ctx.values.components;
  const wanted: [ObjectKey, LabelComponent, boolean][] = [
    ['apiserver', 'apiserver', true],
    ['fileserver', 'fileserver', c.fileserver.enabled],
    ['webserver', 'webserver', c.webserver.enabled],
    ['mongodb', 'mongodb', c.mongodb.enabled],
    ['redis', 'redis', c.redis.enabled],
    ['elasticsearch', 'elasticsearch', c.elasticsearch.enabled],
  ];
  return wanted
    .filter(([, , enabled]) => enabled)
    .map(([key, component]) => ({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta(ctx, key, component),
      automountServiceAccountToken: false,
    }));
}
