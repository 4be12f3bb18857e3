import {
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { numberOrText } from '../model/form-values';
import type { WizardForm } from './useWizardForm';

/** Field id and data-test attribute from a values path, e.g. `field-storage-mongodb-size`. */
export const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;

export const FieldError = ({ form, path }: { form: WizardForm; path: string }) => {
  const error = form.errors[path];
  if (!error) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem
          variant="error"
          id={`${fieldId(path)}-error`}
          data-test={`${fieldId(path)}-error`}
        >
          {error}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
};

/** The engine's issues at `path` and under it (`path.0`, `path.key`…). */
export const issuesUnder = (form: WizardForm, path: string) =>
  form.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));

/** Under field `id`: each of its errors, or its help while it has none. */
export const FieldMessages = ({
  id,
  errors,
  help,
}: {
  id: string;
  errors: string[];
  help: ReactNode;
}) => (
  <FormHelperText>
    <HelperText id={`${id}-error`} data-test={`${id}-error`}>
      {errors.length ? (
        errors.map((e) => (
          <HelperTextItem key={e} variant="error">
            {e}
          </HelperTextItem>
        ))
      ) : (
        <HelperTextItem>{help}</HelperTextItem>
      )}
    </HelperText>
  </FormHelperText>
);

interface TextFieldProps {
  form: WizardForm;
  path: string;
  label: string;
  placeholder?: string;
  helper?: ReactNode;
  isRequired?: boolean;
  isDisabled?: boolean;
  type?: 'text' | 'password' | 'number';
  numeric?: boolean;
}

/** A text input bound to a values path, with the engine's message under it when invalid. */
export const TextField = ({
  form,
  path,
  label,
  placeholder,
  helper,
  isRequired,
  isDisabled,
  type = 'text',
  numeric,
}: TextFieldProps) => {
  const id = fieldId(path);
  const value = form.get(path);
  const error = form.errors[path];
  return (
    <FormGroup label={label} fieldId={id} isRequired={isRequired}>
      <TextInput
        id={id}
        data-test={id}
        type={type === 'number' ? 'text' : type}
        inputMode={numeric ? 'numeric' : undefined}
        value={value === undefined ? '' : String(value)}
        placeholder={placeholder}
        isDisabled={isDisabled}
        validated={error ? 'error' : 'default'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(_e, text) => form.set(path, numeric ? numberOrText(text) : text)}
      />
      {error ? (
        <FieldError form={form} path={path} />
      ) : helper ? (
        <FormHelperText>
          <HelperText>
            <HelperTextItem>{helper}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      ) : null}
    </FormGroup>
  );
};
