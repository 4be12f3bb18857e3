/**
 * The wizard's unfinished input, kept in the tab's sessionStorage so that a reload on any step
 * keeps what the user typed. Secrets (keys, the login password) are never stored.
 */
import type { FormInput } from '../model/form-values';

export interface WizardDraft {
  input: FormInput;
  step: string;
}

const PREFIX = 'clearml-console-plugin/wizard/';

/** One draft per kind of wizard: a new deploy, or the upgrade of one instance. */
export const draftKey = (upgrade?: { namespace: string; instance: string }) =>
  upgrade ? `${PREFIX}upgrade/${upgrade.namespace}/${upgrade.instance}` : `${PREFIX}deploy`;

/** The input without anything secret. */
export function withoutSecrets(input: FormInput): FormInput {
  const copy = { ...input } as Record<string, unknown>;
  delete copy.credentials;
  const login = copy.login as Record<string, unknown> | undefined;
  if (login && 'password' in login) {
    const rest = { ...login };
    delete rest.password;
    copy.login = rest;
  }
  return copy as FormInput;
}

const storage = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};

export function loadDraft(key: string): WizardDraft | undefined {
  try {
    const text = storage()?.getItem(key);
    if (!text) return undefined;
    const draft = JSON.parse(text) as Partial<WizardDraft>;
    if (!draft.input || typeof draft.input !== 'object' || typeof draft.step !== 'string')
      return undefined;
    return { input: withoutSecrets(draft.input), step: draft.step };
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: WizardDraft): void {
  try {
    storage()?.setItem(key, JSON.stringify({ ...draft, input: withoutSecrets(draft.input) }));
  } catch {
    // A full or disabled storage only loses the draft.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}
