/**
 * The scheduler's "0/3 nodes are available: …. preemption: …" message as one clean clause: the
 * preemption part dropped, known causes in plain words, each part once, no stray full stops.
 * Message shapes from kube-scheduler (pkg/scheduler/framework/types.go `FitError.Error`,
 * volumebinding `ErrReasonBindConflict`/`ErrReasonUnboundImmediatePVC`, v1.33).
 */

const KNOWN: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/pod has unbound immediate PersistentVolumeClaims/i, () => 'its volume is not bound yet'],
  [/persistentvolumeclaim "([^"]+)" not found/i, (m) => `volume claim ${m[1]} does not exist`],
  [
    /persistentvolumeclaim "([^"]+)" is being deleted/i,
    (m) => `volume claim ${m[1]} is being deleted`,
  ],
  [
    /Insufficient (cpu|memory)/i,
    (m) => `no node has enough free ${m[1].toLowerCase() === 'cpu' ? 'CPU' : 'memory'}`,
  ],
  // Extended resources (`nvidia.com/gpu`): the scheduler says "Insufficient" both when no node
  // has the resource and when every one is in use (noderesources plugin, `Fit`).
  [/Insufficient ([\w.-]+\/[\w.-]+)/, (m) => `no node with ${m[1]} available`],
  [/untolerated taint/i, () => 'the nodes have taints the pod does not tolerate'],
  [/didn't match Pod's node affinity\/selector/i, () => "no node matches the pod's node selector"],
  [/volume node affinity conflict/i, () => 'its volume is on a node the pod cannot use'],
];

/**
 * Clauses that say nothing about why the pod waits: the dynamic resource allocation plugin's
 * PostFilter adds "no new claims to deallocate" before the preemption part whenever it has
 * nothing to free (kube-scheduler v1.34, seen on the local control plane).
 */
const NOISE = [/^no new claims to deallocate$/i];

export const stripFullStop = (text: string) => text.trim().replace(/[.\s]+$/, '');

export function schedulerReason(message: string | undefined): string {
  if (!message?.trim()) return 'no node fits it';
  const main = message.split(/\bpreemption:/i)[0];
  const detail = main.replace(/^\s*\d+\/\d+ nodes are available:\s*/i, '');
  const parts = detail
    .split(/[,.](?=\s|$)/)
    .map((p) => stripFullStop(p.replace(/^\s*\d+\s+/, '')))
    .filter((p) => p && !NOISE.some((re) => re.test(p)));
  const words = parts.map((p) => {
    for (const [re, say] of KNOWN) {
      const m = p.match(re);
      if (m) return say(m);
    }
    return p;
  });
  const unique = [...new Set(words)];
  return unique.length ? unique.join('; ') : 'no node fits it';
}
