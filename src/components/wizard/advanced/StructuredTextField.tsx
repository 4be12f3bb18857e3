import { FormGroup, TextArea } from '@patternfly/react-core';
import { useState } from 'react';
import { parse, stringify } from 'yaml';
import { FieldMessages, fieldId, issuesUnder } from '../fields';
import type { WizardForm } from '../useWizardForm';

/** Text of the current value, as YAML (block text keeps multi-line config files readable). */
const textOf = (value: unknown) => (value === undefined ? '' : stringify(value));

export type StructuredTextFieldProps = {
  form: WizardForm;
  path: string;
  label: string;
  /** Shown while the field has no error. */
  help: string;
  placeholder: string;
  /** The message for text that does not parse, with `reason` from the parser. */
  syntaxError: (reason: string) => string;
};

/**
 * A structured value (a list or an object) as YAML or JSON text: parsed on every change and
 * validated by the engine. A text that does not parse keeps the last parsed value out of the
 * values and says why.
 */
export const StructuredTextField = ({
  form,
  path,
  label,
  help,
  placeholder,
  syntaxError,
}: StructuredTextFieldProps) => {
  const [text, setText] = useState(() => textOf(form.get(path)));
  const [syntax, setSyntax] = useState<string>();
  const id = fieldId(path);
  const engine = issuesUnder(form, path).map((i) =>
    i.path === path ? i.message : `${i.path.slice(path.length + 1)}: ${i.message}`,
  );
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
      setSyntax(syntaxError(reason));
      // Invalid text must not pass as "nothing set".
      form.set(path, next);
    }
  };
  return (
    <FormGroup label={label} fieldId={id}>
      <TextArea
        id={id}
        data-test={id}
        value={text}
        onChange={(_e, next) => onChange(next)}
        placeholder={placeholder}
        autoResize
        resizeOrientation="vertical"
        validated={errors.length ? 'error' : 'default'}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
      />
      <FieldMessages id={id} errors={errors} help={help} />
    </FormGroup>
  );
};
