/** HTTP helpers of the development bridge: cookies, the CSRF rule, responses and static files. */
import * as crypto from 'crypto';
import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';

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

export const parseCookies = (header: string | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
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
    fs.createReadStream(file).pipe(res);
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

/** `Impersonate-User.<b64>` sub-protocols: standard base64 with `=`→`_` and `/`→`-`. */
export const decodeImpersonation = (value: string) =>
  Buffer.from(value.replace(/_/g, '=').replace(/-/g, '/'), 'base64').toString('utf8');
