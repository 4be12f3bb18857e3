import {
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextArea,
} from '@patternfly/react-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parse } from 'yaml';
import { fieldId } from '../fields';
import type { WizardForm } from '../useWizardForm';

/** Text of the current tolerations, as the user would write them (JSON is YAML too). */
const textOf = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/**
 * Tolerations as YAML or JSON text: parsed on every change and validated by the engine. A text
 * that does not parse keeps the last parsed tolerations out of the values and says why.
 */
export const TolerationsField = ({ form, path }: { form: WizardForm; path: string }) => {
  const { t } = useTranslation('plugin__clearml-console-plugin');
  const [text, setText] = useState(() => textOf(form.get(path)));
  const [syntax, setSyntax] = useState<string>();
  const id = fieldId(path);
  const engine = form.issues
    .filter((i) => i.path === path || i.path.startsWith(`${path}.`))
    .map((i) => (i.path === path ? i.message : `${i.path.slice(path.length + 1)}: ${i.message}`));
  const errors = syntax ? [syntax] : engine;
  const onChange = (next: string) => {
    setText(next);
    if (!next.trim()) {
      setSyntax(undefined);
      form.set(path, undefined);
      return;
    }
    try {
      const value: unknown = parse(next, { maxAliasCount: 10 });
      setSyntax(undefined);
      form.set(path, value ?? undefined);
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      setSyntax(t('Tolerations must be YAML or JSON: {{reason}}', { reason }));
      // Invalid text must not pass as "no tolerations".
      form.set(path, next);
    }
  };
  return (
    <FormGroup label={t('Tolerations')} fieldId={id}>
      <TextArea
        id={id}
        data-test={id}
        value={text}
        onChange={(_e, next) => onChange(next)}
        placeholder={
          '- key: node-role.kubernetes.io/infra\n  operator: Exists\n  effect: NoSchedule'
        }
        autoResize
        resizeOrientation="vertical"
        validated={errors.length ? 'error' : 'default'}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      />
      <FormHelperText>
        <HelperText id={`${id}-error`} data-test={`${id}-error`}>
          {errors.length ? (
            errors.map((e) => (
              <HelperTextItem key={e} variant="error">
                {e}
              </HelperTextItem>
            ))
          ) : (
            <HelperTextItem>
              {t('A list of {key, operator, value, effect}, as in a pod spec; YAML or JSON.')}
            </HelperTextItem>
          )}
        </HelperText>
      </FormHelperText>
    </FormGroup>
  );
};
