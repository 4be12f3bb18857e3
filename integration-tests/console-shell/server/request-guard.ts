/**
 * Who may talk to the development host. It holds cluster-admin credentials and listens on the
 * loopback interface, which every web page the developer opens can reach too. So:
 *   - only requests addressed to this host by its loopback name are served (`Host` must be
 *     `127.0.0.1:<port>` or `localhost:<port>`), which defeats DNS rebinding: a page on
 *     attacker.example whose name later resolves to 127.0.0.1 still sends its own name;
 *   - WebSocket upgrades and every request other than GET and HEAD must come from the host's own
 *     pages (`Origin: http://<Host>`). Browsers always send `Origin` with these, and a page cannot
 *     forge it, so another site can neither open a watch with the host's credentials nor write;
 *   - a GET or HEAD of an /api/ path that the browser marks as made by another site
 *     (`Sec-Fetch-Site`) is refused too, so that an image or script tag elsewhere cannot make
 *     the API server act with the host's credentials.
 */
import type * as http from 'http';

export type Refusal = { status: number; message: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/** The `Host` header if it names this host on `port`, else undefined. */
export const ownHost = (req: http.IncomingMessage, port: number): string | undefined => {
  const host = (req.headers.host ?? '').toLowerCase();
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}`) ? host : undefined;
};

/** Why the host refuses this request, or undefined when it may be served. */
export const refusal = (
  req: http.IncomingMessage,
  port: number,
  { upgrade }: { upgrade: boolean },
): Refusal | undefined => {
  const host = ownHost(req, port);
  if (!host) {
    return {
      status: 421,
      message: `this host answers only as 127.0.0.1:${port} or localhost:${port}`,
    };
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (!upgrade && (method === 'GET' || method === 'HEAD')) {
    const site = req.headers['sec-fetch-site'];
    const api = (req.url ?? '/').startsWith('/api/');
    if (api && site !== undefined && site !== 'same-origin' && site !== 'none') {
      return { status: 403, message: `request from another site refused (${site})` };
    }
    return undefined;
  }
  const origin = req.headers.origin;
  if (origin !== `http://${host}`) {
    return {
      status: 403,
      message: origin
        ? `cross-origin request refused (Origin ${JSON.stringify(origin)})`
        : 'Origin header required',
    };
  }
  return undefined;
};
