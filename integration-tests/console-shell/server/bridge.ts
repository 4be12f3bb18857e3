/**
 * A bridge-like server for the development console host. It reproduces the parts of the
 * console's bridge that a plugin talks to:
 *   - the index page with `window.SERVER_FLAGS` inlined and a fresh `csrf-token` cookie;
 *   - `/api/plugins/<name>/…` from the plugin's build folder or dev server (GET only);
 *   - `/locales/resource.json?lng=&ns=` (plugin namespaces from the plugin's `locales/`);
 *   - `/api/kubernetes/…` reverse-proxied to the API server with the selected identity's
 *     credentials, HTTP and WebSocket, behind the CSRF rule (non-GET requests need an
 *     `X-CSRFToken` header equal to the cookie, else 403).
 * Plus one host-only endpoint, `/api/dev-host/user`, to switch the identity.
 *
 * It serves only requests addressed to it by its loopback name, and WebSocket upgrades and
 * writes only from its own pages (request-guard.ts). Bad input gets a 4xx; nothing a client
 * sends can stop the process or leave a response open.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import { pipeline, type Duplex } from 'stream';
import { WebSocket, WebSocketServer } from 'ws';
import { renderIndexHTML } from './index-html';
import {
  USER_COOKIE,
  CSRF_COOKIE,
  HOP_BY_HOP,
  SECURITY_HEADERS,
  HttpError,
  parseCookies,
  requestURL,
  csrfOK,
  sendText,
  sendJSON,
  serveFile,
  readBody,
  decodeImpersonation,
  isToken,
} from './http-helpers';
import type { Identity } from './kubeconfig';
import { refusal } from './request-guard';

export type PluginSource = { name: string; dir?: string; url?: string };

export type BridgeOptions = {
  hostDist: string;
  plugins: PluginSource[];
  identities: Identity[];
  defaultUser?: string;
  basePath?: string;
  releaseVersion?: string;
  i18nNamespaces?: string[];
  log?: (line: string) => void;
};

export const createBridge = (options: BridgeOptions) => {
  const basePath = options.basePath ?? '/';
  const log = options.log ?? (() => undefined);
  const users = options.identities.map((i) => i.context);
  const defaultUser =
    options.defaultUser && users.includes(options.defaultUser)
      ? options.defaultUser
      : (users.find((u) => u === 'admin') ?? users[0]);
  const agents = new Map<string, https.Agent>();

  const identityFor = (req: http.IncomingMessage): Identity | undefined => {
    const chosen = parseCookies(req.headers.cookie)[USER_COOKIE];
    const name = chosen && users.includes(chosen) ? chosen : defaultUser;
    return options.identities.find((i) => i.context === name);
  };

  const tlsOptions = (identity: Identity) => ({
    ca: identity.ca,
    cert: identity.cert,
    key: identity.key,
    rejectUnauthorized: !identity.insecureSkipTLSVerify,
  });

  const agentFor = (identity: Identity) => {
    let agent = agents.get(identity.context);
    if (!agent) {
      agent = new https.Agent({ keepAlive: true, ...tlsOptions(identity) });
      agents.set(identity.context, agent);
    }
    return agent;
  };

  /** Request headers as the bridge forwards them. */
  const upstreamHeaders = (req: http.IncomingMessage, identity: Identity, target: URL) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      const lower = name.toLowerCase();
      if (
        HOP_BY_HOP.has(lower) ||
        ['cookie', 'x-csrftoken', 'host', 'authorization'].includes(lower)
      ) {
        continue;
      }
      if (lower === 'x-console-impersonate-groups') continue;
      if (value !== undefined) headers[name] = value;
    }
    const groups = String(req.headers['x-console-impersonate-groups'] ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean);
    const existing = headers['impersonate-group'];
    const allGroups = [
      ...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []),
      ...groups,
    ];
    if (allGroups.length > 0) {
      delete headers['impersonate-group'];
      headers['Impersonate-Group'] = [...allGroups, 'system:authenticated'];
    }
    if (identity.token) headers.Authorization = `Bearer ${identity.token}`;
    headers.Host = target.host;
    const forwarded = req.socket.remoteAddress;
    if (forwarded) headers['X-Forwarded-For'] = forwarded;
    return headers;
  };

  /** The API server URL for a path under /api/kubernetes; never another host. */
  const kubernetesTarget = (identity: Identity, rest: string) => {
    const server = new URL(identity.server);
    let target: URL;
    try {
      target = new URL(identity.server + rest);
    } catch {
      throw new HttpError(400, 'malformed API path');
    }
    if (target.origin !== server.origin) throw new HttpError(400, 'malformed API path');
    return target;
  };

  const proxyKubernetes = (req: http.IncomingMessage, res: http.ServerResponse, rest: string) => {
    if (!csrfOK(req)) return sendText(res, 403, 'CSRF token mismatch');
    const identity = identityFor(req);
    if (!identity) return sendText(res, 401, 'no identity configured');
    const target = kubernetesTarget(identity, rest);
    const transport = target.protocol === 'https:' ? https : http;
    const upstream = transport.request(
      target,
      {
        method: req.method,
        headers: upstreamHeaders(req, identity, target),
        ...(target.protocol === 'https:' ? { agent: agentFor(identity) } : {}),
      },
      (upstreamRes) => {
        const headers: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(upstreamRes.headers)) {
          const lower = name.toLowerCase();
          if (HOP_BY_HOP.has(lower) || lower.startsWith('access-control-') || lower === 'server')
            continue;
          if (value !== undefined) headers[name] = value;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, {
          ...headers,
          'Content-Security-Policy': 'sandbox;',
          'X-Content-Security-Policy': 'sandbox;',
          ...SECURITY_HEADERS,
        });
        pipeline(upstreamRes, res, () => undefined);
      },
    );
    upstream.on('error', (err) => {
      log(`proxy error ${req.method} ${rest}: ${err.message}`);
      sendText(res, 502, `proxy error: ${err.message}`);
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  };

  const pluginFor = (name: string) => options.plugins.find((p) => p.name === name);

  const servePluginFile = (
    res: http.ServerResponse,
    req: http.IncomingMessage,
    plugin: PluginSource,
    rel: string,
  ) => {
    if (plugin.dir) return serveFile(res, plugin.dir, rel);
    // Appended to the plugin's base URL, never resolved against it: a `rel` of `//host/x` must
    // stay a path on the plugin's server instead of naming another host.
    const base = new URL(`${plugin.url!.replace(/\/+$/, '')}/`);
    const target = new URL(base.href + rel);
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
      return sendText(res, 404, 'not found');
    }
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      const lower = name.toLowerCase();
      if (['cookie', 'x-csrftoken', 'host', 'authorization'].includes(lower)) continue;
      if (HOP_BY_HOP.has(lower)) continue;
      if (value !== undefined) headers[name] = value;
    }
    const upstream = (target.protocol === 'https:' ? https : http).get(
      target,
      { headers, timeout: 120_000 },
      (up) => {
        const out: http.OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(up.headers)) {
          const lower = name.toLowerCase();
          if (HOP_BY_HOP.has(lower) || lower.startsWith('access-control-') || lower === 'server')
            continue;
          if (value !== undefined) out[name] = value;
        }
        res.writeHead(up.statusCode ?? 502, out);
        pipeline(up, res, () => undefined);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('no answer within 120 s')));
    upstream.on('error', (err) => sendText(res, 502, `plugin service error: ${err.message}`));
  };

  const indexHTML = (req: http.IncomingMessage) => {
    const identity = identityFor(req);
    const flags = {
      basePath,
      consolePlugins: options.plugins.map((p) => p.name),
      releaseVersion: options.releaseVersion ?? '4.22.0',
      i18nNamespaces: options.i18nNamespaces ?? [],
      consoleVersion: 'development-host',
      authDisabled: false,
      loginURL: `${basePath}auth/login`,
      logoutURL: '/api/console/logout',
      logoutRedirect: '',
      userSettingsLocation: 'localstorage',
      perspectives: '',
      branding: 'okd',
      customProductName: '',
      k8sMode: 'off-cluster',
      devHost: {
        users,
        user: identity?.context ?? '',
        cluster: identity?.server ?? '',
      },
    };
    return renderIndexHTML(basePath, flags);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = requestURL(req);
    const pathname = url.pathname.startsWith(basePath)
      ? `/${url.pathname.slice(basePath.length)}`
      : url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();

    if (pathname.startsWith('/api/kubernetes/')) {
      return proxyKubernetes(req, res, pathname.slice('/api/kubernetes'.length) + url.search);
    }
    const plugin = pathname.match(/^\/api\/plugins\/([^/]+)\/(.*)$/);
    if (plugin) {
      if (method !== 'GET') return sendText(res, 405, 'method not allowed');
      const source = pluginFor(plugin[1]);
      if (!source) return sendText(res, 404, 'not found');
      return servePluginFile(res, req, source, plugin[2]);
    }
    if (pathname === '/locales/resource.json') {
      if (method !== 'GET') return sendText(res, 405, 'method not allowed');
      const lng = url.searchParams.get('lng');
      const ns = url.searchParams.get('ns');
      if (!lng || !ns) return sendText(res, 400, 'lng and ns are required');
      if (!ns.startsWith('plugin__')) return sendJSON(res, 200, {});
      const source = pluginFor(ns.slice('plugin__'.length));
      if (!source) return sendJSON(res, 404, { error: `unknown plugin ${ns}` });
      return servePluginFile(
        res,
        req,
        source,
        `locales/${encodeURIComponent(lng)}/${encodeURIComponent(ns)}.json`,
      );
    }
    if (pathname === '/api/dev-host/user') {
      if (method === 'GET') return sendJSON(res, 200, { users, user: identityFor(req)?.context });
      if (method !== 'POST') return sendText(res, 405, 'method not allowed');
      if (!csrfOK(req)) return sendText(res, 403, 'CSRF token mismatch');
      let user: unknown;
      try {
        user = JSON.parse(await readBody(req)).user;
      } catch {
        return sendText(res, 400, 'invalid JSON');
      }
      if (typeof user !== 'string' || !users.includes(user)) {
        return sendJSON(res, 400, { error: `unknown user; known: ${users.join(', ')}` });
      }
      res.setHeader(
        'Set-Cookie',
        `${USER_COOKIE}=${encodeURIComponent(user)}; Path=${basePath}; SameSite=Strict; HttpOnly`,
      );
      return sendJSON(res, 200, { user });
    }
    if (pathname.startsWith('/static/')) {
      if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'method not allowed');
      return serveFile(res, options.hostDist, pathname.slice('/static/'.length));
    }
    if (pathname.startsWith('/api/')) return sendText(res, 404, 'not found');
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    const html = indexHTML(req);
    const token = crypto.randomBytes(32).toString('hex');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Set-Cookie': `${CSRF_COOKIE}=${token}; Path=${basePath}; SameSite=Strict`,
      ...SECURITY_HEADERS,
    });
    res.end(html);
  };

  const server = http.createServer((req, res) => {
    const refused = refusal(req, ownPort(), { upgrade: false });
    if (refused) return sendText(res, refused.status, refused.message);
    handle(req, res).catch((err: Error) => {
      if (err instanceof HttpError) return sendText(res, err.status, err.message);
      log(`error ${req.method} ${JSON.stringify(req.url)}: ${err.stack ?? err.message}`);
      sendText(res, 500, 'internal error');
    });
  });
  const ownPort = () => (server.address() as AddressInfo | null)?.port ?? -1;

  // ---- WebSocket watches -----------------------------------------------------------------
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => protocols.values().next().value ?? false,
  });
  const upstreams = new Set<WebSocket>();

  const rejectUpgrade = (socket: Duplex, status: number, message: string) => {
    if (socket.destroyed) return;
    const body = Buffer.from(message);
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${message}`,
      () => socket.destroy(),
    );
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // After an upgrade the socket is ours: a client that resets it must not crash the host.
    socket.on('error', () => socket.destroy());
    try {
      const refused = refusal(req, ownPort(), { upgrade: true });
      if (refused) return rejectUpgrade(socket, refused.status, refused.message);
      proxyWatch(req, socket, head);
    } catch (err) {
      if (err instanceof HttpError) return rejectUpgrade(socket, err.status, err.message);
      log(`error upgrading ${JSON.stringify(req.url)}: ${(err as Error).stack ?? err}`);
      rejectUpgrade(socket, 500, 'internal error');
    }
  });

  const proxyWatch = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestURL(req);
    const pathname = url.pathname.startsWith(basePath)
      ? `/${url.pathname.slice(basePath.length)}`
      : url.pathname;
    if (!pathname.startsWith('/api/kubernetes/')) return rejectUpgrade(socket, 404, 'not found');
    // Checked before the API server is asked, so that no watch opens for a handshake that
    // cannot complete.
    if (
      req.method !== 'GET' ||
      String(req.headers.upgrade).toLowerCase() !== 'websocket' ||
      req.headers['sec-websocket-version'] !== '13' ||
      !/^[+/0-9A-Za-z]{22}==$/.test(String(req.headers['sec-websocket-key']))
    ) {
      return rejectUpgrade(socket, 400, 'invalid WebSocket handshake');
    }
    if (!csrfOK(req)) return rejectUpgrade(socket, 403, 'CSRF token mismatch');
    const identity = identityFor(req);
    if (!identity) return rejectUpgrade(socket, 401, 'no identity configured');

    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const headers: Record<string, string | string[]> = {};
    const impersonateGroups: string[] = [];
    const forwardedProtocols: string[] = [];
    for (const p of offered) {
      if (p.startsWith('Impersonate-User.'))
        headers['Impersonate-User'] = decodeImpersonation(p.slice(17));
      else if (p.startsWith('Impersonate-Group.'))
        impersonateGroups.push(decodeImpersonation(p.slice(18)));
      else if (isToken(p)) forwardedProtocols.push(p);
      else throw new HttpError(400, 'invalid WebSocket sub-protocol');
    }
    if (impersonateGroups.length > 0) {
      headers['Impersonate-User'] ??= impersonateGroups[0];
      headers['Impersonate-Group'] = [...impersonateGroups, 'system:authenticated'];
    }
    for (const [name, value] of Object.entries(req.headers)) {
      const lower = name.toLowerCase();
      if (
        [
          'connection',
          'upgrade',
          'host',
          'cookie',
          'x-csrftoken',
          'authorization',
          'origin',
        ].includes(lower) ||
        lower.startsWith('sec-websocket-')
      ) {
        continue;
      }
      if (value !== undefined) headers[name] = value;
    }
    if (identity.token) headers.Authorization = `Bearer ${identity.token}`;
    const target = kubernetesTarget(
      identity,
      `${pathname.slice('/api/kubernetes'.length)}${url.search}`,
    );
    target.protocol = target.protocol === 'https:' ? 'wss:' : 'ws:';
    const upstream = new WebSocket(target, forwardedProtocols, {
      headers,
      origin: 'http://localhost',
      ...tlsOptions(identity),
    });
    // Watches outlive nothing: a browser that goes away before or after the upgrade ends the
    // upstream watch, and closing the host ends them all.
    upstreams.add(upstream);
    upstream.once('close', () => upstreams.delete(upstream));
    let clientOpen = false;
    socket.once('close', () => {
      if (!clientOpen) upstream.terminate();
    });
    upstream.once('unexpected-response', (_r, response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => rejectUpgrade(socket, response.statusCode ?? 502, body));
      response.on('error', () => rejectUpgrade(socket, 502, 'API server error'));
    });
    let upgraded = false;
    upstream.on('error', (err) => {
      if (!upgraded) rejectUpgrade(socket, 502, err.message);
    });
    upstream.once('open', () => {
      if (socket.destroyed) return upstream.terminate();
      upgraded = true;
      if (upstream.protocol) req.headers['sec-websocket-protocol'] = upstream.protocol;
      else delete req.headers['sec-websocket-protocol'];
      wss.handleUpgrade(req, socket, head, (client) => {
        clientOpen = true;
        const ping = setInterval(
          () => client.readyState === WebSocket.OPEN && client.ping(),
          30_000,
        );
        upstream.on('message', (data, isBinary) => {
          if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
        });
        client.on('message', (data, isBinary) => {
          if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
        });
        const closeCode = (code: number) =>
          code >= 1000 && code < 5000 && ![1005, 1006, 1015].includes(code) ? code : 1000;
        upstream.on('close', (code, reason) => {
          clearInterval(ping);
          if (client.readyState === WebSocket.OPEN) client.close(closeCode(code), reason);
        });
        client.on('close', (code, reason) => {
          clearInterval(ping);
          if (upstream.readyState === WebSocket.OPEN) upstream.close(closeCode(code), reason);
        });
        upstream.on('error', () => client.terminate());
        client.on('error', () => upstream.terminate());
      });
    });
  };

  const close = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      for (const upstream of upstreams) upstream.terminate();
      wss.close();
      agents.forEach((a) => a.destroy());
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return { server, close, users, defaultUser };
};
