/** Parses a response body into an API Status when it is one. */
import type { ApiStatus } from './errors';

export function parseStatus(text: string): ApiStatus | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as ApiStatus;
    return body && typeof body === 'object' ? body : undefined;
  } catch {
    return { message: text.slice(0, 500) };
  }
}
