/**
 * Values that break most rules of the schema at once, for tests that look at what is said about
 * them (issue-messages.test.ts, and the page's translation of the same issues).
 */
export const BAD_VALUES: unknown[] = [
  'not a mapping',
  { name: '', namespace: 'default', bogus: 1 },
  { name: 'Bad_Name', namespace: 'a' },
  { name: 'a'.repeat(30), namespace: 'b'.repeat(40) },
  { namespace: 'kube-system' },
  {
    images: {
      pullPolicy: 'Sometimes',
      pullSecret: 'UPPER',
      apiserver: { registry: 'Bad Reg', repository: 'UP', tag: '-x' },
    },
  },
  {
    components: {
      apiserver: {
        replicas: 0,
        extraEnv: [
          { name: '1bad', value: 'x' },
          { name: 'PLAIN', value: { a: 1 } },
          { name: 'TWICE', value: 'x' },
          { name: 'TWICE', value: 'y' },
          { name: 'CLEARML__apiserver__mongo__host', value: 'x' },
          { name: 'SECRET_KEY', value: 'x' },
          { name: 'CONTROL', value: 'a\u0007b' },
        ],
        nodeSelector: { 'bad key!': 'v', ok: 'bad value!' },
        tolerations: [
          { operator: 'Maybe', effect: 'Never' },
          { value: 'v' },
          { key: 'k', operator: 'Exists', value: 'v' },
          { key: 'k', tolerationSeconds: 5 },
          { key: 'k', tolerationSeconds: 1.5 },
        ],
        affinity: 'no',
        extraConfig: { 'bad name': 'x', 'ok.conf': 'a\u0001' },
      },
      webserver: { replicas: 2.5, configuration: { apiBaseUrl: 'x' } },
      fileserver: { replicas: 20 },
      mongodb: { enabled: false },
      redis: { enabled: false, external: { host: 'UP', port: 70000 } },
      elasticsearch: {
        heap: 'lots',
        allowMmap: 'yes',
        external: {
          hosts: [
            'ftp://es.example.com:9200',
            'http://es.example.com',
            'http://es.example.com:9200/?q=1',
            { host: 'bad host', port: 0, scheme: 'gopher', pathPrefix: 'x' },
            7,
          ],
        },
      },
    },
  },
  { components: { elasticsearch: { external: { hosts: [] } } } },
  { components: { elasticsearch: { heap: '8g' } } },
  { components: { fileserver: { replicas: 2 }, apiserver: { extraConfig: 'text' } } },
  {
    components: {
      apiserver: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: 'x' }],
          },
        },
      },
      webserver: { configuration: 'x', extraEnv: 'x', nodeSelector: 'x', tolerations: 'x' },
    },
  },
  {
    storage: {
      storageClass: 'UP',
      fileserver: { size: '50', accessMode: 'Some' },
      mongodb: { size: '999999Ti' },
    },
  },
  {
    resources: {
      preset: 'huge',
      apiserver: { requests: { cpu: 'lots', memory: '2Gi' }, limits: { memory: '1Gi' } },
      fileserver: { requests: { cpu: '2000' }, limits: { cpu: '0', memory: '100Ti' } },
    },
  },
  {
    exposure: {
      routes: 'yes',
      hosts: { app: 'a.example.com', api: 'a.example.com', files: 'f.example.com' },
      filesTimeout: 'forever',
    },
  },
  {
    server: { version: '1.0', cookieName: 'bad cookie', cookieDomain: `${'a'.repeat(70)}.com` },
    login: { username: 'bad user', displayName: '', password: 'short' },
    credentials: { apiserver: { accessKey: 'x', secretKey: 'y' } },
    security: { mode: 'open' },
  },
  { login: { displayName: 'a\u0007', password: 'p'.repeat(200) } },
  { components: { mongodb: { external: { backendConnectionString: 'http://x' } } } },
  { components: { mongodb: { external: { backendConnectionString: 'mongodb://a"b' } } } },
  { components: { fileserver: { enabled: false }, asyncDelete: { enabled: true } }, agents: 'x' },
  {
    components: { fileserver: { enabled: false } },
    agents: [
      {
        name: 'A',
        queues: [],
        maxPods: 0,
        taskPod: { gpus: -1, image: '', env: [{ name: 'HOME', value: 'x' }] },
      },
      { name: 'a', queues: ['bad,queue'], taskPod: { image: 'UP', env: 'x' } },
      { name: 'a', queues: 'q', maxPods: 1.5 },
      { name: '', queues: [''] },
    ],
  },
  {
    components: {
      apiserver: {
        extraEnv: [
          { name: 'CLEARML__hosts__mongo__backend__host', value: 'x' },
          { name: 'CLEARML_ENV', value: 'x' },
          { name: 'CLEARML_CONFIG_DIR', value: 'x' },
          { name: 'SECRET_KEY', value: 'x' },
          { name: 'PLAIN', value: { a: 1 } },
        ],
      },
      webserver: { extraEnv: [{ name: 'LIST', value: [1] }] },
    },
  },
  {
    agents: [
      { name: 'a', queues: ['q'] },
      { name: 'a', queues: ['q'] },
    ],
  },
  // Each field right, the rules across fields broken
  { components: { fileserver: { enabled: false } } },
  { components: { fileserver: { replicas: 2 }, mongodb: { enabled: false } } },
  { exposure: { hosts: { app: 'a.example.com', api: 'a.example.com', files: 'f.example.com' } } },
  { resources: { apiserver: { requests: { cpu: '2' }, limits: { cpu: '1', memory: '0' } } } },
  {
    components: { fileserver: { enabled: false }, asyncDelete: { enabled: false } },
    agents: [{ name: 'a', queues: ['q'] }],
  },
];
