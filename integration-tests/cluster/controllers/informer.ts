import * as k8s from '@kubernetes/client-node';

export type Handler<T> = (obj: T) => Promise<void>;

/**
 * Runs `handler` for every object the informer sees (add, update) and again on a periodic
 * resync, restarting the informer after errors. Handlers run one at a time so allocation
 * decisions never race each other.
 */
export function runInformer<T extends k8s.KubernetesObject>(
  name: string,
  kc: k8s.KubeConfig,
  path: string,
  list: k8s.ListPromise<T>,
  handler: Handler<T>,
  resyncMs = 10_000,
  onDelete?: Handler<T>,
): k8s.Informer<T> & k8s.ObjectCache<T> {
  const informer = k8s.makeInformer<T>(kc, path, list);
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (obj: T): void => {
    queue = queue
      .then(() => handler(obj))
      .catch((err: unknown) => {
        const meta = obj.metadata;
        console.error(`[${name}] ${meta?.namespace ?? ''}/${meta?.name ?? ''}: ${describe(err)}`);
      });
  };
  informer.on(k8s.ADD, enqueue);
  informer.on(k8s.UPDATE, enqueue);
  if (onDelete) {
    informer.on(k8s.DELETE, (obj: T) => {
      queue = queue
        .then(() => onDelete(obj))
        .catch((err: unknown) => console.error(`[${name}] after delete: ${describe(err)}`));
    });
  }
  informer.on(k8s.ERROR, (err: unknown) => {
    console.error(`[${name}] watch error: ${describe(err)}; restarting in 1s`);
    setTimeout(() => void informer.start().catch(() => undefined), 1000);
  });
  void informer
    .start()
    .catch((err: unknown) => console.error(`[${name}] start failed: ${describe(err)}`));
  setInterval(() => informer.list().forEach(enqueue), resyncMs).unref();
  console.log(`[${name}] watching ${path}`);
  return informer;
}

export function describe(err: unknown): string {
  if (err instanceof k8s.ApiException) {
    return `HTTP ${err.code}: ${typeof err.body === 'string' ? err.body : JSON.stringify(err.body)}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function isConflictOrExists(err: unknown): boolean {
  return err instanceof k8s.ApiException && (err.code === 409 || err.code === 404);
}
