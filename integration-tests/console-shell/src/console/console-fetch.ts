/**
 * `coFetch`, `coFetchJSON` and `coFetchText`: what the SDK exports as `consoleFetch`,
 * `consoleFetchJSON` and `consoleFetchText`. Same header, retry, error and timeout rules as the
 * console 4.22 implementation: `X-CSRFToken` from the `csrf-token` cookie on every request that
 * is not an explicit GET (only while a redux store is registered), impersonation headers from
 * `sdkCore.impersonate`, 429 retries, `HttpError` messages and admission-webhook warnings.
 */
import { HttpError } from '@openshift-console/dynamic-plugin-sdk/lib/utils/error/http-error';
import storeHandler from '@openshift-console/dynamic-plugin-sdk/lib/app/storeHandler';
import { getImpersonate } from '@openshift-console/dynamic-plugin-sdk/lib/app/core/reducers/coreSelectors';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Headers = Record<string, string>;
type FetchOptions = Omit<RequestInit, 'headers'> & { headers?: Headers };

export class TimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(`Call to ${url} timed out after ${ms}ms.`);
    this.name = 'TimeoutError';
  }
}

export const getCSRFToken = (): string | undefined =>
  document.cookie
    .split(';')
    .map((c) => c.trim())
    .filter((c) => c.startsWith('csrf-token='))
    .map((c) => decodeURIComponent(c.slice('csrf-token='.length)))[0];

export const getConsoleRequestHeaders = (): Headers | undefined => {
  const store = storeHandler.getStore();
  if (!store) {
    return undefined;
  }
  const headers: Headers = {};
  const token = getCSRFToken();
  if (token) {
    headers['X-CSRFToken'] = token;
  }
  const impersonate = getImpersonate(store.getState());
  if (impersonate) {
    if (impersonate.kind === 'User') {
      headers['Impersonate-User'] = impersonate.name;
    } else if (impersonate.kind === 'Group') {
      headers['Impersonate-User'] = impersonate.name;
      headers['Impersonate-Group'] = impersonate.name;
    } else if (impersonate.kind === 'UserWithGroups') {
      headers['Impersonate-User'] = impersonate.name;
      const groups = (impersonate as { groups?: string[] }).groups;
      if (groups?.length) {
        headers['X-Console-Impersonate-Groups'] = groups.join(',');
      }
    }
  }
  return headers;
};

/** Mutates `options.headers` (a plain object), as the console does. */
export const applyConsoleHeaders = (url: string, options: FetchOptions): FetchOptions => {
  const consoleHeaders = getConsoleRequestHeaders();
  if (!options.headers) {
    options.headers = {};
  }
  if (consoleHeaders) {
    Object.assign(options.headers, consoleHeaders);
  }
  if (options.method === 'GET' || url.includes('://')) {
    delete options.headers['X-CSRFToken'];
  }
  return options;
};

const decodeGoEscapes = (msg: string) =>
  msg.replace(/\\u([0-9a-fA-F]{4})/g, (_m, hex) => String.fromCharCode(Number.parseInt(hex, 16)));

const shouldLogout = (url: string) => {
  const base = `${window.SERVER_FLAGS.basePath}api/kubernetes/`;
  if (!url.startsWith(base) && !new URL(url, window.location.href).pathname.startsWith(base)) {
    return false;
  }
  return !/\/api\/v1\/proxy\/|\/namespaces\/[^/]+\/services\/[^/]+\/proxy\//.test(url);
};

let loggingOut = false;
const logout = () => {
  if (loggingOut) return;
  loggingOut = true;
  // The development host has no login flow; a 401 means the selected identity is invalid.
  console.error('Unauthorized: the selected identity was rejected by the API server.');
};

const validateStatus = async (response: Response, url: string, method: string, attempt: number) => {
  if (response.ok || response.status === 304) {
    return response;
  }
  if (response.status === 401 && shouldLogout(url)) {
    logout();
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) {
    throw new HttpError(response.statusText, response.status, response);
  }
  const json = await response.json().catch(() => undefined);
  if (response.status === 403) {
    throw new HttpError(
      decodeGoEscapes(json?.message ?? 'Access denied due to cluster policy.'),
      response.status,
      response,
      json,
    );
  }
  const cause = json?.details?.causes?.[0];
  let reason: string;
  if (cause) {
    reason = `Error "${cause.message}" for field "${cause.field}".`;
  } else {
    reason = json?.message ?? json?.error ?? response.statusText;
  }
  const error = new HttpError(decodeGoEscapes(String(reason)), response.status, response, json);
  (error as any).attempt = attempt;
  (error as any).method = method;
  throw error;
};

const retryable = (error: any, method: string) =>
  error instanceof HttpError &&
  (error.code === 429 ||
    (error.code === 409 &&
      method === 'POST' &&
      ['resourcequotas', 'clusterresourcequotas'].includes((error as any).json?.details?.kind)));

const dispatchWarning = (response: Response, method: string) => {
  const warning = response.headers.get('Warning');
  const store = storeHandler.getStore();
  if (!warning || method === 'GET' || !store) return;
  const url = new URL(response.url, window.location.href);
  const segments = url.pathname.split('/').filter(Boolean);
  const name = segments[segments.length - 1] ?? '';
  const kind = segments[segments.length - 2] ?? '';
  store.dispatch({
    type: 'setAdmissionWebhookWarning',
    payload: { id: `${kind}_${name}_${warning}`, warning: { kind, name, warning } },
  });
};

const fetchWithRetries = async (url: string, options: FetchOptions): Promise<Response> => {
  const method = (options.method ?? 'GET').toUpperCase();
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, options);
    try {
      await validateStatus(response, url, method, attempt);
      dispatchWarning(response, method);
      return response;
    } catch (error) {
      if (attempt < 3 && retryable(error, method)) continue;
      throw error;
    }
  }
};

// The SDK's k8s CRUD functions pass `null` for options and timeout (e.g. `k8sCreate` calls
// `coFetchJSON.post(url, data, null, null)`); the console merges options with lodash
// `defaultsDeep`, which treats `null` as empty, so every entry point here does too.
export const coFetch = (
  url: string,
  options: FetchOptions | null = {},
  timeout: number | null = 60000,
): Promise<Response> => {
  const allOptions: FetchOptions = { credentials: 'same-origin', ...(options ?? {}) };
  allOptions.headers = { ...(options?.headers ?? {}) };
  applyConsoleHeaders(url, allOptions);
  const request = fetchWithRetries(url, allOptions);
  if (!timeout || timeout <= 0) {
    return request;
  }
  return Promise.race([
    request,
    new Promise<Response>((_resolve, reject) =>
      setTimeout(() => reject(new TimeoutError(url, timeout)), timeout),
    ),
  ]);
};

const parseBody = async (response: Response) => {
  const text = await response.text();
  if (!text) {
    return response.headers.get('Content-Type') === 'text/plain' ? '' : {};
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const fetchJSON = (
  url: string,
  method = 'GET',
  options: FetchOptions | null = {},
  timeout?: number | null,
): Promise<any> => {
  const headers: Headers = { Accept: 'application/json', ...(options?.headers ?? {}) };
  return coFetch(url, { ...options, method, headers }, timeout).then(parseBody);
};

const sendJSON = (
  method: string,
  url: string,
  json: unknown,
  options: FetchOptions | null = {},
  timeout?: number | null,
) => {
  const headers: Headers = {
    Accept: 'application/json',
    ...(options?.headers ?? {}),
    'Content-Type': `application/${method === 'PATCH' ? 'json-patch+json' : 'json'};charset=UTF-8`,
  };
  const body = json === undefined || json === null ? undefined : JSON.stringify(json);
  return coFetch(url, { ...options, method, headers, ...(body ? { body } : {}) }, timeout).then(
    parseBody,
  );
};

export const coFetchJSON = Object.assign(fetchJSON, {
  delete: (url: string, json?: unknown, options?: FetchOptions | null, timeout?: number | null) =>
    json
      ? sendJSON('DELETE', url, json, options, timeout)
      : fetchJSON(url, 'DELETE', options, timeout),
  post: (url: string, json: unknown, options?: FetchOptions | null, timeout?: number | null) =>
    sendJSON('POST', url, json, options, timeout),
  put: (url: string, json: unknown, options?: FetchOptions | null, timeout?: number | null) =>
    sendJSON('PUT', url, json, options, timeout),
  patch: (url: string, json: unknown, options?: FetchOptions | null, timeout?: number | null) =>
    sendJSON('PATCH', url, json, options, timeout),
});

export const coFetchText = (
  url: string,
  options: FetchOptions | null = {},
  timeout?: number | null,
) => coFetch(url, options, timeout).then((response) => response.text());
