import { Button, Flex, FlexItem } from '@patternfly/react-core';
import { ExternalLinkAltIcon } from '@patternfly/react-icons';
import { useTranslation } from '../../compat/console-api';
import type { InstanceStatus } from '../../engine/status/types';

/** Links to the web UI, API and file server Routes of an instance. */
export const RouteLinks = ({ urls }: { urls: InstanceStatus['urls'] }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const links = [
    { key: 'app', label: t('Web UI'), url: urls.app },
    { key: 'api', label: t('API'), url: urls.api },
    { key: 'files', label: t('Files'), url: urls.files },
  ].filter((l) => l.url);
  if (!links.length) return <>{t('No Routes yet')}</>;
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }}>
      {links.map((l) => (
        <FlexItem key={l.key}>
          <Button
            component="a"
            variant="link"
            isInline
            href={l.url}
            target="_blank"
            rel="noopener noreferrer"
            icon={<ExternalLinkAltIcon />}
            iconPosition="end"
            data-test={`route-link-${l.key}`}
          >
            {l.label}
          </Button>
        </FlexItem>
      ))}
    </Flex>
  );
};
