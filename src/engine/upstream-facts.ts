import type { ServerVersion } from './values/images';

/**
 * Upstream wiring facts the renderer must keep, each with the upstream file it comes from. A test
 * (upstream-facts.test.ts) checks the rendered objects of every listed version in both security
 * modes against this table, so a change that drifts from upstream fails there.
 *
 * `field` selects a value of the component's main container: `env:<NAME>` (the value the process
 * sees: `$(VAR)` expanded, Secret values as `secret:<key>`), `args`, `command`, `port:<name>`,
 * `mount:<volume>`, `image`. `expected` is the exact string or a pattern.
 */
export interface UpstreamFact {
  component:
    | 'apiserver'
    | 'async-delete'
    | 'fileserver'
    | 'webserver'
    | 'elasticsearch'
    | 'mongodb'
    | 'redis'
    | 'agent';
  field: string;
  expected: string | RegExp;
  source: string;
  versions: readonly ServerVersion[];
}

const SERVER = 'allegroai/clearml-server v2.0.0';
const CHART = 'allegroai/clearml-helm-charts clearml 7.14.1';
const V20: readonly ServerVersion[] = ['2.0'];
const SERVER23 = 'clearml/clearml-server v2.3.0';
const V23: readonly ServerVersion[] = ['2.3'];
const BOTH: readonly ServerVersion[] = ['2.0', '2.3'];
const AGENT_CHART = 'allegroai/clearml-helm-charts clearml-agent-5.3.0 charts/clearml-agent';
const AGENT = 'allegroai/clearml-agent v1.9.2';

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
  // Release images. 2.0 is the chart's; 2.3 is upstream compose's at the v2.3.0 tag (compose pins
  // `clearml/server:latest`, so only the repository is checked for the ClearML image).
  {
    component: 'apiserver',
    field: 'image',
    expected: 'docker.io/allegroai/clearml:2.0.0-613',
    source: 'clearml/clearml-helm-charts clearml-7.14.4 charts/clearml/values.yaml:70-73',
    versions: V20,
  },
  {
    component: 'elasticsearch',
    field: 'image',
    expected: 'docker.elastic.co/elasticsearch/elasticsearch:7.17.3',
    source: 'clearml/clearml-helm-charts clearml-7.14.4 charts/clearml/Chart.yaml:29-31',
    versions: V20,
  },
  {
    component: 'mongodb',
    field: 'image',
    expected: 'docker.io/library/mongo:6.0.19',
    source: `${SERVER} docker/docker-compose.yml:91`,
    versions: V20,
  },
  ...(['apiserver', 'fileserver', 'webserver', 'async-delete'] as const).map((component) => ({
    component,
    field: 'image',
    expected: /^docker\.io\/clearml\/server:/,
    source: `${SERVER23} docker/docker-compose.yml:8,76,113,131 (clearml/server)`,
    versions: V23,
  })),
  {
    component: 'mongodb',
    field: 'image',
    expected: 'docker.io/library/mongo:7.0.22',
    source: `${SERVER23} docker/docker-compose.yml:91`,
    versions: V23,
  },
  {
    component: 'redis',
    field: 'image',
    expected: 'docker.io/library/redis:7.4.1',
    source: `${SERVER23} docker/docker-compose.yml:102 (the same in v2.0.0)`,
    versions: BOTH,
  },
  {
    component: 'elasticsearch',
    field: 'image',
    expected: 'docker.io/library/elasticsearch:8.17.0',
    source: `${SERVER23} docker/docker-compose.yml:63`,
    versions: V23,
  },
  {
    component: 'mongodb',
    field: 'args',
    expected: /"--setParameter","internalQueryMaxBlockingSortMemoryUsageBytes=196100200"/,
    source: `${SERVER23} docker/docker-compose.yml:93`,
    versions: BOTH,
  },
  {
    component: 'redis',
    field: 'mount:data',
    expected: '/data',
    source: `${SERVER23} docker/docker-compose.yml:105`,
    versions: BOTH,
  },
  // Wiring of the current release, checked against the v2.3.0 sources.
  {
    component: 'apiserver',
    field: 'args',
    expected: '["apiserver"]',
    source: `${SERVER23} docker/docker-compose.yml:5-6`,
    versions: V23,
  },
  {
    component: 'apiserver',
    field: 'port:http',
    expected: '8008',
    source: `${SERVER23} docker/docker-compose.yml:35`,
    versions: V23,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__services__async_urls_delete__fileserver__url_prefixes',
    expected: /^\[("https:\/\/[^"]+\/files",)?"http:\/\/clearml-fileserver:8081"\]$/,
    source: `${SERVER23} docker/docker-compose.yml:31; apiserver/bll/task/task_cleanup.py:150`,
    versions: V23,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__HOSTS__ELASTIC__EVENTS__HOSTS',
    expected: '[{"host":"clearml-elasticsearch","port":9200,"scheme":"http"}]',
    source: `${SERVER23} apiserver/config/default/hosts.conf:5`,
    versions: V23,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__APISERVER__AUTH__SESSION_AUTH_COOKIE_NAME',
    expected: '"clearml-token-k8s"',
    source: `${SERVER23} apiserver/config/default/apiserver.conf:72`,
    versions: V23,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__secure__credentials__services_agent__user_key',
    expected: '"secret:agent_services_key"',
    source: `${SERVER23} docker/docker-compose.yml:32; apiserver/config/default/secure.conf:31-35 (role admin)`,
    versions: BOTH,
  },
  {
    component: 'apiserver',
    field: 'env:CLEARML__secure__credentials__services_agent__user_secret',
    expected: '"secret:agent_services_secret"',
    source: `${SERVER23} docker/docker-compose.yml:33; apiserver/mongo/initialize/__init__.py:66-80`,
    versions: BOTH,
  },
  {
    component: 'async-delete',
    field: 'command',
    expected:
      '["python3","-m","jobs.async_urls_delete","--fileserver-host","http://clearml-fileserver:8081"]',
    source: `${SERVER23} docker/docker-compose.yml:144-149`,
    versions: V23,
  },
  {
    component: 'async-delete',
    field: 'env:PYTHONPATH',
    expected: '/opt/clearml/apiserver',
    source: `${SERVER23} docker/docker-compose.yml:142`,
    versions: V23,
  },
  {
    component: 'fileserver',
    field: 'args',
    expected: '["fileserver"]',
    source: `${SERVER23} docker/docker-compose.yml:73-74`,
    versions: V23,
  },
  {
    component: 'fileserver',
    field: 'mount:fileserver-data',
    expected: '/mnt/fileserver',
    source: `${SERVER23} docker/docker-compose.yml:82`,
    versions: V23,
  },
  {
    component: 'fileserver',
    field: 'env:CLEARML__FILESERVER__AUTH__COOKIE_NAMES',
    expected: '["clearml-token-k8s"]',
    source: `${SERVER23} fileserver/auth.py:119 (fileserver.auth.cookie_names)`,
    versions: V23,
  },
  {
    component: 'fileserver',
    field: 'env:CLEARML__HOSTS__API_SERVER',
    expected: '"http://clearml-apiserver:8008"',
    source: `${SERVER23} fileserver/auth.py:48-50 (hosts.api_server)`,
    versions: V23,
  },
  {
    component: 'webserver',
    field: 'port:http',
    expected: '80',
    source: `${SERVER23} docker/docker-compose.yml:118 (8080:80)`,
    versions: V23,
  },
  {
    component: 'elasticsearch',
    field: 'mount:data',
    expected: '/usr/share/elasticsearch/data',
    source: `${SERVER23} docker/docker-compose.yml:66`,
    versions: V23,
  },
  // The agents' glue (rendered for an agent named `cpu`): the chart's wiring that is kept.
  {
    component: 'agent',
    field: 'image',
    expected: 'docker.io/allegroai/clearml-agent-k8s-base:1.24-21',
    source: `${AGENT_CHART} values.yaml:52-55; templates/agentk8sglue-deployment.yaml:59-60`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'command',
    expected:
      '["/bin/bash","-c","export PATH=$PATH:$HOME/bin; source /root/.bashrc && /root/entrypoint.sh"]',
    source: `${AGENT_CHART} templates/agentk8sglue-deployment.yaml:61-66`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'env:K8S_GLUE_EXTRA_ARGS',
    expected:
      /^--namespace [a-z0-9-]+ --template-yaml \/root\/template\/template\.yaml --create-queue$/,
    source: `${AGENT_CHART} templates/agentk8sglue-deployment.yaml:96-109`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'mount:pod-template',
    expected: '/root/template',
    source: `${AGENT_CHART} templates/agentk8sglue-deployment.yaml:67-69, 163-166`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'env:CLEARML_API_ACCESS_KEY',
    expected: 'secret:agent_cpu_key',
    source: `${AGENT_CHART} templates/agentk8sglue-deployment.yaml:116-133`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'env:K8S_GLUE_QUEUE',
    expected: 'default',
    source: `${AGENT} docker/k8s-glue/build-resources/entrypoint.sh:23 (read by the image's entrypoint)`,
    versions: BOTH,
  },
  {
    component: 'agent',
    field: 'env:CLEARML_K8S_GLUE_START_AGENT_SCRIPT_PATH',
    expected: '/tmp/__start_agent__.sh',
    source: `${AGENT} clearml_agent/glue/definitions.py:3 (read by the glue process)`,
    versions: BOTH,
  },
];
