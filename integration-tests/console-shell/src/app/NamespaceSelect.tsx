import { useState } from 'react';
import { FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { useK8sWatchResource } from '@openshift-console/dynamic-plugin-sdk';
import { ALL_NAMESPACES_KEY } from '../console/namespace';

type NamespaceList = { metadata: { name: string } }[];

/**
 * Namespace selector, fed by a namespace list watch. Identities that cannot list namespaces
 * get a text field instead.
 */
export const NamespaceSelect = ({
  namespace,
  onChange,
  isDisabled,
}: {
  namespace: string;
  onChange: (ns: string) => void;
  isDisabled?: boolean;
}) => {
  const [namespaces, loaded, error] = useK8sWatchResource<NamespaceList>({
    groupVersionKind: { version: 'v1', kind: 'Namespace' },
    isList: true,
  });
  const [draft, setDraft] = useState('');
  if (error) {
    return (
      <TextInput
        aria-label="Namespace"
        data-test="namespace-input"
        placeholder={namespace === ALL_NAMESPACES_KEY ? 'Namespace' : namespace}
        value={draft}
        isDisabled={isDisabled}
        onChange={(_e, value) => setDraft(value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) onChange(draft.trim());
        }}
      />
    );
  }
  const names = (loaded ? namespaces : []).map((n) => n.metadata.name).sort();
  if (namespace !== ALL_NAMESPACES_KEY && !names.includes(namespace)) names.unshift(namespace);
  return (
    <FormSelect
      aria-label="Namespace"
      data-test="namespace-select"
      value={namespace}
      isDisabled={isDisabled}
      onChange={(_e, value) => onChange(value)}
    >
      <FormSelectOption value={ALL_NAMESPACES_KEY} label="All namespaces" />
      {names.map((name) => (
        <FormSelectOption key={name} value={name} label={name} />
      ))}
    </FormSelect>
  );
};
