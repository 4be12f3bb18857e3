/**
 * The topology model of an instance: one node per component with its status and Route, one edge
 * from each component to every component it waits for. Plain data, so it is tested without a
 * browser; the values are those of @patternfly/react-topology's NodeShape, NodeStatus, EdgeStyle.
 */
import type {
  EdgeModel,
  Model,
  NodeModel,
  NodeShape,
  NodeStatus,
} from '@patternfly/react-topology';
import { COMPONENTS } from '../../engine';
import type { ComponentHealth, ComponentStatus, InstanceStatus } from '../../engine/status/types';

export const NODE_SIZE = 80;

const NODE_STATUS: Record<ComponentHealth, `${NodeStatus}`> = {
  Ready: 'success',
  Progressing: 'info',
  Degraded: 'warning',
  Failed: 'danger',
};

export interface NodeData {
  status: ComponentStatus;
  url?: string;
}

/** The Route a component is reached through, if any. */
export function urlOf(id: string, urls: InstanceStatus['urls']): string | undefined {
  if (id === 'webserver') return urls.app;
  if (id === 'apiserver') return urls.api;
  if (id === 'fileserver') return urls.files;
  return undefined;
}

export function graphModel(status: InstanceStatus): Model {
  const present = new Set(status.components.map((c) => c.component));
  const nodes: NodeModel[] = status.components.map((c) => ({
    id: c.component,
    type: 'component',
    label: c.displayName,
    width: NODE_SIZE,
    height: NODE_SIZE,
    shape: 'ellipse' as NodeShape,
    status: NODE_STATUS[c.state] as NodeStatus,
    data: { status: c, url: urlOf(c.component, status.urls) } satisfies NodeData,
  }));
  const edges: EdgeModel[] = COMPONENTS.filter((c) => present.has(c.id)).flatMap((c) =>
    c.dependsOn
      .filter((d) => present.has(d))
      .map((d) => ({ id: `${c.id}-needs-${d}`, type: 'dependency', source: c.id, target: d })),
  );
  return { graph: { id: 'clearml', type: 'graph', layout: 'Dagre' }, nodes, edges };
}
