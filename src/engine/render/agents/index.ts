/** Every object of the instance's agents, and the task pods' template for the SCC plan. */
import type { Deployment, K8sObject } from '../../k8s-types';
import type { RenderContext } from '../context';
import { renderGlue } from './glue';
import { agentMeta, taskPodLabels } from './names';
import { renderAgentRbac } from './rbac';
import { renderTaskTemplate, taskPodAnnotations, taskPodSpec } from './task-template';

export { AGENT_NAME_LABEL, agentObjectName } from './names';
export { AGENT_POD_VERBS } from './rbac';

/** The container name and image the glue fills in, for admission checks of the template. */
export const TASK_CONTAINER = 'clearml-task';

export interface AgentObjects {
  objects: K8sObject[];
  /**
   * One stand-in workload per agent for the task pods the glue will create, so that the SCC plan
   * covers the task ServiceAccount. Never applied.
   */
  taskWorkloads: Deployment[];
}

export function renderAgents(ctx: RenderContext): AgentObjects {
  const objects: K8sObject[] = [];
  const taskWorkloads: Deployment[] = [];
  for (const agent of ctx.values.agents) {
    const template = renderTaskTemplate(ctx, agent);
    objects.push(
      ...renderAgentRbac(ctx, agent),
      template,
      renderGlue(ctx, agent, { name: template.metadata.name, data: template.data ?? {} }),
    );
    const spec = taskPodSpec(ctx, agent);
    const annotations = taskPodAnnotations(agent);
    taskWorkloads.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        ...agentMeta(ctx, agent, 'task'),
        name: `${agentMeta(ctx, agent, 'task').name}s`,
      },
      spec: {
        replicas: agent.maxPods,
        selector: { matchLabels: taskPodLabels(ctx, agent) },
        template: {
          metadata: { labels: taskPodLabels(ctx, agent), ...(annotations ? { annotations } : {}) },
          spec: {
            ...spec,
            containers: spec.containers.map((c) => ({
              ...c,
              name: TASK_CONTAINER,
              image: agent.taskPod.image,
            })),
          },
        },
      },
    });
  }
  return { objects, taskWorkloads };
}
