/**
 * The page follows the console's light and dark themes only if every colour it draws comes from
 * a PatternFly token (or a PatternFly component's own colour prop): a hard-coded colour stays
 * the same when the console switches to `pf-v6-theme-dark` and turns into dark-on-dark text or a
 * white box. A misspelt token is as bad: `var()` of an undefined property falls back silently.
 * This reads the page's sources and PatternFly's own stylesheet (the one the console ships).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SRC = path.dirname(new URL(import.meta.url).pathname);

const uiSources = (): string[] => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        // The engine draws nothing; test helpers are not shipped.
        if (!['engine', 'test-support', 'cli'].includes(entry.name)) walk(full);
      } else if (/\.(tsx?|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push(full);
      }
    }
  };
  walk(SRC);
  return out;
};

const NAMED = [
  'black',
  'white',
  'red',
  'green',
  'blue',
  'gray',
  'grey',
  'orange',
  'yellow',
  'purple',
  'pink',
  'silver',
  'navy',
  'teal',
  'maroon',
  'olive',
  'lime',
  'aqua',
  'fuchsia',
  'cyan',
  'magenta',
  'darkgray',
  'lightgray',
  'darkgrey',
  'lightgrey',
  'gold',
  'brown',
];
// Colours written as values: CSS declarations and style objects (`color: red`), and SVG paint
// attributes (`fill="red"`). A PatternFly component's `color` prop (`<Label color="green">`)
// is themed by PatternFly and allowed.
const CSS_SLOT = String.raw`(?:color|background(?:-color)?|backgroundColor|fill|stroke|border(?:-color)?|borderColor|outline(?:-color)?|stop-color|stopColor)`;
const SVG_PAINT = String.raw`(?:fill|stroke|stop-color|stopColor)`;
const NAMES = NAMED.join('|');
const hardCoded = [
  {
    what: 'a hex colour',
    re: /(?<![\w&/])#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})\b(?![-\w])/gi,
  },
  { what: 'an rgb()/hsl() colour', re: /\b(?:rgba?|hsla?)\s*\(/gi },
  {
    what: 'a named colour',
    re: new RegExp(
      String.raw`\b${CSS_SLOT}\s*:\s*['"]?(?:${NAMES})\b|\b${SVG_PAINT}\s*=\s*\{?\s*['"](?:${NAMES})\b`,
      'gi',
    ),
  },
];

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('colours on the page come from PatternFly tokens', () => {
  const files = uiSources();

  it('finds the page sources', () => {
    expect(files.some((f) => f.endsWith(path.join('components', 'ClearMLPage.tsx')))).toBe(true);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
  });

  it('hard-codes no colour', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const { what, re } of hardCoded) {
        for (const m of text.matchAll(re)) {
          found.push(
            `${path.relative(SRC, file)}:${lineOf(text, m.index ?? 0)}: ${what} (${m[0]})`,
          );
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('uses only tokens and variables that PatternFly defines, in light and dark', () => {
    const css = fs.readFileSync(require.resolve('@patternfly/patternfly/patternfly.css'), 'utf8');
    const defined = new Set([...css.matchAll(/(--pf-[\w-]+)\s*:/g)].map((m) => m[1]));
    const darkStart = css.indexOf(':root:where(.pf-v6-theme-dark)');
    expect(darkStart).toBeGreaterThan(0);
    const unknown: string[] = [];
    let used = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/--pf-(?:t|v6)--[\w-]+/g)) {
        used += 1;
        if (!defined.has(m[0]))
          unknown.push(`${path.relative(SRC, file)}:${lineOf(text, m.index ?? 0)}: ${m[0]}`);
      }
    }
    expect(used).toBeGreaterThan(5);
    expect(unknown).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const samples = [
      'fill="#fff"',
      'color: #1b1d21;',
      "style={{ color: 'white' }}",
      'stroke="red"',
      'background: rgb(0, 0, 0)',
    ];
    for (const sample of samples) {
      expect(
        hardCoded.some(({ re }) => new RegExp(re.source, re.flags).test(sample)),
        sample,
      ).toBe(true);
    }
    for (const clean of [
      'fill="var(--pf-t--global--text--color--regular)"',
      '<Label color="green">',
      'href={`#${id}`}',
      'namespace === "#ALL_NS#"',
    ]) {
      expect(
        hardCoded.some(({ re }) => new RegExp(re.source, re.flags).test(clean)),
        clean,
      ).toBe(false);
    }
  });
});
