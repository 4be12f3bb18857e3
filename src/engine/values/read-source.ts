import { CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments } from 'yaml';
import { escapeControls } from './escape';

/**
 * Reading a values file (YAML text or its bytes) into plain data for the schema, with limits that
 * keep hostile input cheap: every refusal is one sentence, nothing throws.
 */

/** Values files are a few kilobytes; anything above this is refused before parsing. */
export const MAX_VALUES_BYTES = 1024 * 1024;
/** Nesting levels (block and flow collections together); the schema itself needs six. */
export const MAX_VALUES_DEPTH = 64;
/** Keys, list items and flow entries; the largest example holds about a hundred. */
export const MAX_VALUES_ENTRIES = 2000;
/** Alias expansions (the `yaml` package's `maxAliasCount`, weighted by the aliased node's size). */
export const MAX_VALUES_ALIASES = 100;

export type SourceResult = { ok: true; data: unknown } | { ok: false; message: string };

const refuse = (message: string): SourceResult => ({ ok: false, message });

/** Bytes to text: UTF-8 only, no NUL bytes, at most `MAX_VALUES_BYTES`. */
export function decodeValuesBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length > MAX_VALUES_BYTES) {
    return { ok: false, message: 'values file is larger than 1 MiB; values files are small YAML' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'values file is UTF-16 text; save it as UTF-8' };
  }
  if (bytes.includes(0)) {
    return { ok: false, message: 'values file is binary (it contains NUL bytes), not YAML text' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'values file is not valid UTF-8 text; save it as UTF-8' };
  }
}

/** Reads a values file given as bytes (from disk or stdin) or as text. */
export function readValuesSource(input: Uint8Array | string): SourceResult {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_VALUES_BYTES) return refuse('values file is larger than 1 MiB');
    if (input.includes('\0')) return refuse('values file contains NUL characters, not YAML text');
    text = input;
  } else {
    const decoded = decodeValuesBytes(input);
    if (!decoded.ok) return refuse(decoded.message);
    text = decoded.text;
  }
  return readValuesYaml(text);
}

const ENTRY_TOKENS = new Set([
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
  'flow-seq-start',
  'flow-map-start',
  'comma',
]);
const NODE_START_AFTER = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const LAYOUT_TOKENS = new Set([
  'space',
  'comment',
  'doc-mode',
  'byte-order-mark',
  'flow-error-end',
]);
/** Lexer tokens that mark a position but are not in the source text. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f', '\ufeff']);

/**
 * A linear scan of the lexer's tokens, before anything is built: bounds the nesting depth, the
 * number of entries and documents. The `yaml` parser and composer are far from linear on deep or
 * wide input (a megabyte of `[` takes seconds and most of a gigabyte), so they only ever see
 * input that passed this scan.
 */
function scanShape(text: string): string | undefined {
  let column = 0;
  let flowDepth = 0;
  let entries = 0;
  let documents = 0;
  let lineHasContent = false;
  let previous = '';
  const blockColumns: number[] = [];
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token) ?? 'source';
    if (ENTRY_TOKENS.has(type) && ++entries > MAX_VALUES_ENTRIES) {
      return `values file has more than ${MAX_VALUES_ENTRIES} entries; values files are small`;
    }
    if ((type === 'doc-start' || type === 'doc-end') && ++documents > 3) {
      return 'values file holds several YAML documents; put all values in one document';
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') flowDepth++;
    if (type === 'flow-seq-end' || type === 'flow-map-end') flowDepth = Math.max(0, flowDepth - 1);
    if (type === 'newline') {
      column = 0;
      lineHasContent = false;
      continue;
    }
    if (LAYOUT_TOKENS.has(type)) {
      column += MARKERS.has(token) ? 0 : token.length;
      continue;
    }
    const opensFlow = type === 'flow-seq-start' || type === 'flow-map-start';
    const inBlock = flowDepth === 0 || (flowDepth === 1 && opensFlow);
    if (inBlock && (!lineHasContent || NODE_START_AFTER.has(previous))) {
      // A block node starts here: it closes every open node at or right of its column.
      while (blockColumns.length && blockColumns[blockColumns.length - 1] >= column) {
        blockColumns.pop();
      }
      blockColumns.push(column);
    }
    if (blockColumns.length + flowDepth > MAX_VALUES_DEPTH) {
      return `values file is nested more than ${MAX_VALUES_DEPTH} levels deep`;
    }
    lineHasContent = true;
    previous = type;
    if (!MARKERS.has(token)) {
      const newline = token.lastIndexOf('\n');
      column = newline >= 0 ? token.length - newline - 1 : column + token.length;
    }
  }
  return undefined;
}

/** Tags of the YAML 1.2 core schema; every other tag (`!!js/function`, `!!binary`, `!x`) is refused. */
const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** Walks the parsed document (iteratively) for tags, depth and aliases that refer to themselves. */
function checkTree(root: unknown): string | undefined {
  const stack: { node: unknown; depth: number; anchors: readonly string[] }[] = [
    { node: root, depth: 1, anchors: [] },
  ];
  while (stack.length) {
    const { node, depth, anchors } = stack.pop()!;
    if (node === null || node === undefined) continue;
    if (isPair(node)) {
      stack.push({ node: node.key, depth, anchors }, { node: node.value, depth, anchors });
      continue;
    }
    if (isAlias(node)) {
      if (anchors.includes(node.source)) {
        return `values file has a YAML alias *${escapeControls(node.source)} inside its own anchor`;
      }
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      return `values file uses the YAML tag ${escapeControls(tag)}; only plain YAML values are supported`;
    }
    if (depth > MAX_VALUES_DEPTH) {
      return `values file is nested more than ${MAX_VALUES_DEPTH} levels deep`;
    }
    if (isMap(node)) {
      // Keys are compared as the strings they become: `1` and `'1'` are the same field.
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (keys.has(key)) {
          return `values file has the key ${escapeControls(key)} twice in one mapping`;
        }
        keys.add(key);
      }
    }
    if (isMap(node) || isSeq(node)) {
      const inner = node.anchor ? [...anchors, node.anchor] : anchors;
      for (const item of node.items) stack.push({ node: item, depth: depth + 1, anchors: inner });
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return escapeControls(message.split('\n')[0].replace(/:$/, ''));
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses values YAML within the limits above; the result is data for `parseValues`. */
export function readValuesYaml(text: string): SourceResult {
  if (text.length > MAX_VALUES_BYTES) return refuse('values file is larger than 1 MiB');
  try {
    const shape = scanShape(text);
    if (shape) return refuse(shape);
    const documents = parseAllDocuments(text, {
      resolveKnownTags: false,
      logLevel: 'silent',
      // Checked in checkTree: the package's own check compares every pair of keys.
      uniqueKeys: false,
    });
    for (const doc of documents) {
      const error = doc.errors[0];
      if (error?.code === 'RESOURCE_EXHAUSTION') {
        return refuse(`values file is nested more than ${MAX_VALUES_DEPTH} levels deep`);
      }
      if (error) return refuse(`values file is not valid YAML: ${firstLine(error.message)}`);
    }
    const filled = documents.filter((d) => d.contents !== null && !isEmptyScalar(d.contents));
    if (filled.length > 1) {
      return refuse(
        `values file holds ${filled.length} YAML documents; put all values in one document`,
      );
    }
    const doc = filled[0];
    if (!doc) return { ok: true, data: {} };
    const problem = checkTree(doc.contents);
    if (problem) return refuse(problem);
    const warning = doc.warnings[0];
    if (warning) return refuse(`values file is not plain YAML: ${firstLine(warning.message)}`);
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_VALUES_ALIASES });
    } catch (err) {
      if (err instanceof ReferenceError && /alias/i.test(err.message)) {
        return refuse('values file expands too many YAML aliases');
      }
      throw err;
    }
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (!isMapping(data)) {
      return refuse('values file must hold a mapping of fields such as name: and namespace:');
    }
    return { ok: true, data };
  } catch (err) {
    if (err instanceof RangeError) {
      return refuse(`values file is nested more than ${MAX_VALUES_DEPTH} levels deep`);
    }
    return refuse(
      `values file could not be read: ${firstLine(err instanceof Error ? err.message : String(err))}`,
    );
  }
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && !node.tag && !node.anchor;
}
