/**
 * A task pod as the ClearML agent's Kubernetes glue makes it from an agent's pod template
 * (clearml-agent v1.9.2 `clearml_agent/glue/k8s.py` `_kubectl_apply`): the template's metadata
 * and spec, the name `clearml-id-<task id>`, the first container named after the pod and running
 * the task's command. Here the command is a shell line given by the test.
 */
import { parse } from 'yaml';

interface PodTemplate {
  metadata: { labels?: Record<string, string>; [key: string]: unknown };
  spec: { containers: { name: string }[]; [key: string]: unknown };
}

export interface TaskPodOptions {
  name: string;
  namespace: string;
  /** Shell line the task container runs (`bash -c`). */
  script: string;
  /** Labels added to the template's (the glue adds its own, e.g. `CLEARML`). */
  labels?: Record<string, string>;
}

/** The Pod, from the `template.yaml` of an agent's pod-template ConfigMap. */
export function taskPodFromTemplate(templateYaml: string, options: TaskPodOptions) {
  const template = parse(templateYaml) as PodTemplate;
  const { name, namespace, script, labels } = options;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...template.metadata,
      name,
      namespace,
      labels: { ...template.metadata.labels, ...labels },
    },
    spec: {
      ...template.spec,
      restartPolicy: 'Never',
      containers: template.spec.containers.map((c, i) =>
        i === 0
          ? {
              ...c,
              name,
              image: 'docker.io/library/python:3.11-bookworm',
              command: ['/bin/bash'],
              args: ['-c', script],
            }
          : c,
      ),
    },
  };
}
