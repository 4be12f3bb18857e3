import { Flex, FlexItem, Radio } from '@patternfly/react-core';
import { useTranslation } from '../../compat/console-api';

export type EditorMode = 'form' | 'yaml';

/**
 * "Configure via: Form view / YAML view", the switch the console's own create and edit pages
 * put above a synced form and YAML editor (openshift/console release-4.22,
 * frontend/packages/console-shared/src/components/editor-toggle).
 */
export const EditorToggle = ({
  mode,
  onChange,
}: {
  mode: EditorMode;
  onChange: (mode: EditorMode) => void;
}) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  return (
    <Flex
      spaceItems={{ default: 'spaceItemsMd' }}
      alignItems={{ default: 'alignItemsCenter' }}
      role="radiogroup"
      aria-labelledby="clearml-editor-toggle-label"
      data-test="editor-toggle"
      className="clearml-editor-toggle"
    >
      <FlexItem>
        <span id="clearml-editor-toggle-label">{t('Configure via:')}</span>
      </FlexItem>
      <FlexItem>
        <Radio
          id="clearml-editor-form"
          name="clearml-editor-mode"
          label={t('Form view')}
          isChecked={mode === 'form'}
          onChange={() => onChange('form')}
          data-test="editor-form"
        />
      </FlexItem>
      <FlexItem>
        <Radio
          id="clearml-editor-yaml"
          name="clearml-editor-mode"
          label={t('YAML view')}
          isChecked={mode === 'yaml'}
          onChange={() => onChange('yaml')}
          data-test="editor-yaml"
        />
      </FlexItem>
    </Flex>
  );
};
