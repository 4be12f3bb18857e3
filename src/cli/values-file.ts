import {
  escapeControls,
  parseValues,
  readValuesSource,
  type ParseResult,
  type ValidationIssue,
} from '../engine/values';
import type { CliIo } from './command';

const fail = (message: string, path = ''): ParseResult => ({
  ok: false,
  issues: [{ path, message }],
});

/**
 * Reads a values file (YAML with top-level `name`, `namespace` and the rest of the schema) and
 * validates it; `namespace` from the command line wins over the file's.
 */
export function loadValues(
  source: Uint8Array | string | undefined,
  namespace: string | undefined,
): ParseResult {
  let input: Record<string, unknown> = {};
  if (source !== undefined) {
    const read = readValuesSource(source);
    if (!read.ok) return fail(read.message);
    input = read.data as Record<string, unknown>;
  }
  if (namespace !== undefined) {
    input = { ...input, namespace };
  }
  return parseValues(input);
}

/** Reads `--values` (a file, or `-` for standard input) and validates it with `--namespace`. */
export async function readValuesArg(
  args: { values?: string; namespace?: string },
  io: CliIo,
): Promise<ParseResult> {
  let source: Uint8Array | string | undefined;
  if (args.values !== undefined) {
    try {
      source = await io.readFile(args.values);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const what = args.values === '-' ? 'standard input' : escapeControls(args.values);
      return fail(`cannot read ${what}: ${escapeControls(reason)}`);
    }
  }
  return loadValues(source, args.namespace);
}

/** The most problems printed; a file of garbage should not flood the terminal. */
const MAX_PRINTED_ISSUES = 50;

/** One line per issue: `<path>: <message>`. */
export function formatIssues(issues: ValidationIssue[]): string {
  const lines = issues
    .slice(0, MAX_PRINTED_ISSUES)
    .map((i) => `${escapeControls(i.path) || 'values'}: ${escapeControls(i.message)}\n`);
  if (issues.length > MAX_PRINTED_ISSUES) {
    lines.push(`values: … and ${issues.length - MAX_PRINTED_ISSUES} more problems\n`);
  }
  return lines.join('');
}
