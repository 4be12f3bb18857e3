// Secrets stay in the credentials Secret: every values variant is rendered and deployed with
// known secret values, and every other object, the install record, the YAML export, the CLI
// output and the deploy events are scanned for each secret value and its base64 form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { command as renderCommand } from '../../cli/commands/render';
import { FakeClusterClient } from '../../test-support/fake-client';
import type { K8sObject, K8sSecret } from '../k8s-types';
import { decodeBase64, encodeBase64 } from '../render/base64';
import { renderWithPlan } from '../render/render';
import { type ClearMLValuesInput, createValues, parseValues } from '../values';
import { toYaml } from '../yaml';
import { deploy } from './deploy';
import { publicValues, recordValues, renderRecord, restoreSecretValues } from './record';

const MONGO_PASSWORD = 'Mongo-Pa55word-d0-not-leak';
const ES_PASSWORD = 'Elastic-Pa55word-d0-not-leak';
const LOGIN_PASSWORD = 'Login-Pa55word-d0-not-leak';
const GIVEN = {
  apiserver: {
    accessKey: 'GIVENAPIKEY000000000001',
    secretKey: 'a'.repeat(20) + 'GivenApiSecret-1234567',
  },
  fileserver: {
    accessKey: 'GIVENFILEKEY00000000002',
    secretKey: 'f'.repeat(20) + 'GivenFileSecret-123456',
  },
  webserver: {
    accessKey: 'GIVENWEBKEY000000000003',
    secretKey: 'w'.repeat(20) + 'GivenWebSecret-1234567',
  },
  tests: {
    accessKey: 'GIVENTESTKEY00000000004',
    secretKey: 't'.repeat(20) + 'GivenTestSecret-123456',
  },
  authTokenSecret: 'GivenAuthTokenSecret-0123456789abcdef',
  sessionSecret: 'GivenSessionSecret-0123456789abcdefgh',
};
const EXTERNAL = {
  mongodb: {
    enabled: false,
    external: {
      backendConnectionString: `mongodb://clearml:${MONGO_PASSWORD}@mongo.example.com:27017/backend`,
      authConnectionString: `mongodb://clearml:${MONGO_PASSWORD}@mongo.example.com:27017/auth`,
    },
  },
  redis: { enabled: false, external: { host: 'redis.example.com', port: 6380 } },
  elasticsearch: {
    enabled: false,
    external: {
      hosts: [`https://elastic:${ES_PASSWORD}@es.example.com:9200`],
    },
  },
};

const example = (file: string): ClearMLValuesInput =>
  parse(readFileSync(join(__dirname, '..', '..', '..', 'examples', file), 'utf8')) as object;

const VARIANTS: [string, ClearMLValuesInput][] = [
  ['defaults', {}],
  ['examples/minimal.yaml', example('minimal.yaml')],
  ['examples/production.yaml', example('production.yaml')],
  ['examples/agents.yaml', example('agents.yaml')],
  [
    'given credentials and login password',
    { credentials: GIVEN, login: { password: LOGIN_PASSWORD } },
  ],
  ['external MongoDB, Redis and Elasticsearch', { components: EXTERNAL }],
  [
    'external data stores, chart-compatible',
    { components: EXTERNAL, security: { mode: 'chart-compatible' } },
  ],
  ['no web login', { login: { enabled: false }, credentials: GIVEN }],
  [
    'custom hosts and cookie domain',
    {
      exposure: {
        hosts: { app: 'app.example.com', api: 'api.example.com' },
      },
      server: { cookieDomain: 'example.com' },
      login: { password: LOGIN_PASSWORD },
    },
  ],
  ['no Routes', { exposure: { routes: false }, login: { password: LOGIN_PASSWORD } }],
  ['chart-compatible', { security: { mode: 'chart-compatible' }, credentials: GIVEN }],
];

/** Every secret value of a rendered Secret, and the known ones fed in. */
function secretValues(secret: K8sSecret): string[] {
  const decoded = Object.values(secret.data ?? {}).map(decodeBase64);
  return [...decoded, MONGO_PASSWORD, ES_PASSWORD, LOGIN_PASSWORD]
    .filter((v): v is string => !!v && v.length >= 8)
    .flatMap((v) => [v, encodeBase64(v)]);
}

function leaks(text: string, secrets: string[]): string[] {
  return secrets.filter((s) => text.includes(s));
}

describe.each(VARIANTS)('no secret outside the Secret: %s', (_label, input) => {
  const values = createValues({ namespace: 'team-a', ...input });

  it('renders no secret into any other object, the install record or the masked YAML', async () => {
    const { objects } = await renderWithPlan(values);
    const secret = objects.find((o) => o.kind === 'Secret') as K8sSecret;
    const secrets = secretValues(secret);
    expect(secrets.length).toBeGreaterThan(10);
    const others = objects.filter((o) => o.kind !== 'Secret');
    expect(leaks(JSON.stringify(others), secrets)).toEqual([]);
    expect(leaks(JSON.stringify(renderRecord(values, undefined)), secrets)).toEqual([]);
    expect(leaks(toYaml(objects), secrets)).toEqual([]);
    // Only the Secret holds them (the export with --show-secrets does show them).
    expect(leaks(toYaml(objects, { showSecrets: true }), secrets)).not.toEqual([]);
  });

  it('writes no secret to the cluster outside the Secret, nor into the deploy events', async () => {
    const client = new FakeClusterClient([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    ]);
    const events: unknown[] = [];
    const result = await deploy({ client, values, routeWaitMs: 0, onEvent: (e) => events.push(e) });
    expect(result.ok).toBe(true);
    const stored = [...client.objects.values()];
    const secret = stored.find((o) => o.kind === 'Secret') as K8sSecret;
    const secrets = secretValues(secret);
    const others = stored.filter((o: K8sObject) => o.kind !== 'Secret');
    expect(others.some((o) => o.kind === 'ConfigMap')).toBe(true);
    expect(leaks(JSON.stringify(others), secrets)).toEqual([]);
    expect(leaks(JSON.stringify(events), secrets)).toEqual([]);
    expect(leaks(JSON.stringify(result), secrets)).toEqual([]);
  });

  it('prints no secret from the CLI render unless asked', async () => {
    const out: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      readFile: async () => JSON.stringify({ namespace: 'team-a', ...input }),
    };
    expect(await renderCommand.run(['--values', 'values.yaml'], io)).toBe(0);
    const known = [MONGO_PASSWORD, ES_PASSWORD, LOGIN_PASSWORD, GIVEN.apiserver.secretKey];
    const secrets = known.flatMap((v) => [v, encodeBase64(v)]);
    expect(leaks(out.join(''), secrets)).toEqual([]);
  });
});

describe('upgrades read the external connections back from the Secret', () => {
  it('records values that, with the Secret, parse to the values deployed', async () => {
    const values = createValues({ namespace: 'team-a', components: EXTERNAL });
    const { objects } = await renderWithPlan(values);
    const secret = objects.find((o) => o.kind === 'Secret') as K8sSecret;
    const recorded = recordValues(renderRecord(values, undefined));
    expect(JSON.stringify(recorded)).not.toContain(MONGO_PASSWORD);
    expect(parseValues(recorded).ok).toBe(false);
    const restored = parseValues(restoreSecretValues(recorded, secret));
    expect(restored.ok && restored.values).toEqual(publicValuesWithExternal(values));
  });
});

/** The values as an upgrade sees them: everything but the credentials and the login password. */
function publicValuesWithExternal(values: ReturnType<typeof createValues>) {
  const pub = publicValues(values);
  return {
    ...pub,
    credentials: {},
    components: {
      ...pub.components,
      mongodb: values.components.mongodb,
      elasticsearch: values.components.elasticsearch,
    },
  };
}

describe('no value of credentials.existingSecret outside the Secret', () => {
  const CHART = {
    apiserver_key: 'CHARTAPIKEY000000000',
    apiserver_secret: 'Chart-Api-Secret-d0-not-leak-0123456789',
    secure_auth_token_secret: 'Chart-Token-Secret-d0-not-leak-012345678',
    test_user_key: 'CHARTTESTKEY00000000',
    test_user_secret: 'Chart-Test-Secret-d0-not-leak-0123456789',
    fileserver_key: 'CHARTFILEKEY00000000',
    fileserver_secret: 'Chart-File-Secret-d0-not-leak-0123456789',
  };
  const chartValues = Object.values(CHART).flatMap((v) => [v, encodeBase64(v)]);
  const chartSecret = (data: Record<string, string>): K8sObject =>
    ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'clearml-conf', namespace: 'team-a' },
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)])),
    }) as K8sSecret;
  const values = createValues({
    ...example('adopt-chart.yaml'),
    namespace: 'team-a',
  });

  it('a deploy copies them into the instance Secret only: no other object, event or result has them', async () => {
    const client = new FakeClusterClient([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      chartSecret(CHART),
    ]);
    const events: unknown[] = [];
    const result = await deploy({ client, values, routeWaitMs: 0, onEvent: (e) => events.push(e) });
    expect(result.ok).toBe(true);
    const stored = [...client.objects.values()];
    const others = stored.filter((o) => o.kind !== 'Secret');
    expect(leaks(JSON.stringify(others), chartValues)).toEqual([]);
    expect(leaks(JSON.stringify(events), chartValues)).toEqual([]);
    expect(leaks(JSON.stringify(result), chartValues)).toEqual([]);
    const own = stored.find((o) => o.metadata.name === 'clearml-credentials') as K8sSecret;
    expect(leaks(toYaml([own]), chartValues)).toEqual([]);
  });

  it('a deploy it stops says key names, never the values of the keys that are there', async () => {
    const { test_user_key: _missing, ...rest } = CHART;
    const client = new FakeClusterClient([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      chartSecret({ ...rest, fileserver_secret: `${CHART.fileserver_secret}"` }),
    ]);
    const events: unknown[] = [];
    const result = await deploy({ client, values, routeWaitMs: 0, onEvent: (e) => events.push(e) });
    expect(result.stoppedBecause).toBe('credentials-missing');
    expect(leaks(JSON.stringify(result), chartValues)).toEqual([]);
    expect(leaks(JSON.stringify(events), chartValues)).toEqual([]);
  });
});
