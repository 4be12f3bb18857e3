/**
 * The SDK's `k8sList`/`k8sListItems` take `queryParams.labelSelector` as a Selector object and
 * turn it back into text with `selectorToString`; a plain string would be read as an object
 * (`0=a,1=p,…`). This parses the engine's selector text into the Selector form.
 */

type Operator = 'Equals' | 'NotEquals' | 'Exists' | 'DoesNotExist' | 'In' | 'NotIn';

export interface SelectorRequirement {
  key: string;
  operator: Operator;
  values: string[];
}

export interface Selector {
  matchExpressions: SelectorRequirement[];
}

/** Splits on commas outside `( … )`. */
function requirementsOf(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((r) => r.trim()).filter(Boolean);
}

const SET = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/;
const EQUALITY = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/;
const EXISTS = /^(!?)([^!=\s()]+)$/;

/** `a=b,c!=d,e,!f,g in (h,i),j notin (k)` → Selector; throws on anything else. */
export function selectorFromString(text: string): Selector {
  const matchExpressions = requirementsOf(text).map((r): SelectorRequirement => {
    let m = SET.exec(r);
    if (m) {
      const values = m[3]
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      return { key: m[1], operator: m[2] === 'in' ? 'In' : 'NotIn', values };
    }
    m = EQUALITY.exec(r);
    if (m) return { key: m[1], operator: m[2] === '!=' ? 'NotEquals' : 'Equals', values: [m[3]] };
    m = EXISTS.exec(r);
    if (m) return { key: m[2], operator: m[1] ? 'DoesNotExist' : 'Exists', values: [] };
    throw new Error(`unsupported label selector requirement: ${r}`);
  });
  return { matchExpressions };
}
