import { CST, isAlias, isMap, isPair, isScalar, isSeq, Lexer, parseAllDocuments } from 'yaml';
import { type Message, msg } from '../messages/message';
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

/** A refusal says why in English (`message`, as the CLI prints it) and as a message for the page. */
export type SourceResult =
  { ok: true; data: unknown } | { ok: false; message: string; i18n: Message };

const refuse = (m: Message): { ok: false; message: string; i18n: Message } => ({
  ok: false,
  message: m.text,
  i18n: m,
});

/** Bytes to text: UTF-8 only, no NUL bytes, at most `MAX_VALUES_BYTES`. */
export function decodeValuesBytes(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string; i18n: Message } {
  if (bytes.length > MAX_VALUES_BYTES) return refuse(msg('values.file.tooLargeBytes'));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse(msg('values.file.utf16'));
  }
  if (bytes.includes(0)) return refuse(msg('values.file.binary'));
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return refuse(msg('values.file.notUtf8'));
  }
}

/** Reads a values file given as bytes (from disk or stdin) or as text. */
export function readValuesSource(input: Uint8Array | string): SourceResult {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_VALUES_BYTES) return refuse(msg('values.file.tooLarge'));
    if (input.includes('\0')) return refuse(msg('values.file.nul'));
    text = input;
  } else {
    const decoded = decodeValuesBytes(input);
    if (!decoded.ok) return decoded;
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
function scanShape(text: string): Message | undefined {
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
      return msg('values.file.entries', { max: MAX_VALUES_ENTRIES });
    }
    if ((type === 'doc-start' || type === 'doc-end') && ++documents > 3) {
      return msg('values.file.severalDocuments');
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
      return msg('values.file.deep', { max: MAX_VALUES_DEPTH });
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
function checkTree(root: unknown): Message | undefined {
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
        return msg('values.file.selfAlias', { alias: escapeControls(node.source) });
      }
      continue;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) continue;
    if (node.tag && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      return msg('values.file.tag', { tag: escapeControls(tag) });
    }
    if (depth > MAX_VALUES_DEPTH) {
      return msg('values.file.deep', { max: MAX_VALUES_DEPTH });
    }
    if (isMap(node)) {
      // Keys are compared as the strings they become: `1` and `'1'` are the same field.
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (keys.has(key)) {
          return msg('values.file.keyTwice', { key: escapeControls(key) });
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
  if (text.length > MAX_VALUES_BYTES) return refuse(msg('values.file.tooLarge'));
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
        return refuse(msg('values.file.deep', { max: MAX_VALUES_DEPTH }));
      }
      if (error) {
        return refuse(msg('values.file.invalidYaml', { detail: firstLine(error.message) }));
      }
    }
    const filled = documents.filter((d) => d.contents !== null && !isEmptyScalar(d.contents));
    if (filled.length > 1) {
      return refuse(msg('values.file.documents', { documents: filled.length }));
    }
    const doc = filled[0];
    if (!doc) return { ok: true, data: {} };
    const problem = checkTree(doc.contents);
    if (problem) return refuse(problem);
    const warning = doc.warnings[0];
    if (warning) {
      return refuse(msg('values.file.notPlainYaml', { detail: firstLine(warning.message) }));
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_VALUES_ALIASES });
    } catch (err) {
      if (err instanceof ReferenceError && /alias/i.test(err.message)) {
        return refuse(msg('values.file.aliases'));
      }
      throw err;
    }
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (!isMapping(data)) {
      return refuse(msg('values.file.notMapping'));
    }
    return { ok: true, data };
  } catch (err) {
    if (err instanceof RangeError) {
      return refuse(msg('values.file.deep', { max: MAX_VALUES_DEPTH }));
    }
    const detail = firstLine(err instanceof Error ? err.message : String(err));
    return refuse(msg('values.file.unreadable', { detail }));
  }
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && !node.tag && !node.anchor;
}
