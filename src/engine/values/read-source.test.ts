import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_VALUES_BYTES, readValuesSource } from './read-source';

const example = (name: string) =>
  readFileSync(join(__dirname, '..', '..', '..', 'examples', `${name}.yaml`));

function refused(input: string | Uint8Array): string {
  const result = readValuesSource(input);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.data).slice(0, 80)}`);
  // One sentence: no line breaks, no raw control characters.
  expect(result.message).not.toMatch(/[\n\p{Cc}]/u);
  return result.message;
}

const nested = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i * 2)}a:`).join('\n');

describe('readValuesSource', () => {
  it('reads the examples and empty files', () => {
    expect(readValuesSource(example('minimal'))).toMatchObject({ ok: true, data: { name: 'ml' } });
    expect(readValuesSource(example('production')).ok).toBe(true);
    expect(readValuesSource('')).toEqual({ ok: true, data: {} });
    expect(readValuesSource('# only a comment\n---\n')).toEqual({ ok: true, data: {} });
  });

  it('refuses input over 1 MiB before parsing it', () => {
    const big = new Uint8Array(MAX_VALUES_BYTES + 1).fill(0x61);
    const started = performance.now();
    expect(refused(big)).toBe('values file is larger than 1 MiB; values files are small YAML');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses binary, UTF-16 and invalid UTF-8 bytes instead of decoding them to U+FFFD', () => {
    expect(refused(Buffer.from('name: x\0\n'))).toMatch(/binary \(it contains NUL bytes\)/);
    expect(refused(Buffer.from('\ufeffname: x', 'utf16le'))).toMatch(/UTF-16/);
    expect(refused(Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]))).toBe(
      'values file is not valid UTF-8 text; save it as UTF-8',
    );
    expect(readValuesSource(Buffer.from('name: ökö\n'))).toMatchObject({ ok: true });
  });

  it('refuses several documents, but not a trailing document marker', () => {
    expect(refused('name: a\n---\nname: b\n')).toBe(
      'values file holds 2 YAML documents; put all values in one document',
    );
    expect(refused('---\n'.repeat(100_000))).toMatch(/several YAML documents/);
    expect(readValuesSource('---\nname: a\n---\n')).toMatchObject({ ok: true });
  });

  it('refuses deep nesting in block, compact and flow style, quickly', () => {
    expect(readValuesSource(nested(40)).ok).toBe(true);
    expect(refused(nested(70))).toBe('values file is nested more than 64 levels deep');
    expect(refused(`${'- '.repeat(100)}x`)).toMatch(/nested more than 64/);
    expect(refused(`${'? '.repeat(100)}x`)).toMatch(/nested more than 64/);
    expect(refused(`a: ${'['.repeat(70)}${']'.repeat(70)}`)).toMatch(/nested more than 64/);
    // A quote inside a plain scalar does not hide the brackets after it.
    expect(refused(`[a'b, ${'['.repeat(100)}`)).toMatch(/nested more than 64/);
    const started = performance.now();
    expect(refused('['.repeat(MAX_VALUES_BYTES))).toMatch(/nested more than 64/);
    expect(refused(`a: ${'{a: '.repeat(200_000)}`)).toMatch(/nested more than 64/);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Brackets inside a quoted string are text.
    expect(readValuesSource(`a: '${'['.repeat(5000)}'\n`)).toMatchObject({ ok: true });
  });

  it('refuses thousands of entries before the parser sees them', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const started = performance.now();
    expect(refused(keys)).toBe('values file has more than 2000 entries; values files are small');
    expect(refused(`[${'1,'.repeat(300_000)}]`)).toMatch(/more than 2000 entries/);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('refuses every tag outside the core schema, in one sentence', () => {
    expect(refused('a: !!js/function "function () {}"\n')).toBe(
      'values file uses the YAML tag !!js/function; only plain YAML values are supported',
    );
    expect(refused('a: !custom x\n')).toMatch(/tag !custom;/);
    expect(refused('a: !!binary aGVsbG8=\n')).toMatch(/tag !!binary;/);
    expect(refused('a: !!set {x}\n')).toMatch(/tag !!set;/);
    expect(refused('a: !<tag:example.com,2000:x> 1\n')).toMatch(/tag tag:example\.com/);
    expect(readValuesSource('a: !!str 1\nb: !!int "2"\n')).toEqual({
      ok: true,
      data: { a: '1', b: 2 },
    });
  });

  it('refuses alias bombs and aliases inside their own anchor', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(refused(bomb)).toBe('values file expands too many YAML aliases');
    expect(refused('a: &a [*a]\n')).toBe('values file has a YAML alias *a inside its own anchor');
    expect(readValuesSource('a: &s fast\nb: *s\n')).toEqual({
      ok: true,
      data: { a: 'fast', b: 'fast' },
    });
  });

  it('refuses duplicate keys and non-mappings', () => {
    expect(refused('name: a\nname: b\n')).toBe('values file has the key name twice in one mapping');
    expect(refused('1: a\n"1": b\n')).toMatch(/key 1 twice/);
    expect(refused('- a\n')).toBe(
      'values file must hold a mapping of fields such as name: and namespace:',
    );
    expect(refused('just text')).toMatch(/must hold a mapping/);
  });

  it('gives the parser error as one line with control characters escaped', () => {
    expect(refused('name: [unclosed\n')).toMatch(/^values file is not valid YAML: .+ at line \d/);
    expect(refused('"\\e[2J": 1\n"\\e[2J": 2\n')).toBe(
      'values file has the key \\u001b[2J twice in one mapping',
    );
  });
});
