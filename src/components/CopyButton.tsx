import { ClipboardCopyButton } from '@patternfly/react-core';
import { useState } from 'react';
import { useId, useTranslation } from '../compat/console-api';

/** A code-block action that copies `text` and says so. */
export const CopyButton = ({
  text,
  label,
  dataTest,
}: {
  text: string;
  label: string;
  dataTest?: string;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <ClipboardCopyButton
      id={`copy-${id}`}
      aria-label={label}
      data-test={dataTest}
      variant="plain"
      exitDelay={copied ? 1500 : 600}
      onTooltipHidden={() => setCopied(false)}
      onClick={() => {
        void navigator.clipboard?.writeText(text);
        setCopied(true);
      }}
    >
      {copied ? t('Copied') : label}
    </ClipboardCopyButton>
  );
};
