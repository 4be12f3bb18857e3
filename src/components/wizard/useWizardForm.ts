import { useCallback, useMemo, useRef, useState } from 'react';
import { type ClearMLValues, issueMessage, parseValues, type ValidationIssue } from '../../engine';
import { useTranslateMessage } from '../i18n/translate-message';
import { type FormInput, getIn, issuesByPath, setIn } from '../model/form-values';

export interface WizardForm {
  input: FormInput;
  /** Parsed values when the input is valid. */
  values?: ClearMLValues;
  /** The last valid values, for totals and previews while the user fixes a field. */
  lastValid?: ClearMLValues;
  /** The engine's issues, each `message` in the page's language. */
  issues: ValidationIssue[];
  errors: Record<string, string>;
  get: (path: string) => unknown;
  set: (path: string, value: unknown) => void;
  update: (change: (input: FormInput) => FormInput) => void;
}

/** The user's choices, validated by the engine on every change. */
export function useWizardForm(initial: FormInput): WizardForm {
  const [input, setInput] = useState<FormInput>(initial);
  const lastValid = useRef<ClearMLValues | undefined>(undefined);
  const parsed = useMemo(() => parseValues(input), [input]);
  if (parsed.ok) lastValid.current = parsed.values;
  const set = useCallback(
    (path: string, value: unknown) => setInput((prev) => setIn(prev, path, value)),
    [],
  );
  const get = useCallback((path: string) => getIn(input, path), [input]);
  const say = useTranslateMessage();
  const issues = useMemo(
    () =>
      parsed.ok
        ? []
        : parsed.issues.map((i) => {
            const m = issueMessage(i);
            return m ? { ...i, message: say(m) } : i;
          }),
    [parsed, say],
  );
  const errors = useMemo(() => issuesByPath(issues), [issues]);
  return {
    input,
    values: parsed.ok ? parsed.values : undefined,
    lastValid: lastValid.current,
    issues,
    errors,
    get,
    set,
    update: setInput,
  };
}
