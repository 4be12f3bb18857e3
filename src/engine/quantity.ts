/**
 * Kubernetes resource quantities (the subset people write by hand): a non-negative decimal number
 * with an optional binary (Ki…Ei) or decimal (m, k, M…E) suffix. Exponent forms are not accepted.
 */
export const QUANTITY_PATTERN = /^(\d+(?:\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;

const MULTIPLIERS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The numeric value of a quantity (bytes for memory, cores for CPU), or undefined if invalid. */
export function parseQuantity(text: string): number | undefined {
  const match = QUANTITY_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  return Number(match[1]) * MULTIPLIERS[match[2] ?? ''];
}

/** A JVM heap size such as `2g` or `1536m`. */
export const JAVA_HEAP_PATTERN = /^[1-9]\d{0,6}[mMgG]$/;

export function parseJavaHeap(text: string): number | undefined {
  if (!JAVA_HEAP_PATTERN.test(text)) {
    return undefined;
  }
  const unit = text.slice(-1).toLowerCase();
  return Number(text.slice(0, -1)) * (unit === 'g' ? 2 ** 30 : 2 ** 20);
}

/** Half of a memory quantity as a JVM heap flag value in MiB (at least 256m). */
export function halfAsJavaHeap(memory: string): string {
  const bytes = parseQuantity(memory) ?? 2 ** 31;
  return `${Math.max(256, Math.floor(bytes / 2 / 2 ** 20))}m`;
}
