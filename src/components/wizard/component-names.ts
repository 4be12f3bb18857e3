import { useTranslation } from '../../compat/console-api';
import type { ResourceComponent } from '../../engine';

/** The translated names of the components as the values key them (`components.<key>`). */
export const useComponentNames = (): Record<ResourceComponent, string> => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return {
    apiserver: t('API server'),
    asyncDelete: t('Async delete'),
    fileserver: t('File server'),
    webserver: t('Web UI'),
    mongodb: t('MongoDB'),
    redis: t('Redis'),
    elasticsearch: t('Elasticsearch'),
  };
};
