/**
 * `NamespaceBar`: the console's project bar (a namespace selector followed by children).
 */
import type { ReactNode } from 'react';
import { NamespaceSelect } from '../app/NamespaceSelect';
import { useActiveNamespace } from './namespace';

export const NamespaceBar = ({
  onNamespaceChange,
  isDisabled,
  children,
}: {
  onNamespaceChange?: (ns: string) => void;
  isDisabled?: boolean;
  children?: ReactNode;
}) => {
  const [namespace, setNamespace] = useActiveNamespace();
  return (
    <div className="co-namespace-bar" data-test="namespace-bar">
      <NamespaceSelect
        namespace={namespace}
        isDisabled={isDisabled}
        onChange={(ns) => (onNamespaceChange ? onNamespaceChange(ns) : setNamespace(ns))}
      />
      {children}
    </div>
  );
};

export default NamespaceBar;
