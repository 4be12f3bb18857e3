// Stand-ins for the console SDK in component tests. The npm SDK only holds stubs that the
// console fills in at run time, so tests render these simple equivalents. Watches read from an
// in-memory store that a test fills with `setWatchData`, filtered by namespace and labels.
import type { ReactNode } from 'react';

export const ALL_NAMESPACES_KEY = '#ALL_NS#';

export const DocumentTitle = ({ children }: { children: ReactNode }) => (
  <span data-test="document-title" hidden>
    {children}
  </span>
);

export const ListPageHeader = ({ title, children }: { title: string; children?: ReactNode }) => (
  <header>
    <h1>{title}</h1>
    {children}
  </header>
);

type Obj = {
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
};

let store: Record<string, Obj[]> = {};
let errors: Record<string, unknown> = {};
let activeNamespace = 'team-a';
/** Every watch spec the components asked for, for tests that count watches. */
export const watchCalls: unknown[] = [];

/** Sets the objects watches return, keyed by kind (e.g. `{ Pod: [...] }`). */
export function setWatchData(
  data: Record<string, Obj[]>,
  loadErrors: Record<string, unknown> = {},
) {
  store = data;
  errors = loadErrors;
}

export function setActiveNamespaceForTest(ns: string) {
  activeNamespace = ns;
}

export function resetSdkStandIns() {
  store = {};
  errors = {};
  activeNamespace = 'team-a';
  watchCalls.length = 0;
}

interface Spec {
  groupVersionKind?: { kind: string };
  namespace?: string;
  name?: string;
  isList?: boolean;
  selector?: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string }[];
  };
  fieldSelector?: string;
}

function select(spec: Spec | null) {
  if (!spec) return { data: undefined, loaded: true, loadError: undefined };
  watchCalls.push(spec);
  const kind = spec.groupVersionKind?.kind ?? '';
  if (errors[kind])
    return { data: spec.isList ? [] : undefined, loaded: true, loadError: errors[kind] };
  const items = (store[kind] ?? []).filter((o) => {
    if (spec.namespace && o.metadata?.namespace && o.metadata.namespace !== spec.namespace)
      return false;
    const labels = spec.selector?.matchLabels ?? {};
    if (Object.entries(labels).some(([k, v]) => o.metadata?.labels?.[k] !== v)) return false;
    for (const e of spec.selector?.matchExpressions ?? []) {
      if (e.operator !== 'Exists') throw new Error(`stand-in: operator ${e.operator} not modelled`);
      if (o.metadata?.labels?.[e.key] === undefined) return false;
    }
    if (spec.fieldSelector === 'type=Warning' && (o as { type?: string }).type !== 'Warning')
      return false;
    return true;
  });
  const data = spec.isList
    ? items
    : items.find((o) => (o.metadata as { name?: string })?.name === spec.name);
  return { data, loaded: true, loadError: undefined };
}

export const useK8sWatchResource = (spec: Spec | null) => {
  const r = select(spec);
  return [r.data, r.loaded, r.loadError];
};

export const useK8sWatchResources = (specs: Record<string, Spec>) =>
  Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, select(spec)]));

export const useActiveNamespace = () => [activeNamespace, (ns: string) => (activeNamespace = ns)];

/** The project bar: a select of a few projects that reports the choice as the console does. */
export const NamespaceBar = ({
  onNamespaceChange,
  isDisabled,
  children,
}: {
  onNamespaceChange?: (ns: string) => void;
  isDisabled?: boolean;
  children?: ReactNode;
}) => (
  <div data-test="namespace-bar">
    <select
      aria-label="Project"
      value={activeNamespace}
      disabled={isDisabled}
      onChange={(e) => {
        onNamespaceChange?.(e.target.value);
        activeNamespace = e.target.value;
      }}
    >
      {[ALL_NAMESPACES_KEY, 'team-a', 'team-b'].map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
    {children}
  </div>
);

export const ResourceLink = ({
  groupVersionKind,
  name,
  namespace,
  dataTest,
}: {
  groupVersionKind?: { kind: string };
  name?: string;
  namespace?: string;
  dataTest?: string;
}) => (
  <a href={`/k8s/ns/${namespace}/${groupVersionKind?.kind}/${name}`} data-test={dataTest}>
    {name}
  </a>
);

export const Timestamp = ({ timestamp }: { timestamp: string }) => <span>{timestamp}</span>;

const notInTests = () => {
  throw new Error('tests pass a fake ClusterClient; the console adapter is not used');
};
export const consoleFetch = notInTests;
export const k8sGet = notInTests;
export const k8sCreate = notInTests;
export const k8sDelete = notInTests;
export const k8sListItems = notInTests;

/** The SDK's CodeEditor (Monaco in the console) as a plain text area with the same value/onChange. */
export const CodeEditor = ({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (value: string, event: unknown) => void;
}) => (
  <textarea
    aria-label="YAML"
    data-test="code-editor"
    value={value ?? ''}
    onChange={(e) => onChange?.(e.target.value, e)}
  />
);
