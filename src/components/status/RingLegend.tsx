import { Flex, FlexItem } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';
import { type Bucket, RING_COLOR } from './PodRing';

const ORDER: Bucket[] = ['running', 'notReady', 'pending', 'failed'];

/** What the colours of a component's pod ring mean, with the same theme tokens. */
export const RingLegend = () => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const text: Record<Bucket, string> = {
    running: t('Ready'),
    notReady: t('Running, not ready yet'),
    pending: t('Pending'),
    failed: t('Failing'),
  };
  return (
    <Flex
      spaceItems={{ default: 'spaceItemsLg' }}
      data-test="ring-legend"
      aria-label={t('Pod ring colours')}
      role="list"
    >
      {ORDER.map((b) => (
        <FlexItem key={b} role="listitem" data-test={`ring-legend-${b}`}>
          <svg width="14" height="14" aria-hidden style={{ verticalAlign: 'middle' }}>
            <circle cx="7" cy="7" r="5" fill="none" stroke={RING_COLOR[b]} strokeWidth="3" />
          </svg>{' '}
          {text[b]}
        </FlexItem>
      ))}
    </Flex>
  );
};
