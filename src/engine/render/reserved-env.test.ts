import { expect, it } from 'vitest';
import { isWorkload } from '../k8s-types';
import { createValues, type ClearMLValuesInput } from '../values';
import {
  reservedEnvProblem,
  VALUES_COMPONENTS,
  type ValuesComponent,
} from '../values/reserved-env';
import { render } from './render';

const LABEL: Record<ValuesComponent, string> = {
  apiserver: 'apiserver',
  asyncDelete: 'async-delete',
  fileserver: 'fileserver',
  webserver: 'webserver',
  mongodb: 'mongodb',
  redis: 'redis',
  elasticsearch: 'elasticsearch',
};

/** Variants that switch on every variable the renderer can emit. */
const VARIANTS: ClearMLValuesInput[] = [
  {},
  {
    agents: [
      { name: 'cpu', queues: ['default'] },
      { name: 'gpu-a100', queues: ['gpu'] },
    ],
  },
  { server: { version: '2.0', cookieDomain: 'apps.example.com', prepopulate: false } },
  { login: { enabled: false }, security: { mode: 'chart-compatible' } },
  {
    components: {
      webserver: { disableIpv6: true },
      elasticsearch: { replicas: 3, allowMmap: false, heap: '1g' },
    },
    exposure: { hosts: { app: 'app.example.com', api: 'api.example.com' } },
  },
  {
    components: {
      mongodb: {
        enabled: false,
        external: {
          backendConnectionString: 'mongodb://db:27017/backend',
          authConnectionString: 'mongodb://db:27017/auth',
        },
      },
      redis: { enabled: false, external: { host: 'redis.example.com' } },
      elasticsearch: { enabled: false, external: { hosts: ['http://es:9200'] } },
    },
  },
];

it('extraEnv refuses every variable the renderer sets on a main container', async () => {
  let checked = 0;
  for (const input of VARIANTS) {
    const objects = await render(createValues(input));
    for (const component of VALUES_COMPONENTS) {
      const w = objects
        .filter(isWorkload)
        .find((o) => o.metadata.labels?.['app.kubernetes.io/component'] === LABEL[component]);
      for (const e of w?.spec.template.spec.containers[0].env ?? []) {
        expect(reservedEnvProblem(component, e.name), `${component} ${e.name}`).toBeDefined();
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(150);
});

it('extraEnv leaves other names free', () => {
  for (const component of VALUES_COMPONENTS) {
    expect(reservedEnvProblem(component, 'HTTPS_PROXY')).toBeUndefined();
  }
  expect(
    reservedEnvProblem('apiserver', 'CLEARML__apiserver__auth__cookies__max_age'),
  ).toBeUndefined();
  expect(reservedEnvProblem('webserver', 'WEBSERVER__docsLink')).toBeUndefined();
  expect(reservedEnvProblem('elasticsearch', 'node.attr.zone')).toBeUndefined();
});
