import { Label } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import type { ChartRelease } from '../../engine/adopt/releases';

/** "Helm chart", the chart's version and Helm's status of the newest revision. */
export const ReleaseLabels = ({
  release,
  recordsRead,
}: {
  release: ChartRelease;
  /** Whether Helm's records were read; until then the Helm status is not shown. */
  recordsRead: boolean;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <>
      <Label isCompact color="purple" data-test="release-kind">
        {t('Helm chart')}
      </Label>{' '}
      <Label isCompact variant="outline" data-test="release-chart-version">
        {t('Chart {{version}}', { version: release.chartVersion })}
      </Label>{' '}
      {recordsRead && (
        <Label isCompact variant="outline" data-test="release-helm-status">
          {release.status
            ? t('Helm status: {{status}}', { status: release.status })
            : t('Helm status unknown')}
        </Label>
      )}
    </>
  );
};
