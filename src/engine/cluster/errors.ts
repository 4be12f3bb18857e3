/**
 * API errors keep the HTTP status and the API's Status reason and details, and turn into
 * sentences that say what to do. Neither adapter logs request bodies, so no secret leaks here.
 */
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
 * "create Deployment team-a/clearml-apiserver".
 */
export function explainError(err: unknown, what: string): string {
  if (err instanceof NetworkError) {
    return `Could not reach the cluster to ${what}: ${err.message}. Check the connection and the API server address, then try again.`;
  }
  if (!isApiError(err)) {
    const message = err instanceof Error ? err.message : String(err);
    return `Could not ${what}: ${message}`;
  }
  const server = err.message.replace(/\.$/, '');
  switch (true) {
    case err.status === 401:
      return `Your session is not accepted by the cluster (HTTP 401) while trying to ${what}. Log in again, then retry.`;
    case isEscalationForbidden(err):
      return `You may not ${what}: it grants a permission you do not hold yourself. Ask a cluster administrator to apply the security grants shown in the hand-off, then continue.`;
    case err.status === 403:
      return `You are not allowed to ${what} (HTTP 403: ${server}). Ask a project or cluster administrator for the permission, or choose a project where you have it.`;
    case err.status === 404:
      return `Could not ${what}: it was not found (HTTP 404: ${server}). The project or API may not exist on this cluster.`;
    case err.status === 409:
      return `Could not ${what}: it changed at the same time or already exists (HTTP 409: ${server}). Reload and try again.`;
    case err.status === 422 || err.status === 400: {
      const fields = (err.details?.causes ?? [])
        .map((c) => (c.field ? `${c.field}: ${c.message ?? c.reason ?? 'invalid'}` : c.message))
        .filter(Boolean);
      const detail = fields.length ? fields.join('; ') : server;
      return `The cluster rejected the request to ${what} as invalid (HTTP ${err.status}: ${detail}). Correct the value and try again.`;
    }
    case err.status === 429:
      return `The cluster is busy and asked to slow down (HTTP 429) while trying to ${what}. Wait a moment, then try again.`;
    case err.status >= 500:
      return `The cluster failed to ${what} (HTTP ${err.status}: ${server}). This is usually temporary: try again; if it persists, ask a cluster administrator to check the API server.`;
    default:
      return `Could not ${what} (HTTP ${err.status}: ${server}).`;
  }
}
