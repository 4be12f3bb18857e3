import type { K8sSecret } from '../k8s-types';
import { decodeBase64, encodeBase64 } from './base64';
import { meta, type RenderContext } from './context';
import { elasticNodesValue } from '../values/elastic-hosts';
import type { ClearMLValues } from '../values/schema';
import { generateAccessKey, generatePassword, generateSecret, type RandomBytes } from './random';

/** Keys of the instance's credentials Secret (`<instance>-credentials`). */
export const SECRET_KEYS = {
  apiserverKey: 'apiserver_key',
  apiserverSecret: 'apiserver_secret',
  fileserverKey: 'fileserver_key',
  fileserverSecret: 'fileserver_secret',
  webserverKey: 'webserver_key',
  webserverSecret: 'webserver_secret',
  testUserKey: 'test_user_key',
  testUserSecret: 'test_user_secret',
  agentServicesKey: 'agent_services_key',
  agentServicesSecret: 'agent_services_secret',
  authTokenSecret: 'secure_auth_token_secret',
  sessionSecret: 'session_secret',
  loginPassword: 'login_password',
  fixedUsers: 'fixed_users',
  mongodbBackend: 'mongodb_backend_connection_string',
  mongodbAuth: 'mongodb_auth_connection_string',
  /** An external Elasticsearch host list: it may carry credentials (user:password@host). */
  elasticsearchHosts: 'elasticsearch_hosts',
  mongodbPassword: 'mongodb_password',
  redisPassword: 'redis_password',
} as const;

export type SecretKey = (typeof SECRET_KEYS)[keyof typeof SECRET_KEYS] | AgentSecretKey;

/** An agent's key pair in the Secret: `agent_<name, - as _>_key` and `…_secret`. */
export type AgentSecretKey = `agent_${string}_${'key' | 'secret'}`;

/** The agent's name as the server's config key (lower-case; `-` is not valid there). */
export const agentSlug = (name: string): string => name.replace(/-/g, '_');

export function agentSecretKeys(name: string): { key: AgentSecretKey; secret: AgentSecretKey } {
  const slug = agentSlug(name);
  return { key: `agent_${slug}_key`, secret: `agent_${slug}_secret` };
}

/**
 * Keys of the upstream chart's Secret (`clearml-conf`, or `clearml.existingSecret`) that
 * `credentials.existingSecret` supplies, with the key of the instance's Secret each one fills.
 * The chart's keys: clearml-helm-charts 7.14.x `charts/clearml/templates/secrets.yaml` and the
 * secretKeyRefs of its Deployments (clearml-server-reference.md §5). The chart's names are the
 * instance's own, so each key fills the key of the same name.
 */
export const CHART_SECRET_KEYS = [
  SECRET_KEYS.apiserverKey,
  SECRET_KEYS.apiserverSecret,
  SECRET_KEYS.authTokenSecret,
  SECRET_KEYS.testUserKey,
  SECRET_KEYS.testUserSecret,
  SECRET_KEYS.fileserverKey,
  SECRET_KEYS.fileserverSecret,
] as const;

type ChartSecretKey = (typeof CHART_SECRET_KEYS)[number];

/** The value each chart key stands for in `credentials`, when given there. */
function givenChartValue(v: ClearMLValues, key: ChartSecretKey): string | undefined {
  const c = v.credentials;
  switch (key) {
    case SECRET_KEYS.apiserverKey:
      return c.apiserver?.accessKey;
    case SECRET_KEYS.apiserverSecret:
      return c.apiserver?.secretKey;
    case SECRET_KEYS.authTokenSecret:
      return c.authTokenSecret;
    case SECRET_KEYS.testUserKey:
      return c.tests?.accessKey;
    case SECRET_KEYS.testUserSecret:
      return c.tests?.secretKey;
    case SECRET_KEYS.fileserverKey:
      return c.fileserver?.accessKey;
    case SECRET_KEYS.fileserverSecret:
      return c.fileserver?.secretKey;
  }
}

/**
 * What keeps `credentials.existingSecret` from supplying what the instance needs: the Secret is
 * absent, or keys are missing (or empty), or hold a value the servers could not read.
 */
export interface ExistingSecretGap {
  secret: string;
  absent: boolean;
  missingKeys: string[];
  /** Keys whose value has `"`, `\` or a control character (see hocon.ts `quotedReference`). */
  unusableKeys: string[];
}

/** Values passed as a quoted HOCON reference must not contain these (render/hocon.ts). */
const UNUSABLE = /["\\\p{Cc}]/u;

/**
 * Whether the Secret named in `credentials.existingSecret` holds every credential the render
 * takes from it: those neither given in the values nor already in the instance's own Secret (which
 * win, so an upgrade after the chart's Secret is gone needs nothing from it). Undefined when
 * nothing is missing, or when no existing Secret is named.
 */
export function existingSecretGap(
  v: ClearMLValues,
  instanceSecret: K8sSecret | undefined,
  source: K8sSecret | undefined,
): ExistingSecretGap | undefined {
  const secret = v.credentials.existingSecret;
  if (!secret) return undefined;
  const live = readExisting(instanceSecret);
  const needed = CHART_SECRET_KEYS.filter(
    (k) => givenChartValue(v, k) === undefined && live[k] === undefined,
  );
  if (!needed.length) return undefined;
  if (!source) return { secret, absent: true, missingKeys: [], unusableKeys: [] };
  const supplied = readExisting(source);
  const missingKeys = needed.filter((k) => supplied[k] === undefined);
  const unusableKeys = needed.filter(
    (k) => supplied[k] !== undefined && UNUSABLE.test(supplied[k]),
  );
  return missingKeys.length || unusableKeys.length
    ? { secret, absent: false, missingKeys, unusableKeys }
    : undefined;
}

function readExisting(secret: K8sSecret | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(secret?.data ?? {})) {
    const decoded = decodeBase64(value);
    if (decoded) {
      out[key] = decoded;
    }
  }
  for (const [key, value] of Object.entries(secret?.stringData ?? {})) {
    if (value) {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The credentials Secret. Each value comes from the values if given, else from the live Secret
 * (so an upgrade never rotates credentials), else, for the chart's keys, from the Secret named in
 * `credentials.existingSecret` (`source`; copied, so later upgrades keep them once that Secret is
 * gone), else it is generated.
 */
export function renderCredentialsSecret(
  ctx: RenderContext,
  existing: K8sSecret | undefined,
  random: RandomBytes,
  source?: K8sSecret,
): K8sSecret {
  const v = ctx.values;
  const live = readExisting(existing);
  const chart: Record<string, string> = v.credentials.existingSecret ? readExisting(source) : {};
  const fromChart = (key: SecretKey) =>
    (CHART_SECRET_KEYS as readonly string[]).includes(key) ? chart[key] : undefined;
  const c = v.credentials;
  const pick = (key: SecretKey, given: string | undefined, generate: () => string): string =>
    given ?? live[key] ?? fromChart(key) ?? generate();
  const key = () => generateAccessKey(random);
  const secret = () => generateSecret(random);

  const data: Record<string, string> = {
    [SECRET_KEYS.apiserverKey]: pick(SECRET_KEYS.apiserverKey, c.apiserver?.accessKey, key),
    [SECRET_KEYS.apiserverSecret]: pick(
      SECRET_KEYS.apiserverSecret,
      c.apiserver?.secretKey,
      secret,
    ),
    [SECRET_KEYS.fileserverKey]: pick(SECRET_KEYS.fileserverKey, c.fileserver?.accessKey, key),
    [SECRET_KEYS.fileserverSecret]: pick(
      SECRET_KEYS.fileserverSecret,
      c.fileserver?.secretKey,
      secret,
    ),
    [SECRET_KEYS.webserverKey]: pick(SECRET_KEYS.webserverKey, c.webserver?.accessKey, key),
    [SECRET_KEYS.webserverSecret]: pick(
      SECRET_KEYS.webserverSecret,
      c.webserver?.secretKey,
      secret,
    ),
    [SECRET_KEYS.testUserKey]: pick(SECRET_KEYS.testUserKey, c.tests?.accessKey, key),
    [SECRET_KEYS.testUserSecret]: pick(SECRET_KEYS.testUserSecret, c.tests?.secretKey, secret),
    [SECRET_KEYS.authTokenSecret]: pick(SECRET_KEYS.authTokenSecret, c.authTokenSecret, secret),
    [SECRET_KEYS.sessionSecret]: pick(SECRET_KEYS.sessionSecret, c.sessionSecret, secret),
  };
  if (v.login.enabled) {
    const password = pick(SECRET_KEYS.loginPassword, v.login.password, () =>
      generatePassword(random),
    );
    data[SECRET_KEYS.loginPassword] = password;
    data[SECRET_KEYS.fixedUsers] = JSON.stringify([
      { username: v.login.username, password, name: v.login.displayName },
    ]);
  }
  // Passwords of the bundled data stores: generated once, kept across upgrades.
  if (v.components.mongodb.enabled) {
    data[SECRET_KEYS.mongodbPassword] = pick(
      SECRET_KEYS.mongodbPassword,
      c.mongodbPassword,
      secret,
    );
  }
  if (v.components.redis.enabled) {
    data[SECRET_KEYS.redisPassword] = pick(SECRET_KEYS.redisPassword, c.redisPassword, secret);
  }
  const mongo = v.components.mongodb;
  if (!mongo.enabled && mongo.external) {
    data[SECRET_KEYS.mongodbBackend] = mongo.external.backendConnectionString;
    data[SECRET_KEYS.mongodbAuth] = mongo.external.authConnectionString;
  }
  const elastic = v.components.elasticsearch;
  if (!elastic.enabled && elastic.external) {
    // The nodes as the server reads them (a JSON list is valid HOCON), used as the env value.
    data[SECRET_KEYS.elasticsearchHosts] = elasticNodesValue(elastic.external.hosts);
  }
  // The services agent slot (clearml-server v2.3.0 apiserver/config/default/secure.conf:31-35,
  // role admin; docker/docker-compose.yml:32-33 sets it from CLEARML_AGENT_ACCESS_KEY/SECRET_KEY):
  // generated last, so that adding it left every earlier generated value as it was.
  data[SECRET_KEYS.agentServicesKey] = pick(
    SECRET_KEYS.agentServicesKey,
    c.agentServices?.accessKey,
    key,
  );
  data[SECRET_KEYS.agentServicesSecret] = pick(
    SECRET_KEYS.agentServicesSecret,
    c.agentServices?.secretKey,
    secret,
  );
  // Each agent's own pair, generated like the others and kept while the agent exists; the keys
  // of a removed agent are no longer rendered, so the apply drops them.
  for (const agent of v.agents) {
    const k = agentSecretKeys(agent.name);
    data[k.key] = pick(k.key, undefined, key);
    data[k.secret] = pick(k.secret, undefined, secret);
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(ctx, 'credentials', 'credentials'),
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(data).map(([k, val]) => [k, encodeBase64(val)])),
  };
}
