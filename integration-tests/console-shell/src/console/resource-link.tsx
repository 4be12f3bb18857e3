/**
 * `ResourceLink` and `ResourceIcon`: the console's resource badge plus a router link to the
 * resource's details path (`/k8s/ns/<ns>/<plural or group~version~kind>/<name>`). The host has
 * no details pages, so following the link shows its "not found" page.
 */
import type { ReactNode } from 'react';
import { useSelector } from 'react-redux';
import type { K8sModel } from '@openshift-console/dynamic-plugin-sdk/lib/api/common-types';
import { getReferenceForModel } from '@openshift-console/dynamic-plugin-sdk/lib/utils/k8s/k8s-ref';
import { Link } from '../platform/host-platform';

/* eslint-disable @typescript-eslint/no-explicit-any */
type GVK = { group?: string; version: string; kind: string };

const refFor = (kind?: string, gvk?: GVK) =>
  gvk ? `${gvk.group || 'core'}~${gvk.version}~${gvk.kind}` : (kind ?? '');

const kindOf = (ref: string) => (ref.includes('~') ? ref.split('~')[2] : ref);

const useModelFor = (ref: string): K8sModel | undefined =>
  useSelector((state: any) => {
    const models = state.k8s.getIn(['RESOURCES', 'models']);
    return models.get(ref) ?? models.get(kindOf(ref));
  });

export const resourcePath = (
  model: K8sModel | undefined,
  ref: string,
  name?: string,
  ns?: string,
) => {
  const namespaced = model ? model.namespaced : Boolean(ns);
  let url = '/k8s/';
  if (!namespaced) url += 'cluster/';
  else url += ns ? `ns/${ns}/` : 'all-namespaces/';
  url += model ? (model.crd ? getReferenceForModel(model) : model.plural) : ref;
  if (name) url += `/${encodeURIComponent(name)}`;
  return url;
};

export const ResourceIcon = ({
  kind,
  groupVersionKind,
  className,
}: {
  kind?: string;
  groupVersionKind?: GVK;
  className?: string;
}) => {
  const ref = refFor(kind, groupVersionKind);
  const model = useModelFor(ref);
  const kindName = model?.kind ?? kindOf(ref);
  const classes = ['co-m-resource-icon', `co-m-resource-${kindName.toLowerCase()}`, className]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes} title={kindName}>
      {model?.abbr ?? kindName.replace(/[^A-Z]/g, '').slice(0, 3)}
    </span>
  );
};

type ResourceLinkProps = {
  kind?: string;
  groupVersionKind?: GVK;
  name?: string;
  namespace?: string;
  displayName?: string;
  title?: string;
  linkTo?: boolean;
  hideIcon?: boolean;
  inline?: boolean;
  className?: string;
  dataTest?: string;
  nameSuffix?: ReactNode;
  truncate?: boolean;
  onClick?: () => void;
  children?: ReactNode;
};

export const ResourceLink = ({
  kind,
  groupVersionKind,
  name,
  namespace,
  displayName,
  title,
  linkTo = true,
  hideIcon,
  inline,
  className,
  dataTest,
  nameSuffix,
  truncate,
  onClick,
  children,
}: ResourceLinkProps) => {
  const ref = refFor(kind, groupVersionKind);
  const model = useModelFor(ref);
  if (!ref) return null;
  const value = displayName || name;
  const classes = [
    'co-resource-item',
    inline ? 'co-resource-item--inline' : '',
    truncate ? 'co-resource-item--truncate' : '',
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      {!hideIcon && <ResourceIcon kind={kind} groupVersionKind={groupVersionKind} />}
      {linkTo && name ? (
        <Link
          to={resourcePath(model, ref, name, namespace)}
          title={title}
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
          onClick={onClick}
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
        >
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};

export default ResourceLink;
