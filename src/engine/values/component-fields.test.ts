import { describe, expect, it } from 'vitest';
import { parseValues } from './parse';
import type { ClearMLValuesInput } from './schema';

/** The message of the one issue at `path`, or a list of every issue when there is none there. */
function messageAt(input: unknown, path: string): string {
  const result = parseValues(input);
  if (result.ok) return 'valid';
  return result.issues.find((i) => i.path === path)?.message ?? JSON.stringify(result.issues);
}

const components = (c: Record<string, unknown>) => ({ components: c });
const env = (component: string, ...entries: unknown[]) =>
  components({ [component]: { extraEnv: entries } });

describe('extraEnv', () => {
  it('accepts plain, configuration and typed entries on every component', () => {
    const input = components(
      Object.fromEntries(
        [
          'apiserver',
          'asyncDelete',
          'fileserver',
          'webserver',
          'mongodb',
          'redis',
          'elasticsearch',
        ].map((c) => [c, { extraEnv: [{ name: 'HTTPS_PROXY', value: 'http://proxy:3128' }] }]),
      ),
    );
    expect(parseValues(input).ok).toBe(true);
    expect(
      parseValues(
        env(
          'apiserver',
          {
            name: 'CLEARML__services__tasks__non_responsive_tasks_watchdog__threshold_sec',
            value: 21000,
          },
          { name: 'CLEARML__apiserver__auth__cookies__max_age', value: '3600' },
          { name: 'CLEARML__hosts__elastic__events__args', value: { timeout: 60 } },
        ),
      ).ok,
    ).toBe(true);
    expect(parseValues(env('elasticsearch', { name: 'node.attr.zone', value: 'a' })).ok).toBe(true);
  });

  it('refuses names that are not environment variable names', () => {
    expect(
      messageAt(
        env('apiserver', { name: '9LIVES', value: 'x' }),
        'components.apiserver.extraEnv.0.name',
      ),
    ).toBe('name must be letters, digits, _, - and ., and must not start with a digit');
    expect(
      messageAt(env('redis', { name: 'A=B', value: 'x' }), 'components.redis.extraEnv.0.name'),
    ).toMatch(/^name must be letters/);
  });

  it('names the variable the plugin sets, and the field to use instead', () => {
    expect(
      messageAt(
        env('apiserver', { name: 'CLEARML_MONGODB_SERVICE_PASSWORD', value: 'x' }),
        'components.apiserver.extraEnv.0.name',
      ),
    ).toBe(
      'CLEARML_MONGODB_SERVICE_PASSWORD is set by the plugin for this component; use credentials.mongodbPassword',
    );
    expect(
      messageAt(
        env('elasticsearch', { name: 'ES_JAVA_OPTS', value: '-Xmx1g' }),
        'components.elasticsearch.extraEnv.0.name',
      ),
    ).toBe(
      'ES_JAVA_OPTS is set by the plugin for this component; use components.elasticsearch.heap',
    );
    expect(
      messageAt(
        env('webserver', { name: 'NGINX_APISERVER_ADDRESS', value: 'x' }),
        'components.webserver.extraEnv.0.name',
      ),
    ).toBe('NGINX_APISERVER_ADDRESS is set by the plugin for this component');
    expect(
      messageAt(
        env('fileserver', { name: 'SECRET_APISERVER_KEY', value: 'x' }),
        'components.fileserver.extraEnv.0.name',
      ),
    ).toMatch(/^SECRET_APISERVER_KEY: names starting with SECRET_/);
  });

  it('compares CLEARML__ names as the server does: case-insensitive, and whole subtrees', () => {
    const at = 'components.apiserver.extraEnv.0.name';
    // Another case of the same path as a credential the plugin sets.
    expect(
      messageAt(
        env('apiserver', { name: 'CLEARML__SECURE__CREDENTIALS__APISERVER__USER_KEY', value: 'K' }),
        at,
      ),
    ).toBe(
      'CLEARML__SECURE__CREDENTIALS__APISERVER__USER_KEY would change secure.credentials.apiserver.user_key, which the plugin sets itself; choose another setting',
    );
    // An object above it would be merged over it.
    expect(
      messageAt(
        env('apiserver', {
          name: 'CLEARML__secure__credentials',
          value: { apiserver: { user_key: 'K' } },
        }),
        at,
      ),
    ).toMatch(/would change secure\.credentials\.apiserver\.user_key/);
    // A setting inside it would replace it.
    expect(
      messageAt(
        env('apiserver', {
          name: 'CLEARML__services__async_urls_delete__fileserver__url_prefixes__0',
          value: 'x',
        }),
        at,
      ),
    ).toMatch(/would change services\.async_urls_delete\.fileserver\.url_prefixes/);
    // WEBSERVER__ paths of the web UI likewise.
    expect(
      messageAt(
        env('webserver', { name: 'WEBSERVER__APIBASEURL', value: '/x' }),
        'components.webserver.extraEnv.0.name',
      ),
    ).toMatch(/would change apibaseurl/);
  });

  it('refuses a name twice, and lists or objects for plain names', () => {
    expect(
      messageAt(
        env('redis', { name: 'A', value: '1' }, { name: 'A', value: '2' }),
        'components.redis.extraEnv.1.name',
      ),
    ).toBe('A is set twice');
    expect(
      messageAt(
        env('fileserver', { name: 'A', value: [1] }),
        'components.fileserver.extraEnv.0.value',
      ),
    ).toBe('only CLEARML__ settings take a list or an object; write the value as text');
    expect(
      messageAt(
        env('mongodb', { name: 'A', value: { b: 1 } }),
        'components.mongodb.extraEnv.0.value',
      ),
    ).toBe('only configuration settings take a list or an object; write the value as text');
    expect(
      messageAt(
        env('mongodb', { name: 'A', value: 'a\u0000b' }),
        'components.mongodb.extraEnv.0.value',
      ),
    ).toMatch(/control characters/);
    expect(messageAt(env('mongodb', { name: 'A' }), 'components.mongodb.extraEnv.0.value')).toMatch(
      /value must be/,
    );
  });
});

describe('nodeSelector, tolerations and affinity', () => {
  it('accept the Kubernetes shapes', () => {
    const input: ClearMLValuesInput = {
      components: {
        elasticsearch: {
          nodeSelector: {
            'node-role.kubernetes.io/infra': '',
            'topology.kubernetes.io/zone': 'eu-1a',
          },
          tolerations: [
            { key: 'node-role.kubernetes.io/infra', operator: 'Exists', effect: 'NoSchedule' },
            {
              key: 'dedicated',
              operator: 'Equal',
              value: 'ml',
              effect: 'NoExecute',
              tolerationSeconds: 60,
            },
            { operator: 'Exists' },
          ],
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }],
              },
            },
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
        },
      },
    };
    expect(parseValues(input).ok).toBe(true);
  });

  it('say which node selector entry is wrong', () => {
    const base = 'components.apiserver.nodeSelector';
    expect(
      messageAt(components({ apiserver: { nodeSelector: { 'bad key': 'x' } } }), `${base}.bad key`),
    ).toMatch(/^label key "bad key" must be up to 63/);
    expect(
      messageAt(
        components({ apiserver: { nodeSelector: { 'Bad_Prefix/x': 'y' } } }),
        `${base}.Bad_Prefix/x`,
      ),
    ).toMatch(/^label key prefix of "Bad_Prefix\/x" must be a lower-case DNS name/);
    expect(
      messageAt(components({ apiserver: { nodeSelector: { a: 'no spaces' } } }), `${base}.a`),
    ).toMatch(/^label value must be up to 63/);
    expect(messageAt(components({ apiserver: { nodeSelector: ['a'] } }), base)).toBe(
      'nodeSelector must be a map of node label to value',
    );
  });

  it('apply the Kubernetes toleration rules with field messages', () => {
    const t = (toleration: unknown, field: string) =>
      messageAt(
        components({ redis: { tolerations: [toleration] } }),
        `components.redis.tolerations.0.${field}`,
      );
    expect(t({ operator: 'Exists', key: 'a', value: 'b' }, 'value')).toBe(
      'a toleration with operator Exists must not have a value',
    );
    expect(t({ value: 'b' }, 'key')).toBe('a toleration without a key must use operator Exists');
    expect(t({ key: 'a', tolerationSeconds: 5 }, 'tolerationSeconds')).toBe(
      'tolerationSeconds needs effect NoExecute',
    );
    expect(t({ key: 'a', effect: 'Sometimes' }, 'effect')).toBe(
      'effect must be NoSchedule, PreferNoSchedule or NoExecute',
    );
    expect(t({ key: 'a', operator: 'In' }, 'operator')).toBe('operator must be Exists or Equal');
    expect(t({ key: 'a', tolerate: true }, 'tolerate')).toBe('unknown field');
    expect(
      messageAt(
        components({ redis: { tolerations: { key: 'a' } } }),
        'components.redis.tolerations',
      ),
    ).toBe('tolerations must be a list of {key, operator, value, effect}');
  });

  it('check the affinity shape before passing it through', () => {
    const a = (affinity: unknown, path: string) =>
      messageAt(components({ mongodb: { affinity } }), `components.mongodb.affinity${path}`);
    expect(a({ nodeAfinity: {} }, '.nodeAfinity')).toBe('unknown field');
    expect(
      a(
        {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] },
          },
        },
        '.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms',
      ),
    ).toBe('nodeSelectorTerms must list at least one term');
    expect(
      a(
        {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: {} }],
          },
        },
        '.podAffinity.preferredDuringSchedulingIgnoredDuringExecution.0.weight',
      ),
    ).toBe('weight must be between 1 and 100');
    expect(a('anywhere', '')).toBe(
      'affinity must be an object with nodeAffinity, podAffinity or podAntiAffinity',
    );
  });
});

describe('API server extraConfig and web UI configuration', () => {
  it('accept .conf files of HOCON text and a JSON object', () => {
    const input: ClearMLValuesInput = {
      components: {
        apiserver: {
          extraConfig: {
            'services.conf': 'tasks { non_responsive_tasks_watchdog { threshold_sec: 21000 } }',
          },
        },
        webserver: {
          configuration: { docsLink: 'https://clear.ml/docs', features: { reports: true } },
        },
      },
    };
    expect(parseValues(input).ok).toBe(true);
  });

  it('say which file name or text is wrong', () => {
    const at = (files: Record<string, unknown>, name: string) =>
      messageAt(
        components({ apiserver: { extraConfig: files } }),
        `components.apiserver.extraConfig.${name}`,
      );
    expect(at({ 'services.yaml': 'a: 1' }, 'services.yaml')).toBe(
      'file name must be letters, digits, _ or - followed by .conf, such as services.conf',
    );
    expect(at({ '../x.conf': 'a: 1' }, '../x.conf')).toMatch(/^file name must be/);
    expect(at({ 'a.conf': 'x\u0007' }, 'a.conf')).toBe(
      'config file must not contain control characters other than tab and newline',
    );
    expect(at({ 'a.conf': 'x'.repeat(256 * 1024 + 1) }, 'a.conf')).toBe(
      'config file must be at most 256 KiB',
    );
    expect(at({ 'a.conf': 42 }, 'a.conf')).toBe('each config file must be HOCON text');
  });

  it('refuses configuration.json keys the plugin sets, in any case', () => {
    for (const key of ['apiBaseUrl', 'FILEBASEURL', 'useFilesProxy', 'displayedServerUrls']) {
      expect(
        messageAt(
          components({ webserver: { configuration: { [key]: 'x' } } }),
          `components.webserver.configuration.${key}`,
        ),
      ).toMatch(
        /is set by the plugin so that the web UI finds its API and files through the Routes$/,
      );
    }
    expect(
      messageAt(
        components({ webserver: { configuration: [1] } }),
        'components.webserver.configuration',
      ),
    ).toBe('configuration must be a JSON object');
  });
});

describe('agent services credentials', () => {
  it('take a key pair like the other credentials', () => {
    expect(
      parseValues({
        credentials: {
          agentServices: { accessKey: 'A'.repeat(30), secretKey: 's'.repeat(64) },
        },
      }).ok,
    ).toBe(true);
    expect(
      messageAt(
        { credentials: { agentServices: { accessKey: 'lower', secretKey: 's'.repeat(64) } } },
        'credentials.agentServices.accessKey',
      ),
    ).toBe('access key must be 20 to 30 upper-case letters or digits');
  });
});
