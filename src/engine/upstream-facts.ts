import type { ServerVersion } from './values/images';

/**
 * Upstream wiring facts the renderer must keep, each with the upstream file it comes from. A test
 * (upstream-facts.test.ts) checks the rendered objects of every listed version in both security
 * modes against this table, so a change that drifts from upstream fails there.
 *
 * `field` selects a value of the component's main container: `env:<NAME>` (the value the process
 * sees: `$(VAR)` expanded, Secret values as `secret:<key>`), `args`, `command`, `port:<name>`,
 * `mount:<volume>`. `expected` is the exact string or a pattern.
 */
export interface UpstreamFact {
  component: 'apiserver' | 'async-delete' | 'fileserver' | 'webserver' | 'elasticsearch';
  field: string;
  expected: string | RegExp;
  source: string;
  versions: readonly ServerVersion[];
}

const SERVER = 'allegroai/clearml-server v2.0.0';
const CHART = 'allegroai/clearml-helm-charts clearml 7.14.1';
const V20: readonly ServerVersion[] = ['2.0'];

export const UPSTREAM_FACTS: readonly UpstreamFact[] = [
  {
    component: 'apiserver',
    field: 'args',
    expected: '["apiserver"]',
    source: `${SERVER} docker/docker-compose.yml:5-6 (entrypoint.sh switches on it)`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'port:http',
    expected: '8008',
    source: `${SERVER} docker/docker-compose.yml:34`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML_CONFIG_PATH',
    expected: '/opt/clearml/config',
    source: `${SERVER} apiserver/config/basic.py:22 (EXTRA_CONFIG_PATHS)`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__services__async_urls_delete__fileserver__url_prefixes',
    expected: /^\[("https:\/\/[^"]+\/files",)?"http:\/\/clearml-fileserver:8081"\]$/,
    source: `${SERVER} docker/docker-compose.yml:31; apiserver/bll/task/task_cleanup.py:146-154`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__HOSTS__ELASTIC__EVENTS__HOSTS',
    expected: '[{"host":"clearml-elasticsearch","port":9200,"scheme":"http"}]',
    source: `${SERVER} apiserver/config/default/hosts.conf:5; apiserver/es_factory.py:85-93`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__secure__credentials__apiserver__user_secret',
    expected: '"secret:apiserver_secret"',
    source: `${SERVER} apiserver/config/basic.py:93-109 (env values parsed as HOCON)`,
    versions: V20,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__APISERVER__AUTH__SESSION_AUTH_COOKIE_NAME',
    expected: '"clearml-token-k8s"',
    source: `${SERVER} apiserver/config/default/apiserver.conf:71; ${CHART} values.yaml cookieName`,
    versions: V20,
  },
  {
    component: 'async-delete',
    field: 'command',
    expected:
      '["python3","-m","jobs.async_urls_delete","--fileserver-host","http://clearml-fileserver:8081"]',
    source: `${SERVER} docker/docker-compose.yml:144-149`,
    versions: V20,
  },
  {
    component: 'async-delete',
    field: 'env:PYTHONPATH',
    expected: '/opt/clearml/apiserver',
    source: `${SERVER} docker/docker-compose.yml:142`,
    versions: V20,
  },
  {
    component: 'fileserver',
    field: 'args',
    expected: '["fileserver"]',
    source: `${SERVER} docker/docker-compose.yml:72-73`,
    versions: V20,
  },
  {
    component: 'fileserver',
    field: 'mount:fileserver-data',
    expected: '/mnt/fileserver',
    source: `${SERVER} docker/docker-compose.yml:82`,
    versions: V20,
  },
  {
    component: 'fileserver',
    field: 'env:CLEARML__FILESERVER__AUTH__COOKIE_NAMES',
    expected: '["clearml-token-k8s"]',
    source: `${SERVER} fileserver/auth.py:107-122; fileserver/config/default/fileserver.conf auth.cookie_names`,
    versions: V20,
  },
  {
    component: 'fileserver',
    field: 'env:CLEARML__HOSTS__API_SERVER',
    expected: '"http://clearml-apiserver:8008"',
    source: `${SERVER} fileserver/auth.py:46-51 (hosts.api_server)`,
    versions: V20,
  },
  {
    component: 'fileserver',
    field: 'env:CLEARML__SECURE__CREDENTIALS__FILESERVER__USER_KEY',
    expected: '"secret:fileserver_key"',
    source: `${SERVER} fileserver/auth.py:46-51 (secure.credentials.fileserver)`,
    versions: V20,
  },
  {
    component: 'webserver',
    field: 'port:http',
    expected: '80',
    source: `${SERVER} docker/docker-compose.yml:118 (8080:80)`,
    versions: V20,
  },
  {
    component: 'webserver',
    field: 'env:WEBSERVER__apiBaseUrl',
    expected: '"/api"',
    source: 'allegroai/clearml-web v2.0 src/environments/base.ts (apiBaseUrl; values are JSON)',
    versions: V20,
  },
  {
    component: 'elasticsearch',
    field: 'mount:data',
    expected: '/usr/share/elasticsearch/data',
    source: `${SERVER} docker/docker-compose.yml:66; elastic/helm-charts v7.17.3 elasticsearch/templates/statefulset.yaml`,
    versions: V20,
  },
  {
    component: 'elasticsearch',
    field: 'env:cluster.name',
    expected: 'clearml-elastic',
    source: `${CHART} values.yaml elasticsearch.clusterName`,
    versions: V20,
  },
];
