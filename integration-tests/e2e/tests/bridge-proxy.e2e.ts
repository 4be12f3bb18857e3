import { useConsole } from '../support/fixtures';

const configMap = (name: string) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { purpose: 'end-to-end test' },
});

describe('bridge proxy', () => {
  const { e2e, shellAs } = useConsole();

  it('rejects a non-GET request without X-CSRFToken and accepts it with the header', async () => {
    const shell = await shellAs('admin');
    await shell.goto('');
    const path = `/api/v1/namespaces/${e2e.namespace}/configmaps`;

    const without = await shell.rawRequest('POST', path, configMap('csrf-missing'), {
      csrf: false,
    });
    expect(without.status).toBe(403);
    expect(without.body).toMatch(/CSRF/);
    const notCreated = await shell.rawRequest('GET', `${path}/csrf-missing`);
    expect(notCreated.status).toBe(404);

    const withHeader = await shell.rawRequest('POST', path, configMap('csrf-ok'), { csrf: true });
    expect(withHeader.status).toBe(201);
    const removed = await shell.rawRequest('DELETE', `${path}/csrf-ok`, undefined, { csrf: true });
    expect(removed.status).toBe(200);
  });

  it('switches identity: viewer is forbidden by the API server, admin is not', async () => {
    const shell = await shellAs('admin');
    await shell.goto('');
    await expect(shell.currentUser()).resolves.toBe('admin');

    await shell.switchUser('viewer');
    await expect(shell.currentUser()).resolves.toBe('viewer');
    const path = `/api/v1/namespaces/${e2e.teamNamespace}/configmaps`;
    const denied = await shell.rawRequest('POST', path, configMap('viewer-attempt'), {
      csrf: true,
    });
    expect(denied.status).toBe(403);
    // Forbidden by RBAC (a Kubernetes Status), not by the CSRF check.
    expect(JSON.parse(denied.body)).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
    await shell.screenshot('user-switched-to-viewer');
  });

  it('streams watch events over the WebSocket proxy', async () => {
    const shell = await shellAs('admin');
    await shell.goto('');
    const name = `watch-${Date.now()}`;
    const seen = shell.page.evaluate(
      ({ ns, name }) =>
        new Promise<string>((resolve, reject) => {
          const ws = new WebSocket(
            `ws://${location.host}/api/kubernetes/api/v1/namespaces/${ns}/configmaps?watch=true&fieldSelector=${encodeURIComponent(`metadata.name=${name}`)}`,
          );
          const timer = setTimeout(() => reject(new Error('no watch event within 20s')), 20_000);
          ws.onmessage = (msg) => {
            const event = JSON.parse(String(msg.data));
            clearTimeout(timer);
            ws.close();
            resolve(`${event.type} ${event.object.metadata.name}`);
          };
          ws.onerror = () => reject(new Error('websocket error'));
          ws.onopen = () => ((window as unknown as { watchOpen: boolean }).watchOpen = true);
        }),
      { ns: e2e.namespace, name },
    );
    await shell.page.waitForFunction(
      () => (window as unknown as { watchOpen?: boolean }).watchOpen,
    );
    const created = await shell.rawRequest(
      'POST',
      `/api/v1/namespaces/${e2e.namespace}/configmaps`,
      configMap(name),
    );
    expect(created.status).toBe(201);
    await expect(seen).resolves.toBe(`ADDED ${name}`);
  });
});
