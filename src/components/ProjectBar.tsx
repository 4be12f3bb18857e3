import { NamespaceBar } from '@openshift-console/dynamic-plugin-sdk';
import { useNavigate } from '../compat/console-api';
import { pagePath } from './page-paths';

/**
 * The console's project bar. The console shows it only on its own namespaced routes, so a
 * plugin page renders the SDK's `NamespaceBar` itself. The active project follows the URL
 * (`/clearml/ns/<ns>`, `/clearml/all-namespaces`); choosing another project opens the instance
 * list of that project, the console then sets the active namespace from the new URL.
 */
export const ProjectBar = ({ isDisabled }: { isDisabled?: boolean }) => {
  const navigate = useNavigate();
  return (
    <NamespaceBar isDisabled={isDisabled} onNamespaceChange={(ns) => navigate(pagePath(ns))} />
  );
};
