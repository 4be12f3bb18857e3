import { z } from 'zod';
import { QUANTITY_PATTERN } from '../quantity';
import { MAX_CPU_CORES, MAX_MEMORY_BYTES, quantityWithin } from './limits';
import { rule } from './rule-message';

/** A CPU or memory quantity, bounded far above any node. */
export const quantity = (what: 'cpu' | 'memory') =>
  z
    .string()
    .regex(QUANTITY_PATTERN, rule('values.quantity.format', { resource: what }))
    .refine(
      (v) => quantityWithin(v, what === 'cpu' ? MAX_CPU_CORES : MAX_MEMORY_BYTES),
      what === 'cpu'
        ? rule('values.quantity.cpuMax', { max: MAX_CPU_CORES })
        : rule('values.quantity.memoryMax', { max: MAX_MEMORY_BYTES / 2 ** 40 }),
    );

/** Requests and limits of CPU and memory, each optional. */
export const resourceOverride = z
  .strictObject({
    requests: z
      .strictObject({ cpu: quantity('cpu').optional(), memory: quantity('memory').optional() })
      .optional(),
    limits: z
      .strictObject({ cpu: quantity('cpu').optional(), memory: quantity('memory').optional() })
      .optional(),
  })
  .optional();
