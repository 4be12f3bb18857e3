import { Button, CodeBlock, CodeBlockAction, CodeBlockCode } from '@patternfly/react-core';
import { DownloadIcon } from '@patternfly/react-icons';
import { useTranslation } from '../compat/console-api';
import { CopyButton } from './CopyButton';
import { downloadText } from './model/download';

export interface CodeSnippetProps {
  text: string;
  /** data-test of the code; the copy button's is `${dataTest}-copy` unless `copy` names it. */
  dataTest: string;
  /** Accessible name of the code. */
  label?: string;
  /** The copy button's label (default "Copy") and data-test. */
  copy?: { label?: string; dataTest?: string };
  /** Offers the text as a file too; its button's data-test defaults to `${dataTest}-download`. */
  download?: { file: string; label: string; type?: string; dataTest?: string };
}

/** A block of code the user copies, or also downloads as a file. */
export const CodeSnippet = ({ text, dataTest, label, copy, download }: CodeSnippetProps) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <CodeBlock
      actions={
        <>
          <CodeBlockAction>
            <CopyButton
              text={text}
              label={copy?.label ?? t('Copy')}
              dataTest={copy?.dataTest ?? `${dataTest}-copy`}
            />
          </CodeBlockAction>
          {download && (
            <CodeBlockAction>
              <Button
                variant="plain"
                aria-label={download.label}
                icon={<DownloadIcon />}
                onClick={() => downloadText(download.file, text, download.type)}
                data-test={download.dataTest ?? `${dataTest}-download`}
              />
            </CodeBlockAction>
          )}
        </>
      }
    >
      <CodeBlockCode aria-label={label} data-test={dataTest}>
        {text}
      </CodeBlockCode>
    </CodeBlock>
  );
};
