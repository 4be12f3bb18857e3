/**
 * Generators of hostile values files for the fuzz suite (fast-check). `garbage` inputs are invalid
 * by construction: the CLI must refuse each with exit 2. `anything` inputs may or may not be valid:
 * the CLI must only never crash, hang or echo raw control characters.
 */
import fc from 'fast-check';

export interface FuzzInput {
  kind: string;
  bytes: Uint8Array;
  garbage: boolean;
}

const MINIMAL = 'name: ml\nnamespace: team-a\nresources:\n  preset: small\n';
const TOP_LEVEL = [
  ...['name', 'namespace', 'images', 'components', 'storage', 'resources', 'exposure'],
  ...['server', 'credentials', 'login', 'security'],
];

const utf8 = (text: string) => new TextEncoder().encode(text);
const input = (kind: string, garbage: boolean) => (text: string | Uint8Array) => ({
  kind,
  garbage,
  bytes: typeof text === 'string' ? utf8(text) : text,
});

/** Strings with control characters, bidi overrides, quotes, YAML indicators and astral chars. */
const nastyChar = fc.constantFrom(
  '\u001b',
  '\u0007',
  '\u0000',
  '\r',
  '\u009b',
  '\u202e',
  '\u2066',
  '\u2028',
  '"',
  "'",
  ':',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '[',
  '{',
  '\\',
  '😀',
  'é',
);
const nastyString = fc
  .array(fc.oneof(nastyChar, fc.string({ unit: 'grapheme', maxLength: 4 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(''));
const quoted = (s: string) => JSON.stringify(s);

/** A key the schema does not know, often with control characters in it. */
const unknownKey = fc
  .tuple(fc.constantFrom('', 'x', '\u001b[31m', 'storage.', '__proto__'), nastyString)
  .map(([a, b]) => `${a}${b}`)
  .filter((k) => !TOP_LEVEL.includes(k));

const deepNesting = fc
  .tuple(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('flow', 'map', 'block', 'compact'))
  .map(([n, style]) => {
    if (style === 'flow') return `name: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    if (style === 'map') return `a: ${'{b: '.repeat(n)}1${'}'.repeat(n)}\n`;
    if (style === 'compact') return `${'- '.repeat(n)}x\n`;
    return Array.from({ length: Math.min(n, 400) }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
  });

const aliasBomb = fc
  .tuple(fc.integer({ min: 6, max: 12 }), fc.integer({ min: 4, max: 8 }))
  .map(([width, levels]) => {
    const lines = [`l0: &l0 [${Array(width).fill('x').join(', ')}]`];
    for (let i = 1; i < levels; i++) {
      lines.push(
        `l${i}: &l${i} [${Array(width)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    }
    return `${lines.join('\n')}\n`;
  });

const absurdQuantity = fc
  .tuple(
    fc.integer({ min: 20, max: 500 }),
    fc.constantFrom('', 'Ei', 'E', 'Pi', 'k', 'm'),
    fc.constantFrom('memory', 'cpu'),
    fc.constantFrom('requests', 'limits'),
  )
  .map(
    ([digits, unit, kind, where]) =>
      `${MINIMAL}  elasticsearch:\n    ${where}:\n      ${kind}: "${'9'.repeat(digits)}${unit}"\n`,
  );

const reservedNamespace = fc
  .oneof(
    fc.constantFrom('default', 'openshift', 'kube', 'kubernetes'),
    fc
      .tuple(
        fc.constantFrom('kube-', 'openshift-', 'kubernetes-'),
        fc.stringMatching(/^[a-z0-9]{1,20}$/),
      )
      .map(([p, s]) => `${p}${s}`),
  )
  .map((ns) => `name: ml\nnamespace: ${ns}\n`);

const unknownTag = fc
  .tuple(
    fc.constantFrom(
      '!!js/function',
      '!!js/regexp',
      '!!python/object',
      '!!binary',
      '!!set',
      '!!omap',
      '!!timestamp',
      '!Ref',
      '!<tag:evil.example,2000:x>',
    ),
    fc.constantFrom('name', 'namespace', 'login'),
  )
  .map(([tag, key]) => `${key}: ${tag} "x"\n`);

const wrongType = fc
  .tuple(
    fc.constantFrom(
      'name',
      'namespace',
      'components.apiserver.replicas',
      'storage.redis.size',
      'login.enabled',
      'exposure.routes',
      'resources.preset',
    ),
    fc.oneof(
      fc.constantFrom('.inf', '-.inf', '.nan', '1e400', '-1', '0x7fffffffffffffff', '[]', '{}'),
      fc
        .double()
        .filter((d) => !(Number.isInteger(d) && d >= 1 && d <= 10))
        .map(String),
      fc.constant('~'),
      // A trailing BEL keeps every string invalid for these fields.
      nastyString.map((s) => quoted(`${s}\u0007`)),
    ),
  )
  .map(([path, value]) => {
    const parts = path.split('.');
    return `${parts.map((p, i) => `${'  '.repeat(i)}${p}:`).join('\n')} ${value}\n`;
  });

const multiDocument = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('name: b', 'x: 1', '[1]', 'text'))
  .map(([n, doc]) => `${MINIMAL}${`---\n${doc}\n`.repeat(n)}`);

const nonMapping = fc.oneof(
  fc.constantFrom('- a\n', '42\n', '"text"\n', '[1, 2]\n', 'true\n'),
  fc.array(fc.integer(), { minLength: 1 }).map((a) => JSON.stringify(a)),
);

const badBytes = fc.oneof(
  // NUL bytes anywhere.
  fc
    .tuple(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }))
    .map(([a, b]) => Uint8Array.from([...a, 0, ...b])),
  // Bytes that are never valid UTF-8.
  fc
    .tuple(fc.string({ maxLength: 50 }), fc.constantFrom(0xc0, 0xc1, 0xf5, 0xff, 0xfe, 0x80))
    .map(([s, b]) => Uint8Array.from([...utf8(s), b, 0x41])),
  // UTF-16 with a byte-order mark.
  fc.string({ maxLength: 50 }).map((s) => Uint8Array.from([0xff, 0xfe, ...utf8(s)])),
);

const duplicateKey = fc
  .constantFrom('name', 'namespace', 'resources')
  .map((k) => `${MINIMAL}${k}: again\n`);

const controlKey = unknownKey.map((k) => `${MINIMAL}${quoted(k)}: 1\n`);

const oversize = fc
  .tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom('#', 'a', 'k: v\n'))
  .map(([extra, unit]) => {
    const body = unit.repeat(Math.ceil((2 ** 20 + extra) / unit.length));
    return `${unit === '#' ? '#' : 'a: '}${body}`;
  });

/** Invalid by construction: each must be refused with exit 2. */
export const garbage: fc.Arbitrary<FuzzInput> = fc.oneof(
  { arbitrary: controlKey.map(input('control-character key', true)), weight: 3 },
  { arbitrary: unknownTag.map(input('unknown tag', true)), weight: 2 },
  { arbitrary: deepNesting.map(input('deep nesting', true)), weight: 2 },
  { arbitrary: aliasBomb.map(input('alias bomb', true)), weight: 1 },
  { arbitrary: absurdQuantity.map(input('absurd quantity', true)), weight: 2 },
  { arbitrary: reservedNamespace.map(input('reserved namespace', true)), weight: 2 },
  { arbitrary: wrongType.map(input('wrong type', true)), weight: 3 },
  { arbitrary: multiDocument.map(input('several documents', true)), weight: 1 },
  { arbitrary: nonMapping.map(input('not a mapping', true)), weight: 1 },
  { arbitrary: badBytes.map(input('binary or not UTF-8', true)), weight: 3 },
  { arbitrary: duplicateKey.map(input('duplicate key', true)), weight: 1 },
  { arbitrary: oversize.map(input('over 1 MiB', true)), weight: 1 },
);

/** Random mutations of a valid file: some stay valid, most do not. */
const mutation = fc
  .array(
    fc.tuple(
      fc.nat(),
      fc.constantFrom('insert', 'delete', 'replace'),
      fc.oneof(nastyChar, fc.string({ maxLength: 3 })),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) => {
    let text = MINIMAL;
    for (const [at, op, s] of edits) {
      const i = at % (text.length + 1);
      if (op === 'insert') text = text.slice(0, i) + s + text.slice(i);
      else if (op === 'delete') text = text.slice(0, i) + text.slice(i + 1);
      else text = text.slice(0, i) + s + text.slice(i + s.length);
    }
    return text;
  });

/** Anything at all: arbitrary bytes, text, YAML of random data and mutated valid files. */
export const anything: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }).map(input('random bytes', false)),
  fc.string({ unit: 'binary', maxLength: 300 }).map(input('random text', false)),
  fc
    .object({ maxDepth: 4, key: fc.oneof(fc.string(), unknownKey) })
    .map((o) => JSON.stringify(o) ?? '')
    .map(input('random data as JSON', false)),
  mutation.map(input('mutated valid file', false)),
);
