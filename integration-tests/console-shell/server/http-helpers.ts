/** HTTP helpers of the development bridge: cookies, the CSRF rule, responses and static files. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import { pipeline } from 'stream';

export const USER_COOKIE = 'dev-host-user';
export const CSRF_COOKIE = 'csrf-token';
export const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'X-DNS-Prefetch-Control': 'off',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.html': 'text/html; charset=utf-8',
};

/** A request the host refuses with `status` and a one-line reason. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const OWN_COOKIES = new Set([USER_COOKIE, CSRF_COOKIE]);

/**
 * Cookies by name. Other applications on 127.0.0.1 share the cookie jar, so a foreign cookie
 * that does not decode is skipped; one of the host's own that does not decode is a bad request.
 */
export const parseCookies = (header: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      if (OWN_COOKIES.has(name)) throw new HttpError(400, `malformed ${name} cookie`);
    }
  }
  return out;
};

/** The request target as a URL; only origin-form targets (`/path?query`) are accepted. */
export const requestURL = (req: http.IncomingMessage): URL => {
  const target = req.url ?? '/';
  if (!target.startsWith('/')) throw new HttpError(400, 'the request target must be a path');
  // `//name/…` reads as a network-path reference to any client or proxy that resolves it.
  if (target.startsWith('//'))
    throw new HttpError(400, 'the request target must not start with //');
  try {
    // Concatenated, not resolved: `//name/x` stays a path on this host.
    return new URL(`http://dev-host${target}`);
  } catch {
    throw new HttpError(400, 'malformed request target');
  }
};

const safeEqual = (a: string, b: string) => {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
};

/** The console's CSRF rule: safe methods pass; anything else needs a header matching the cookie. */
export const csrfOK = (req: http.IncomingMessage) => {
  const method = (req.method ?? 'GET').toUpperCase();
  if (['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)) return true;
  const cookie = parseCookies(req.headers.cookie)[CSRF_COOKIE];
  const header = req.headers['x-csrftoken'];
  return Boolean(cookie) && typeof header === 'string' && safeEqual(cookie, header);
};

export const sendText = (res: http.ServerResponse, status: number, body: string) => {
  // Too late for a status once a proxied response has begun: cut it off instead of hanging.
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(body);
};

export const sendJSON = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...SECURITY_HEADERS });
  res.end(JSON.stringify(body));
};

export const serveFile = (
  res: http.ServerResponse,
  root: string,
  relative: string,
  cache = false,
) => {
  const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return sendText(res, 404, 'not found');
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return sendText(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Cache-Control': cache ? 'public, max-age=3600' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    pipeline(fs.createReadStream(file), res, () => undefined);
  });
};

export const readBody = (req: http.IncomingMessage, limit = 1 << 16) =>
  new Promise<string>((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `Impersonate-User.<b64>` sub-protocols: standard base64 with `=`→`_` and `/`→`-`. The decoded
 * name must be UTF-8 text without control characters; it is returned as a header value.
 */
export const decodeImpersonation = (value: string) => {
  const invalid = () => new HttpError(400, 'invalid impersonation sub-protocol');
  if (!/^[A-Za-z0-9+_-]+$/.test(value)) throw invalid();
  let name: string;
  try {
    name = utf8.decode(Buffer.from(value.replace(/_/g, '=').replace(/-/g, '/'), 'base64'));
  } catch {
    throw invalid();
  }
  if (!name || /[\u0000-\u001f\u007f-\u009f]/.test(name)) throw invalid();
  // Header values are bytes: the name's UTF-8 bytes are passed on unchanged.
  return Buffer.from(name, 'utf8').toString('latin1');
};

/** A sub-protocol the host passes on must be an HTTP token (RFC 9110, section 5.6.2). */
export const isToken = (value: string) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value);
