import { Button, type ButtonProps, Tooltip } from '@patternfly/react-core';
import { useId } from '../../compat/console-api';

/**
 * A button that stays visible but inert when the user may not act, with a tooltip and an
 * accessible description that say which right is missing.
 */
export const GatedButton = ({
  denied,
  ...props
}: ButtonProps & { denied?: string; 'data-test'?: string }) => {
  const id = useId();
  if (!denied) return <Button {...props} />;
  return (
    <>
      <Tooltip content={denied}>
        <Button {...props} isAriaDisabled aria-describedby={id} />
      </Tooltip>
      <span id={id} hidden>
        {denied}
      </span>
    </>
  );
};
