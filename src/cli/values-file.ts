import { parse } from 'yaml';
import { parseValues, type ParseResult } from '../engine/values';

/**
 * Reads a values file (YAML with top-level `name`, `namespace` and the rest of the schema) and
 * validates it; `namespace` from the command line wins over the file's.
 */
export function loadValues(text: string | undefined, namespace: string | undefined): ParseResult {
  let input: unknown = {};
  if (text !== undefined) {
    try {
      input = parse(text) ?? {};
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      return {
        ok: false,
        issues: [{ path: '', message: `values file is not valid YAML: ${message}` }],
      };
    }
  }
  if (namespace !== undefined) {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { ok: false, issues: [{ path: '', message: 'values file must hold a mapping' }] };
    }
    input = { ...input, namespace };
  }
  return parseValues(input);
}

/** One line per issue: `<path>: <message>`. */
export function formatIssues(issues: { path: string; message: string }[]): string {
  return issues.map((i) => `${i.path || 'values'}: ${i.message}\n`).join('');
}
