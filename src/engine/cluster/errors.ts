/**
 * API errors keep the HTTP status and the API's Status reason and details, and turn into
 * sentences that say what to do. Neither adapter logs request bodies, so no secret leaks here.
 */
import { type Message, msg } from '../messages/message';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** The body of a Kubernetes `Status` response, as far as the engine reads it. */
export interface ApiStatus {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: StatusDetails;
}

export class ApiError extends Error {
  readonly status: number;
  readonly reason: string;
  readonly details?: StatusDetails;

  constructor(status: number, body: ApiStatus | undefined, fallbackMessage?: string) {
    super(body?.message || fallbackMessage || `The API server answered HTTP ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.reason = body?.reason ?? '';
    this.details = body?.details;
  }
}

/** A request that never got an HTTP answer (connection refused, DNS, TLS, timeout). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;

export const isNotFound = (err: unknown) => isApiError(err) && err.status === 404;
export const isConflict = (err: unknown) => isApiError(err) && err.status === 409;

/** The escalation check's 403 when a user grants a role they do not hold (e.g. an SCC). */
export const isEscalationForbidden = (err: unknown) =>
  isApiError(err) &&
  err.status === 403 &&
  /attempting to grant RBAC permissions not currently held/.test(err.message);

/** Errors worth retrying as they are: throttling, server trouble, network trouble. */
export const isTransient = (err: unknown) =>
  err instanceof NetworkError ||
  (isApiError(err) && (err.status === 429 || err.status >= 500 || err.status === 0));

/**
 * One or two sentences a person can act on. `what` names the thing being done, e.g.
 * "create Deployment team-a/clearml-apiserver"; the server's own words stay as they are.
 */
export function explainErrorMessage(err: unknown, what: string | Message): Message {
  if (err instanceof NetworkError) return msg('error.network', { what, detail: err.message });
  if (!isApiError(err)) {
    return msg('error.other', { what, detail: err instanceof Error ? err.message : String(err) });
  }
  const detail = err.message.replace(/\.$/, '');
  const status = err.status;
  switch (true) {
    case status === 401:
      return msg('error.unauthorized', { what });
    case isEscalationForbidden(err):
      return msg('error.escalation', { what });
    case status === 403:
      return msg('error.forbidden', { what, detail });
    case status === 404:
      return msg('error.notFound', { what, detail });
    case status === 409:
      return msg('error.conflict', { what, detail });
    case status === 422 || status === 400: {
      const fields = (err.details?.causes ?? [])
        .map((c) => (c.field ? `${c.field}: ${c.message ?? c.reason ?? 'invalid'}` : c.message))
        .filter(Boolean);
      return msg('error.invalid', {
        what,
        status,
        detail: fields.length ? fields.join('; ') : detail,
      });
    }
    case status === 429:
      return msg('error.throttled', { what });
    case status >= 500:
      return msg('error.server', { what, status, detail });
    default:
      return msg('error.http', { what, status, detail });
  }
}

/** The English sentence of `explainErrorMessage`. */
export const explainError = (err: unknown, what: string | Message): string =>
  explainErrorMessage(err, what).text;
