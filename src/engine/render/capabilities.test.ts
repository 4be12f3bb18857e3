// Capabilities of the ClearML server containers: drop ALL except what the web UI's nginx master
// provably uses, and admission under anyuid still passes (anyuid lets a pod add none back).
import type { Container, K8sObject, Workload } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import { admit } from '../scc/admit';
import { planScc } from '../scc/plan';
import { createValues } from '../values';
import { render } from './render';

/** The capabilities Docker, containerd and CRI-O grant a container unless it drops them. */
const RUNTIME_DEFAULTS = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** What a container keeps of the runtime defaults after its drops. */
function kept(c: Container): string[] {
  const drop = c.securityContext?.capabilities?.drop ?? [];
  const add = c.securityContext?.capabilities?.add ?? [];
  if (drop.includes('ALL')) return [...add].sort();
  return [...RUNTIME_DEFAULTS.filter((cap) => !drop.includes(cap)), ...add].sort();
}

const SERVERS = ['apiserver', 'async-delete', 'fileserver', 'webserver'];

describe.each(['least-privilege', 'chart-compatible'] as const)(
  'server capabilities (%s)',
  (mode) => {
    it('keeps none in the Python servers and the wait containers, five in nginx', async () => {
      const objects = await render(createValues({ name: 'ml', security: { mode } }));
      const servers = objects.filter(
        (o: K8sObject): o is Workload =>
          isWorkload(o) &&
          SERVERS.includes(o.metadata.labels?.['app.kubernetes.io/component'] ?? ''),
      );
      expect(servers).toHaveLength(4);
      const keptBy: Record<string, string[]> = {};
      for (const w of servers) {
        const pod = w.spec.template.spec;
        for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
          keptBy[c.name] = kept(c);
          expect(c.securityContext?.allowPrivilegeEscalation).toBe(false);
          expect(c.securityContext?.capabilities?.add).toBeUndefined();
        }
        // The SCC that admits the server pods is still anyuid, and it admits them as rendered.
        expect(admit(pod, 'anyuid').reasons).toEqual([]);
      }
      expect(keptBy).toEqual({
        'init-apiserver': [],
        'clearml-apiserver': [],
        'init-async-delete': [],
        'clearml-async-delete': [],
        'init-fileserver': [],
        'clearml-fileserver': [],
        'init-webserver': [],
        'clearml-webserver': ['CHOWN', 'KILL', 'NET_BIND_SERVICE', 'SETGID', 'SETUID'],
      });
      const plan = planScc(objects, { mode });
      for (const sa of ['ml-apiserver', 'ml-fileserver', 'ml-webserver']) {
        expect(plan.find((p) => p.serviceAccount === sa)?.scc).toBe('anyuid');
      }
    });
  },
);
