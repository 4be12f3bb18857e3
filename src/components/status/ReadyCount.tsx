import { useTranslation } from '../../compat/console-api';

/**
 * Ready pods of the desired count, never above it ("2 of 1"): pods beyond it during a rollout's
 * surge are named as such.
 */
export const ReadyCount = ({ ready, desired }: { ready: number; desired: number }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const surge = ready - desired;
  return (
    <span data-test="ready-count">
      {t('{{ready}} of {{desired}}', { ready: Math.min(ready, desired), desired })}
      {surge > 0 && <> {t('(+{{count}} during the rollout)', { count: surge })}</>}
    </span>
  );
};
