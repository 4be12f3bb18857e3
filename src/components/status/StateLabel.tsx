import { Label } from '@patternfly/react-core';
import {
  CheckCircleIcon,
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InProgressIcon,
} from '@patternfly/react-icons';
import { useTranslation } from '../../compat/console-api';
import type { ComponentHealth } from '../../engine/status/types';

/** A health state as a coloured label with an icon, so it never relies on colour alone. */
export const StateLabel = ({ state, dataTest }: { state: ComponentHealth; dataTest?: string }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const look = {
    Ready: { labelColor: 'green', icon: <CheckCircleIcon />, text: t('Ready') },
    Progressing: { labelColor: 'blue', icon: <InProgressIcon />, text: t('Progressing') },
    Degraded: { labelColor: 'orange', icon: <ExclamationTriangleIcon />, text: t('Degraded') },
    Failed: { labelColor: 'red', icon: <ExclamationCircleIcon />, text: t('Failed') },
  } as const;
  const l = look[state];
  return (
    <Label color={l.labelColor} icon={l.icon} isCompact data-test={dataTest ?? 'state-label'}>
      {l.text}
    </Label>
  );
};
