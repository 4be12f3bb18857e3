import { z } from 'zod';
import { baseValuesSchema } from './schema';

/** JSON Schema (draft 2020-12) of the values file as a user writes it. */
export function valuesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(baseValuesSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
