import { useContext } from 'react';
import { PerspectiveContext } from '@openshift-console/dynamic-plugin-sdk/lib/perspective/perspective-context';

type Setter = (id: string, next?: string) => void;

const useActivePerspective = (): [string, Setter] => {
  const { activePerspective, setActivePerspective } = useContext(PerspectiveContext);
  return [activePerspective ?? 'admin', (setActivePerspective ?? (() => undefined)) as Setter];
};

export default useActivePerspective;
