import { describe, expect, it } from 'vitest';
import { type SelectorRequirement, selectorFromString } from './label-selector';

// What the SDK's `selectorToString` (lib/utils/k8s/k8s-utils.js) makes of each requirement;
// the SDK module itself needs the console's internal models to load.
const requirementToString = (r: SelectorRequirement) =>
  ({
    Equals: `${r.key}=${r.values[0]}`,
    NotEquals: `${r.key}!=${r.values[0]}`,
    Exists: r.key,
    DoesNotExist: `!${r.key}`,
    In: `${r.key} in (${r.values.join(',')})`,
    NotIn: `${r.key} notin (${r.values.join(',')})`,
  })[r.operator];
const sdkString = (text: string) =>
  selectorFromString(text).matchExpressions.map(requirementToString).join(',');

describe('selectorFromString', () => {
  it("gives a Selector the SDK turns back into the engine's instance selector", () => {
    const text =
      'app.kubernetes.io/instance=clearml,app.kubernetes.io/managed-by=clearml-console-plugin';
    expect(selectorFromString(text)).toEqual({
      matchExpressions: [
        { key: 'app.kubernetes.io/instance', operator: 'Equals', values: ['clearml'] },
        {
          key: 'app.kubernetes.io/managed-by',
          operator: 'Equals',
          values: ['clearml-console-plugin'],
        },
      ],
    });
    expect(sdkString(text)).toBe(text);
  });

  it('reads every operator', () => {
    expect(selectorFromString('a=b, c==d,e!=f,g,!h,i in (j, k),l notin (m)')).toEqual({
      matchExpressions: [
        { key: 'a', operator: 'Equals', values: ['b'] },
        { key: 'c', operator: 'Equals', values: ['d'] },
        { key: 'e', operator: 'NotEquals', values: ['f'] },
        { key: 'g', operator: 'Exists', values: [] },
        { key: 'h', operator: 'DoesNotExist', values: [] },
        { key: 'i', operator: 'In', values: ['j', 'k'] },
        { key: 'l', operator: 'NotIn', values: ['m'] },
      ],
    });
    expect(sdkString('i in (j,k),!h')).toBe('i in (j,k),!h');
  });

  it('rejects what it cannot read', () => {
    expect(() => selectorFromString('a > 1')).toThrow(/unsupported/);
  });
});
