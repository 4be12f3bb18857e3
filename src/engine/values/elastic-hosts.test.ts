import { describe, expect, it } from 'vitest';
import { createValues, parseValues, type ClearMLValuesInput } from './index';
import { elasticEntriesOf, elasticNode, elasticNodesValue } from './elastic-hosts';

const external = (hosts: unknown) =>
  ({
    components: { elasticsearch: { enabled: false, external: { hosts } } },
  }) as ClearMLValuesInput;
const issuesOf = (hosts: unknown) => {
  const r = parseValues(external(hosts));
  return r.ok ? [] : r.issues;
};

describe('external Elasticsearch hosts', () => {
  it('accepts URLs and host entries, defaulting scheme to http and port to 9200', () => {
    const v = createValues(
      external([
        'https://elastic:p%40ss@es.example.com:9243',
        'https://es.example.com/es',
        'http://10.0.0.7:9200',
        { host: 'es-2.example.com' },
        { host: 'es-3', port: 443, scheme: 'https', pathPrefix: '/x' },
      ]),
    );
    // URLs stay URLs: the client reads scheme, port (443 for https) and credentials from them.
    expect(v.components.elasticsearch.external?.hosts.map(elasticNode)).toEqual([
      'https://elastic:p%40ss@es.example.com:9243',
      'https://es.example.com/es',
      'http://10.0.0.7:9200',
      { host: 'es-2.example.com', port: 9200, scheme: 'http' },
      { host: 'es-3', port: 443, scheme: 'https', path_prefix: '/x' },
    ]);
  });

  it('reads stored nodes back as the same entries', () => {
    const entries = [
      'https://es:9243',
      { host: 'es2', port: 9200, scheme: 'http', pathPrefix: '/p' },
    ];
    expect(elasticEntriesOf(elasticNodesValue(entries as never))).toEqual(entries);
  });

  it.each([
    ['[{"host":"es","port":9200}]', 'components.elasticsearch.external.hosts', 'must be a list'],
    [[], 'components.elasticsearch.external.hosts', 'at least one'],
    [['es.example.com:9200'], 'components.elasticsearch.external.hosts.0', 'scheme must be http'],
    [['http://es.example.com'], 'components.elasticsearch.external.hosts.0', 'port'],
    [['ftp://es:21'], 'components.elasticsearch.external.hosts.0', 'http or https'],
    [['https://es:9200/a b'], 'components.elasticsearch.external.hosts.0', ''],
    [['http://es:9200/?x=1'], 'components.elasticsearch.external.hosts.0', 'query'],
    [[{ host: 'es', scheme: 'tcp' }], 'components.elasticsearch.external.hosts.0', ''],
    [[{ host: 'es', port: 0 }], 'components.elasticsearch.external.hosts.0', ''],
    [[{ host: 'e s' }], 'components.elasticsearch.external.hosts.0', ''],
    [[{ host: 'es', http_auth: 'x' }], 'components.elasticsearch.external.hosts.0', ''],
  ])('rejects %j with a message on the field', (hosts, path, text) => {
    const issues = issuesOf(hosts);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path.startsWith(path)).toBe(true);
    expect(issues[0].message).toContain(text);
  });
});
