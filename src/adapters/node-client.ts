/**
 * The command line's cluster client: @kubernetes/client-node reads the kubeconfig (context,
 * certificates, tokens, exec plugins) and signs each request; the engine's REST client does the rest.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterClient } from '../engine/cluster/client';
import { NetworkError } from '../engine/cluster/errors';
import { retrying } from '../engine/cluster/retrying-client';
import {
  createRestClient,
  type HttpRequest,
  type HttpResponse,
} from '../engine/cluster/rest-client';

export interface NodeClientOptions {
  kubeconfig?: string;
  context?: string;
  /** Called once per request, for request counting in benchmarks. */
  onRequest?: (request: HttpRequest) => void;
}

export function loadKubeConfig(options: NodeClientOptions = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`Cannot read the kubeconfig ${options.kubeconfig ?? '(default)'}: ${reason}.`);
  }
  if (options.context) kc.setCurrentContext(options.context);
  if (!kc.getCurrentCluster()) {
    throw new Error('No cluster in the kubeconfig: pass --kubeconfig or set KUBECONFIG.');
  }
  return kc;
}

export function nodeTransport(kc: KubeConfig, onRequest?: (request: HttpRequest) => void) {
  const server = new URL(kc.getCurrentCluster()!.server);
  const secure = server.protocol === 'https:';
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 16 })
    : new http.Agent({ keepAlive: true, maxSockets: 16 });
  const basePath = server.pathname.replace(/\/$/, '');

  return async (request: HttpRequest): Promise<HttpResponse> => {
    onRequest?.(request);
    const options: https.RequestOptions = {
      protocol: server.protocol,
      hostname: server.hostname,
      port: server.port || (secure ? 443 : 80),
      path: `${basePath}${request.path}`,
      method: request.method,
      agent,
      headers: {
        Accept: request.accept ?? 'application/json',
        ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
      },
    };
    await kc.applyToHTTPSOptions(options);
    return new Promise<HttpResponse>((resolve, reject) => {
      const req = (secure ? https : http).request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            retryAfter: res.headers['retry-after'],
          }),
        );
        res.on('error', (err) => reject(new NetworkError(err.message)));
      });
      req.setTimeout(60_000, () => req.destroy(new Error('the request timed out after 60 s')));
      req.on('error', (err) => reject(new NetworkError(`${server.host}: ${err.message}`)));
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  };
}

export function createNodeClient(options: NodeClientOptions = {}): ClusterClient {
  const kc = loadKubeConfig(options);
  return retrying(createRestClient(nodeTransport(kc, options.onRequest)));
}
