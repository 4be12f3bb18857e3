import { describe, expect, it } from 'vitest';
import type { Route } from '../k8s-types';
import { deploymentOf, envOf, find } from '../test-helpers';
import { createValues, parseValues } from '../values';
import { render } from './render';

const admitted = (name: string, host: string): Route => ({
  apiVersion: 'route.openshift.io/v1',
  kind: 'Route',
  metadata: { name },
  spec: { host, to: { kind: 'Service', name: 'x' }, port: { targetPort: 'http' } },
  status: {
    ingress: [
      { host, conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: 'now' }] },
    ],
  },
});

const prefixesOf = (objects: Awaited<ReturnType<typeof render>>, name: string) =>
  JSON.parse(
    envOf(deploymentOf(objects, name))
      .CLEARML__services__async_urls_delete__fileserver__url_prefixes,
  );

describe('files on the web UI origin', () => {
  it('serves /files on a custom app host through the file server, rewritten to /', async () => {
    const objects = await render(createValues({ exposure: { hosts: { app: 'ml.example.com' } } }));
    const files = find<Route>(objects, 'Route', 'clearml-files');
    expect(files.spec).toMatchObject({
      host: 'ml.example.com',
      path: '/files',
      to: { kind: 'Service', name: 'clearml-fileserver' },
      tls: { termination: 'edge' },
    });
    expect(files.metadata.annotations).toEqual({
      'haproxy.router.openshift.io/timeout': '600s',
      'haproxy.router.openshift.io/rewrite-target': '/',
    });
    expect(find<Route>(objects, 'Route', 'clearml-app').spec.path).toBeUndefined();
    const web = envOf(deploymentOf(objects, 'clearml-webserver'));
    expect(JSON.parse(web.WEBSERVER__fileBaseUrl)).toBe('https://ml.example.com/files');
    for (const name of ['clearml-apiserver', 'clearml-async-delete']) {
      expect(prefixesOf(objects, name)).toEqual([
        'https://ml.example.com/files',
        'http://clearml-fileserver:8081',
      ]);
    }
  });

  it('follows a generated app host once the app Route is admitted', async () => {
    const before = await render(createValues());
    expect(before.some((o) => o.kind === 'Route' && o.metadata.name === 'clearml-files')).toBe(
      false,
    );
    // The API server still knows the in-cluster prefix, so async delete gets those URLs.
    expect(prefixesOf(before, 'clearml-apiserver')).toEqual(['http://clearml-fileserver:8081']);
    const host = 'clearml-app-clearml.apps.example.com';
    const after = await render(createValues(), {
      routes: { 'clearml-app': admitted('clearml-app', host) },
    });
    expect(find<Route>(after, 'Route', 'clearml-files').spec).toMatchObject({
      host,
      path: '/files',
    });
    expect(prefixesOf(after, 'clearml-apiserver')[0]).toBe(`https://${host}/files`);
  });

  it('keeps a files host of its own without the web UI', async () => {
    const values = createValues({
      components: { webserver: { enabled: false } },
      exposure: { hosts: { files: 'files.example.com' } },
    });
    const files = find<Route>(await render(values), 'Route', 'clearml-files');
    expect(files.spec.host).toBe('files.example.com');
    expect(files.spec.path).toBeUndefined();
    expect(files.metadata.annotations).toEqual({ 'haproxy.router.openshift.io/timeout': '600s' });
  });

  it('refuses a separate files host while the web UI is on', () => {
    const r = parseValues({ exposure: { hosts: { files: 'files.example.com' } } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({
      path: 'exposure.hosts.files',
      message: expect.stringContaining('/files'),
    });
  });

  it('sets the API Route timeout when asked', async () => {
    const api = (objects: Awaited<ReturnType<typeof render>>) =>
      find<Route>(objects, 'Route', 'clearml-api').metadata.annotations;
    expect(api(await render(createValues()))).toBeUndefined();
    expect(api(await render(createValues({ exposure: { apiTimeout: '5m' } })))).toEqual({
      'haproxy.router.openshift.io/timeout': '5m',
    });
    expect(parseValues({ exposure: { apiTimeout: 'soon' } }).ok).toBe(false);
  });
});
