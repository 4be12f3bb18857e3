/**
 * NetworkPolicies per instance. The bundled data stores run without passwords (as upstream ships
 * them), so only the instance's own server pods may connect to them, on their ports. The API,
 * file and web servers admit the OpenShift router, the instance's own pods and its agents' task
 * pods. Every other pod of the cluster, including other pods of the same project, is refused.
 */
import { COMPONENT_LABEL, INSTANCE_LABEL } from '../components';
import type { K8sObject, StringMap } from '../k8s-types';
import type { ObjectKey } from '../names';
import {
  MANAGED_BY,
  meta,
  type LabelComponent,
  type RenderContext,
  selectorLabels,
} from './context';
import { PORTS } from './endpoints';

/**
 * The label a ClearML agent puts on its task pods (value: the instance name) so that they may
 * reach the instance's servers inside the cluster. Agents elsewhere use the Routes.
 */
export const AGENT_POD_LABEL = 'clearml-console-plugin/agent-of';

/**
 * The label OpenShift puts on the namespaces of the ingress controllers (router), documented for
 * exactly this use: "allow from OpenShift ingress" policies.
 */
export const ROUTER_NAMESPACE_LABEL = 'policy-group.network.openshift.io/ingress';

export interface NetworkPolicyPeer {
  podSelector?: { matchLabels?: StringMap; matchExpressions?: LabelExpression[] };
  namespaceSelector?: { matchLabels?: StringMap };
}

export interface LabelExpression {
  key: string;
  operator: 'In';
  values: string[];
}

export interface NetworkPolicyIngressRule {
  from: NetworkPolicyPeer[];
  ports: { protocol: 'TCP'; port: number }[];
}

export interface NetworkPolicy extends K8sObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  spec: {
    podSelector: { matchLabels: StringMap };
    policyTypes: ['Ingress'];
    ingress: NetworkPolicyIngressRule[];
  };
}

/** The servers that talk to the data stores: the API server and async delete. */
const DATA_STORE_CLIENTS = ['apiserver', 'async-delete'];

function policy(
  ctx: RenderContext,
  key: ObjectKey,
  component: LabelComponent,
  ingress: NetworkPolicyIngressRule[],
): NetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(ctx, key, component),
    spec: {
      podSelector: { matchLabels: selectorLabels(ctx, component) },
      policyTypes: ['Ingress'],
      ingress,
    },
  };
}

const tcp = (...ports: number[]) => ports.map((port) => ({ protocol: 'TCP' as const, port }));

/** Pods of this instance with one of the given components (same namespace). */
const instancePods = (ctx: RenderContext, components: string[]): NetworkPolicyPeer => ({
  podSelector: {
    matchLabels: { [INSTANCE_LABEL]: ctx.values.name },
    matchExpressions: [{ key: COMPONENT_LABEL, operator: 'In', values: components }],
  },
});

/** Who may reach a ClearML server: the router, the instance's own pods and its agents' pods. */
function serverPeers(ctx: RenderContext): NetworkPolicyPeer[] {
  return [
    { namespaceSelector: { matchLabels: { [ROUTER_NAMESPACE_LABEL]: '' } } },
    {
      podSelector: {
        matchLabels: {
          [INSTANCE_LABEL]: ctx.values.name,
          'app.kubernetes.io/managed-by': MANAGED_BY,
        },
      },
    },
    { podSelector: { matchLabels: { [AGENT_POD_LABEL]: ctx.values.name } } },
  ];
}

export function renderNetworkPolicies(ctx: RenderContext): NetworkPolicy[] {
  const c = ctx.values.components;
  const clients = instancePods(ctx, DATA_STORE_CLIENTS);
  const out: NetworkPolicy[] = [];
  if (c.mongodb.enabled) {
    out.push(
      policy(ctx, 'mongodbPolicy', 'mongodb', [{ from: [clients], ports: tcp(PORTS.mongodb) }]),
    );
  }
  if (c.redis.enabled) {
    out.push(policy(ctx, 'redisPolicy', 'redis', [{ from: [clients], ports: tcp(PORTS.redis) }]));
  }
  if (c.elasticsearch.enabled) {
    out.push(
      policy(ctx, 'elasticsearchPolicy', 'elasticsearch', [
        { from: [clients], ports: tcp(PORTS.elasticsearchHttp) },
        // The nodes of a cluster talk to each other on the transport port.
        {
          from: [instancePods(ctx, ['elasticsearch'])],
          ports: tcp(PORTS.elasticsearchTransport),
        },
      ]),
    );
  }
  const peers = serverPeers(ctx);
  out.push(
    policy(ctx, 'apiserverPolicy', 'apiserver', [{ from: peers, ports: tcp(PORTS.apiserver) }]),
  );
  if (c.fileserver.enabled) {
    out.push(
      policy(ctx, 'fileserverPolicy', 'fileserver', [
        { from: peers, ports: tcp(PORTS.fileserver) },
      ]),
    );
  }
  if (c.webserver.enabled) {
    out.push(
      policy(ctx, 'webserverPolicy', 'webserver', [{ from: peers, ports: tcp(PORTS.webserver) }]),
    );
  }
  return out;
}
