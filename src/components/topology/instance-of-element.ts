/** The ClearML instance a Topology node shows, read from its resource's labels. */
import { INSTANCE_LABEL } from '../../engine/components';
import { MANAGED_BY } from '../../engine/render/context';

const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

interface Resource {
  metadata?: { namespace?: string; labels?: Record<string, string> };
}

/** The part of a Topology graph element this needs: its data, as the console's nodes carry it. */
export interface ElementLike {
  getData?: () => { resource?: Resource; resources?: { obj?: Resource } } | undefined;
}

export function instanceOfElement(
  element: ElementLike | undefined,
): { namespace: string; instance: string } | undefined {
  const data = element?.getData?.();
  const resource = data?.resource ?? data?.resources?.obj;
  const labels = resource?.metadata?.labels ?? {};
  const namespace = resource?.metadata?.namespace;
  const instance = labels[INSTANCE_LABEL];
  if (labels[MANAGED_BY_LABEL] !== MANAGED_BY || !instance || !namespace) return undefined;
  return { namespace, instance };
}
