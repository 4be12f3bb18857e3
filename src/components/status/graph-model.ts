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

/** Whether `from` waits for `to`, directly or through other components. */
function reaches(waitsFor: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(waitsFor.get(id) ?? []));
  }
  return false;
}

/**
 * One edge per component to each component it waits for, leaving out the waits implied through
 * another one (async delete waits for the data stores through the file server and the API server):
 * the long edges they would add push the data stores apart and shrink the whole graph to fit.
 */
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
  const waitsFor = new Map(
    COMPONENTS.filter((c) => present.has(c.id)).map((c) => [
      c.id as string,
      c.dependsOn.filter((d) => present.has(d)) as string[],
    ]),
  );
  const edges: EdgeModel[] = [...waitsFor].flatMap(([id, needs]) =>
    needs
      .filter((d) => !needs.some((other) => other !== d && reaches(waitsFor, other, d)))
      .map((d) => ({ id: `${id}-needs-${d}`, type: 'dependency', source: id, target: d })),
  );
  return { graph: { id: 'clearml', type: 'graph', layout: 'Dagre' }, nodes, edges };
}
