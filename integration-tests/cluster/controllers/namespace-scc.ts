import * as k8s from '@kubernetes/client-node';
import { runInformer } from './informer';

/**
 * Gives every namespace the SCC allocation annotations OpenShift's cluster-policy-controller
 * sets: a UID block (`<start>/<size>`, shared by uid-range and supplemental-groups) and an MCS
 * label, each unique per namespace.
 */
export const UID_RANGE = 'openshift.io/sa.scc.uid-range';
export const SUPPLEMENTAL_GROUPS = 'openshift.io/sa.scc.supplemental-groups';
export const MCS = 'openshift.io/sa.scc.mcs';

const UID_BASE = 1_000_000_000;
const BLOCK_SIZE = 10_000;
const BLOCKS = 100_000; // 1000000000-1999999999 in blocks of 10000

/** The n-th two-category MCS label, in the order c1,c0 / c2,c0 / c2,c1 / c3,c0 ... */
export function mcsLabel(n: number): string {
  let hi = 1;
  let remaining = n;
  while (remaining >= hi) {
    remaining -= hi;
    hi += 1;
  }
  return `s0:c${hi},c${remaining}`;
}

export function blockOf(range: string | undefined): number | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(range ?? '');
  if (!m) return undefined;
  const start = Number(m[1]);
  return (start - UID_BASE) / BLOCK_SIZE;
}

export function startNamespaceAllocator(kc: k8s.KubeConfig): void {
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const used = new Set<number>();
  const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);

  const allocate = (): number => {
    for (let i = 0; i < BLOCKS; i += 1) {
      if (!used.has(i)) return i;
    }
    throw new Error('no free UID blocks left');
  };

  runInformer<k8s.V1Namespace>(
    'namespace-scc',
    kc,
    '/api/v1/namespaces',
    () => core.listNamespace(),
    async (ns) => {
      const annotations = ns.metadata?.annotations ?? {};
      const existing = blockOf(annotations[UID_RANGE]);
      if (existing !== undefined) {
        used.add(existing);
        if (annotations[SUPPLEMENTAL_GROUPS] && annotations[MCS]) return;
      }
      if (ns.status?.phase === 'Terminating') return;
      const block = existing ?? allocate();
      used.add(block);
      const range = `${UID_BASE + block * BLOCK_SIZE}/${BLOCK_SIZE}`;
      await core.patchNamespace(
        {
          name: ns.metadata!.name!,
          body: {
            metadata: {
              annotations: {
                [UID_RANGE]: annotations[UID_RANGE] ?? range,
                [SUPPLEMENTAL_GROUPS]: annotations[SUPPLEMENTAL_GROUPS] ?? range,
                [MCS]: annotations[MCS] ?? mcsLabel(block),
              },
            },
          },
        },
        merge,
      );
      console.log(
        `[namespace-scc] ${ns.metadata!.name}: uid-range ${range}, mcs ${mcsLabel(block)}`,
      );
    },
  );
}
