import { Alert, Spinner, StackItem } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';

interface WatchStateProps {
  /** What is watched, for the error's title (an instance or a chart release). */
  name: string;
  loaded: boolean;
  error: unknown;
}

/** Stack items saying that the watches of a panel failed, or are still loading. */
export const WatchState = ({ name, loaded, error }: WatchStateProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <>
      {error ? (
        <StackItem>
          <Alert
            isInline
            variant="danger"
            title={t('Could not watch the objects of {{name}}.', { name })}
            data-test="status-error"
          >
            {String((error as { message?: string }).message ?? error)}
          </Alert>
        </StackItem>
      ) : null}
      {!loaded && !error && (
        <StackItem>
          <Spinner aria-label={t('Loading status')} />
        </StackItem>
      )}
    </>
  );
};
