/**
 * A strict reader for the part of HOCON (github.com/lightbend/config HOCON.md) that a
 * `CLEARML__*` variable turns into: `<path>: <value>`. It understands quoted strings with JSON
 * escapes, lists, objects, numbers, booleans, null, unquoted strings and comments, and refuses
 * anything it would have to concatenate or drop, so a value that HOCON would truncate or change
 * fails here instead of passing silently. Test support only.
 */
export type Hocon = string | number | boolean | null | Hocon[] | { [key: string]: Hocon };

export interface HoconRead {
  value: Hocon;
  /** The value was written as a quoted string, not an unquoted one. */
  quoted: boolean;
}

// HOCON.md "Unquoted strings": characters that may not appear in an unquoted string.
const FORBIDDEN = new Set('$"{}[]:=,+#`^?!@*&\\'.split(''));
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  fail(what: string): never {
    throw new Error(`${what} at ${this.pos} in ${JSON.stringify(this.text)}`);
  }

  /** Skips spaces, tabs, comments and (if asked) newlines. */
  skip(newlines: boolean): void {
    for (;;) {
      const c = this.text[this.pos];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) {
        this.pos++;
      } else if (c === '#' || this.text.startsWith('//', this.pos)) {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos++;
      } else {
        return;
      }
    }
  }

  quoted(): string {
    if (this.text.startsWith('"""', this.pos)) this.fail('multi-line string');
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return out;
      if (c < ' ') this.fail('raw control character in string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      if (e === 'u') {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 4;
      } else if (e in ESCAPES) {
        out += ESCAPES[e];
      } else {
        this.fail('bad escape');
      }
    }
  }

  unquoted(): string {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (FORBIDDEN.has(c) || /\s/.test(c) || this.text.startsWith('//', this.pos)) break;
      this.pos++;
    }
    if (this.pos === start) this.fail('expected a value');
    return this.text.slice(start, this.pos);
  }

  value(): HoconRead {
    const c = this.text[this.pos];
    let read: HoconRead;
    if (c === '"') read = { value: this.quoted(), quoted: true };
    else if (c === '[') read = { value: this.list(), quoted: false };
    else if (c === '{') read = { value: this.object(), quoted: false };
    else read = { value: literal(this.unquoted()), quoted: false };
    // Anything else on the line would be concatenated (or is a syntax error): refuse it.
    // A comment after it would silently drop the rest of the line.
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    const next = this.text[this.pos];
    if (next !== undefined && !'\n\r,]}'.includes(next)) {
      this.fail('value continues (HOCON would concatenate, drop a comment or fail)');
    }
    return read;
  }

  list(): Hocon[] {
    this.pos++;
    const items: Hocon[] = [];
    for (;;) {
      this.skip(true);
      if (this.text[this.pos] === ']') return (this.pos++, items);
      items.push(this.value().value);
      this.skip(true);
      if (this.text[this.pos] === ',') this.pos++;
    }
  }

  object(): { [key: string]: Hocon } {
    this.pos++;
    const out: { [key: string]: Hocon } = {};
    for (;;) {
      this.skip(true);
      if (this.text[this.pos] === '}') return (this.pos++, out);
      const key = this.text[this.pos] === '"' ? this.quoted() : this.unquoted();
      this.skip(false);
      if (this.text[this.pos] !== ':' && this.text[this.pos] !== '=') this.fail('expected :');
      this.pos++;
      this.skip(false);
      out[key] = this.value().value;
      this.skip(true);
      if (this.text[this.pos] === ',') this.pos++;
    }
  }
}

function literal(word: string): Hocon {
  if (word === 'true' || word === 'yes' || word === 'on') return true;
  if (word === 'false' || word === 'no' || word === 'off') return false;
  if (word === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word);
  return word;
}

/** Reads `"<path>: <value>"` as the ClearML config loader builds it; throws on anything else. */
export function readSetting(text: string): { path: string; read: HoconRead } {
  const r = new Reader(text);
  const path = r.unquoted();
  r.skip(false);
  if (r.text[r.pos] !== ':') r.fail('expected :');
  r.pos++;
  r.skip(false);
  const read = r.value();
  r.skip(true);
  if (r.pos !== text.length) r.fail('trailing text');
  return { path, read };
}
