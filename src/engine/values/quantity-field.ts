import { z } from 'zod';
import { QUANTITY_PATTERN } from '../quantity';
import { MAX_CPU_CORES, MAX_MEMORY_BYTES, quantityWithin } from './limits';

/** A CPU or memory quantity, bounded far above any node. */
export const quantity = (what: 'cpu' | 'memory') =>
  z
    .string()
    .regex(QUANTITY_PATTERN, `${what} must be a Kubernetes quantity such as 500m, 2 or 4Gi`)
    .refine(
      (v) => quantityWithin(v, what === 'cpu' ? MAX_CPU_CORES : MAX_MEMORY_BYTES),
      what === 'cpu'
        ? `cpu must be at most ${MAX_CPU_CORES} cores`
        : `memory must be at most ${MAX_MEMORY_BYTES / 2 ** 40}Ti`,
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
