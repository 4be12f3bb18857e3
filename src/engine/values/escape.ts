/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides:
 * written raw to a terminal or a page they can move the cursor, recolour or hide text, or make
 * text read in a different order than it is stored.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** User text made safe to echo: every unsafe character becomes a `\uXXXX` escape. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like `escapeControls`, but keeps line feeds and tabs (for multi-line terminal output). */
export function escapeControlsKeepLines(text: string): string {
  return text.replace(UNSAFE, (c) =>
    c === '\n' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
