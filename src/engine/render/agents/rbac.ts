/**
 * An agent's identities and its one namespaced Role.
 *
 * The glue drives Kubernetes only through `kubectl` in a subprocess, never a client library
 * (clearml-agent v3.0.3 clearml_agent/glue/k8s.py; v1.9.2 k8s.py:55, 257-276, 911-924, 943-953),
 * and only on pods unless tasks run as Jobs, which the plugin does not enable:
 * - `kubectl get pods -l … -o json` to count and monitor its task pods: list (k8s.py:327-333,
 *   409-416; v3.0.3 k8s.py:348-349, 432-450 and glue/pending_pods_daemon.py:19-28);
 * - `kubectl apply --namespace=<ns> -f <pod.yaml>` to start a task: get, then create (patch
 *   when the pod exists) (k8s.py:55, 911-924);
 * - `kubectl delete pod -l <agent label> --field-selector …` and `kubectl delete pod <name>`
 *   for finished, failed or aborted tasks (k8s.py:943-953; v3.0.3 k8s.py:1080-1124,
 *   pending_pods_daemon.py:139). kubectl deletes what it selects one object at a time (no
 *   `deletecollection`) and by default waits for each to be gone, which gets the pod and then
 *   watches it (kubernetes/kubectl pkg/cmd/wait: `IsDeleted`), hence get and watch.
 * The upstream chart's Role also grants secrets, services, events and namespaces
 * (clearml-helm-charts clearml-agent-5.3.2 templates/agentk8sglue-rbac.yaml:13-30): Secrets and
 * Services serve its optional ports mode, which is not rendered here, and nothing in the glue
 * reads events or namespaces. No ClusterRole, no ClusterRoleBinding.
 *
 * Task pods run under a second ServiceAccount with no Role and no token: in the chart they share
 * the glue's account (templates/agentk8sglue-configmap.yaml:27), so every task could create and
 * delete pods and Secrets.
 */
import type { Role, RoleBinding, ServiceAccount } from '../../k8s-types';
import type { AgentValues } from '../../values/schema';
import type { RenderContext } from '../context';
import { agentMeta, agentObjectName } from './names';

export const AGENT_POD_VERBS = ['get', 'list', 'watch', 'create', 'patch', 'delete'];

export function renderAgentRbac(
  ctx: RenderContext,
  agent: AgentValues,
): [ServiceAccount, ServiceAccount, Role, RoleBinding] {
  const glue = agentObjectName(ctx, agent, 'glue');
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: agentMeta(ctx, agent, 'glue'),
      // Only the glue pod mounts a token (it runs kubectl); see glue.ts.
      automountServiceAccountToken: false,
    },
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: agentMeta(ctx, agent, 'task'),
      automountServiceAccountToken: false,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: agentMeta(ctx, agent, 'glue'),
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: AGENT_POD_VERBS }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: agentMeta(ctx, agent, 'glue'),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: glue },
      subjects: [{ kind: 'ServiceAccount', name: glue, namespace: ctx.values.namespace }],
    },
  ];
}
