import { Breadcrumb, BreadcrumbItem, Button } from '@patternfly/react-core';
import { useTranslation } from '../compat/console-api';

interface PageBreadcrumbProps {
  namespace: string;
  /** The instance or chart release the page shows. */
  name: string;
  /** Back to the list of instances. */
  onHome: () => void;
}

/** ClearML instances › Project <namespace> › <name>. */
export const PageBreadcrumb = ({ namespace, name, onHome }: PageBreadcrumbProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <Breadcrumb>
      <BreadcrumbItem>
        <Button variant="link" isInline onClick={onHome} data-test="back-to-instances">
          {t('ClearML instances')}
        </Button>
      </BreadcrumbItem>
      <BreadcrumbItem data-test="breadcrumb-project">
        {t('Project {{namespace}}', { namespace })}
      </BreadcrumbItem>
      <BreadcrumbItem isActive>{name}</BreadcrumbItem>
    </Breadcrumb>
  );
};
