import { z } from 'zod';
import { escapeControls } from './escape';
import { checkCrossFieldRules } from './rules';
import { baseValuesSchema, type ClearMLValues, type ClearMLValuesInput } from './schema';

/** The complete values schema: field rules plus the cross-field rules. */
export const valuesSchema = baseValuesSchema.superRefine(checkCrossFieldRules);

/** One problem with the values, located by a dotted path such as `storage.elasticsearch.size`. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export type ParseResult =
  { ok: true; values: ClearMLValues } | { ok: false; issues: ValidationIssue[] };

/** Dotted path; keys come from the user, so control characters in them are escaped. */
function joinPath(path: readonly PropertyKey[]): string {
  return escapeControls(path.map((p) => String(p)).join('.'));
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const raw of error.issues) {
    if (raw.code === 'unrecognized_keys') {
      for (const key of raw.keys) {
        issues.push({ path: joinPath([...raw.path, key]), message: 'unknown field' });
      }
      continue;
    }
    const path = joinPath(raw.path);
    // One message per field: the first rule it breaks.
    if (!issues.some((i) => i.path === path)) {
      issues.push({ path, message: escapeControls(raw.message) });
    }
  }
  return issues;
}

/** Validates user values and applies the defaults. Never throws. */
export function parseValues(input: unknown): ParseResult {
  try {
    const result = valuesSchema.safeParse(input ?? {});
    return result.success
      ? { ok: true, values: result.data }
      : { ok: false, issues: toIssues(result.error) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      issues: [{ path: '', message: `values could not be read: ${escapeControls(message)}` }],
    };
  }
}

/** The default values, optionally with some fields given. Throws if the given fields are invalid. */
export function createValues(input: ClearMLValuesInput = {}): ClearMLValues {
  const result = parseValues(input);
  if (!result.ok) {
    throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
  return result.values;
}
