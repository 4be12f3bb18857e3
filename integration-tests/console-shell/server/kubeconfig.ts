/**
 * Reads a kubeconfig into one upstream identity per context: API server URL, CA, and the
 * user's bearer token or client certificate.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

export type Identity = {
  context: string;
  server: string;
  ca?: Buffer;
  insecureSkipTLSVerify: boolean;
  token?: string;
  cert?: Buffer;
  key?: Buffer;
};

type Named<T> = { name: string } & T;
type KubeconfigFile = {
  'current-context'?: string;
  clusters?: Named<{ cluster: Record<string, unknown> }>[];
  users?: Named<{ user: Record<string, unknown> }>[];
  contexts?: Named<{ context: { cluster: string; user: string } }>[];
};

const readData = (base: string, data: unknown, file: unknown): Buffer | undefined => {
  if (typeof data === 'string' && data) return Buffer.from(data, 'base64');
  if (typeof file === 'string' && file) return fs.readFileSync(path.resolve(base, file));
  return undefined;
};

export const loadKubeconfig = (file: string): { identities: Identity[]; current?: string } => {
  const base = path.dirname(file);
  const doc = parse(fs.readFileSync(file, 'utf8')) as KubeconfigFile;
  const identities: Identity[] = [];
  for (const ctx of doc.contexts ?? []) {
    const cluster = doc.clusters?.find((c) => c.name === ctx.context.cluster)?.cluster;
    const user = doc.users?.find((u) => u.name === ctx.context.user)?.user ?? {};
    if (!cluster || typeof cluster.server !== 'string') continue;
    let token = typeof user.token === 'string' ? user.token : undefined;
    if (!token && typeof user.tokenFile === 'string') {
      token = fs.readFileSync(path.resolve(base, user.tokenFile), 'utf8').trim();
    }
    identities.push({
      context: ctx.name,
      server: cluster.server.replace(/\/$/, ''),
      ca: readData(base, cluster['certificate-authority-data'], cluster['certificate-authority']),
      insecureSkipTLSVerify: cluster['insecure-skip-tls-verify'] === true,
      token,
      cert: readData(base, user['client-certificate-data'], user['client-certificate']),
      key: readData(base, user['client-key-data'], user['client-key']),
    });
  }
  return { identities, current: doc['current-context'] };
};
