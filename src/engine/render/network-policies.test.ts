// The NetworkPolicies' contents, and who they let in, evaluated over the rendered pod templates
// plus pods that must stay out (another instance's, an agent's, any other pod).
import type { K8sObject, StringMap, Workload } from '../k8s-types';
import { isWorkload } from '../k8s-types';
import { createValues } from '../values';
import { render } from './render';
import {
  AGENT_POD_LABEL,
  type LabelExpression,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  ROUTER_NAMESPACE_LABEL,
} from './network-policies';

interface Pod {
  name: string;
  labels: StringMap;
  namespaceLabels: StringMap;
  sameNamespace: boolean;
}

function matches(
  selector: { matchLabels?: StringMap; matchExpressions?: LabelExpression[] },
  labels: StringMap,
): boolean {
  const equal = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const sets = (selector.matchExpressions ?? []).every((e) => e.values.includes(labels[e.key]));
  return equal && sets;
}

/** Whether a NetworkPolicy peer admits a pod (the Kubernetes rules for podSelector/namespaceSelector). */
function peerAdmits(peer: NetworkPolicyPeer, pod: Pod): boolean {
  if (peer.namespaceSelector) {
    return (
      matches(peer.namespaceSelector, pod.namespaceLabels) &&
      (!peer.podSelector || matches(peer.podSelector, pod.labels))
    );
  }
  return pod.sameNamespace && !!peer.podSelector && matches(peer.podSelector, pod.labels);
}

/** Ports on `target` that `source` may reach, given every policy (none selecting: all open). */
function reachablePorts(policies: NetworkPolicy[], source: Pod, target: Pod): number[] | 'all' {
  const selecting = policies.filter((p) => matches(p.spec.podSelector, target.labels));
  if (!selecting.length) return 'all';
  return [
    ...new Set(
      selecting.flatMap((p) =>
        p.spec.ingress
          .filter((rule) => rule.from.some((peer) => peerAdmits(peer, source)))
          .flatMap((rule) => rule.ports.map((port) => port.port)),
      ),
    ),
  ].sort((a, b) => a - b);
}

const podOf = (w: Workload): Pod => ({
  name: w.metadata.labels?.['app.kubernetes.io/component'] ?? w.metadata.name,
  labels: w.spec.template.metadata?.labels ?? {},
  namespaceLabels: {},
  sameNamespace: true,
});

const policiesOf = (objects: K8sObject[]) =>
  objects.filter((o): o is NetworkPolicy => o.kind === 'NetworkPolicy');

describe('network policies of an instance', async () => {
  const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
  const policies = policiesOf(objects);
  const pods = Object.fromEntries(objects.filter(isWorkload).map((w) => [podOf(w).name, podOf(w)]));
  const other = await render(createValues({ name: 'other', namespace: 'team-a' }));
  const otherApiserver = podOf(
    other.filter(isWorkload).find((w) => w.metadata.name === 'other-apiserver')!,
  );
  const agent: Pod = {
    name: 'agent',
    labels: { [AGENT_POD_LABEL]: 'ml' },
    namespaceLabels: {},
    sameNamespace: true,
  };
  const stranger: Pod = {
    name: 'stranger',
    labels: { app: 'x' },
    namespaceLabels: {},
    sameNamespace: true,
  };
  const router: Pod = {
    name: 'router',
    labels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
    namespaceLabels: { [ROUTER_NAMESPACE_LABEL]: '' },
    sameNamespace: false,
  };
  const elsewhere: Pod = { ...pods.apiserver, name: 'elsewhere', sameNamespace: false };

  it('renders one ingress-only policy per component with a listening port', () => {
    expect(policies.map((p) => p.metadata.name).sort()).toEqual([
      'ml-netpol-apiserver',
      'ml-netpol-elasticsearch',
      'ml-netpol-fileserver',
      'ml-netpol-mongodb',
      'ml-netpol-redis',
      'ml-netpol-webserver',
    ]);
    for (const p of policies) {
      expect(p.spec.policyTypes).toEqual(['Ingress']);
      expect(p.metadata.labels?.['app.kubernetes.io/instance']).toBe('ml');
    }
  });

  it('selects exactly the pods of its own component', () => {
    for (const p of policies) {
      const selected = Object.values(pods).filter((pod) => matches(p.spec.podSelector, pod.labels));
      expect(selected.map((pod) => pod.name)).toEqual([
        p.metadata.labels?.['app.kubernetes.io/component'],
      ]);
      expect(matches(p.spec.podSelector, otherApiserver.labels)).toBe(false);
    }
  });

  it('lets only the API server and async delete reach the data stores, on their ports', () => {
    const stores: [string, number[]][] = [
      ['mongodb', [27017]],
      ['redis', [6379]],
      ['elasticsearch', [9200]],
    ];
    for (const [store, ports] of stores) {
      expect(reachablePorts(policies, pods.apiserver, pods[store])).toEqual(ports);
      expect(reachablePorts(policies, pods['async-delete'], pods[store])).toEqual(ports);
      for (const source of [
        pods.webserver,
        pods.fileserver,
        otherApiserver,
        agent,
        stranger,
        router,
        elsewhere,
      ]) {
        expect(reachablePorts(policies, source, pods[store]), `${source.name} → ${store}`).toEqual(
          [],
        );
      }
    }
    expect(reachablePorts(policies, pods.elasticsearch, pods.elasticsearch)).toEqual([9300]);
  });

  it('lets the router, the own pods and the agents reach the servers, and nobody else', () => {
    const servers: [string, number][] = [
      ['apiserver', 8008],
      ['fileserver', 8081],
      ['webserver', 80],
    ];
    for (const [server, port] of servers) {
      for (const source of [router, agent, pods.webserver, pods['async-delete'], pods.fileserver]) {
        expect(
          reachablePorts(policies, source, pods[server]),
          `${source.name} → ${server}`,
        ).toEqual([port]);
      }
      for (const source of [otherApiserver, stranger, elsewhere]) {
        expect(
          reachablePorts(policies, source, pods[server]),
          `${source.name} → ${server}`,
        ).toEqual([]);
      }
    }
    // Async delete listens on nothing and gets no policy.
    expect(reachablePorts(policies, stranger, pods['async-delete'])).toBe('all');
  });

  it('leaves out the policies of external data stores and disabled servers', async () => {
    const external = policiesOf(
      await render(
        createValues({
          components: {
            mongodb: {
              enabled: false,
              external: {
                backendConnectionString: 'mongodb://m/b',
                authConnectionString: 'mongodb://m/a',
              },
            },
            redis: { enabled: false, external: { host: 'redis.example.com' } },
            elasticsearch: { enabled: false, external: { hosts: [{ host: 'es' }] } },
            fileserver: { enabled: false },
            asyncDelete: { enabled: false },
            webserver: { enabled: false },
          },
        }),
      ),
    );
    expect(external.map((p) => p.metadata.name)).toEqual(['clearml-netpol-apiserver']);
  });
});
