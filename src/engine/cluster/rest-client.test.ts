import { ApiError } from './errors';
import { createRestClient, type HttpRequest, type HttpResponse } from './rest-client';

/** A transport that records requests and answers from a table. */
function recorder(answer: (r: HttpRequest) => HttpResponse) {
  const requests: HttpRequest[] = [];
  const transport = async (r: HttpRequest) => {
    requests.push(r);
    return answer(r);
  };
  return { requests, client: createRestClient(transport) };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, text: JSON.stringify(body) });

describe('REST client', () => {
  it('applies with server-side apply, one field manager, and dry run on request', async () => {
    const { requests, client } = recorder((r) => ok(JSON.parse(r.body!)));
    const obj = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'a', namespace: 'ns' },
    };
    await client.apply(obj, { dryRun: true });
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/ns/deployments/a?fieldManager=clearml-console-plugin&dryRun=All',
      contentType: 'application/apply-patch+yaml',
    });
  });

  it('returns undefined for a missing object and throws other errors with their status', async () => {
    const { client } = recorder((r) =>
      r.path.endsWith('/missing')
        ? {
            status: 404,
            text: JSON.stringify({ kind: 'Status', reason: 'NotFound', message: 'not found' }),
          }
        : {
            status: 403,
            text: JSON.stringify({ kind: 'Status', reason: 'Forbidden', message: 'no' }),
          },
    );
    await expect(
      client.get({ apiVersion: 'v1', kind: 'Secret', name: 'missing', namespace: 'ns' }),
    ).resolves.toBeUndefined();
    const err = await client
      .get({ apiVersion: 'v1', kind: 'Secret', name: 'other', namespace: 'ns' })
      .catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, reason: 'Forbidden', message: 'no' });
  });

  it('asks for a metadata-only list with its Accept header, and JSON otherwise', async () => {
    const { requests, client } = recorder(() => ok({ items: [] }));
    await client.list('v1', 'Secret', {
      namespace: 'ns',
      labelSelector: 'owner=helm',
      metadataOnly: true,
    });
    await client.list('v1', 'Pod', { namespace: 'ns' });
    expect(requests.map((r) => [r.path, r.accept])).toEqual([
      [
        '/api/v1/namespaces/ns/secrets?labelSelector=owner%3Dhelm',
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      ],
      ['/api/v1/namespaces/ns/pods', undefined],
    ]);
  });

  it('reads a metadata-only list that matches nothing ("items": null) as empty', async () => {
    const { client } = recorder(() =>
      ok({ kind: 'PartialObjectMetadataList', apiVersion: 'meta.k8s.io/v1', items: null }),
    );
    await expect(
      client.list('v1', 'Secret', { namespace: 'ns', metadataOnly: true }),
    ).resolves.toEqual([]);
  });

  it('restores apiVersion and kind on listed items and passes the label selector', async () => {
    const { requests, client } = recorder(() => ok({ items: [{ metadata: { name: 'x' } }] }));
    const items = await client.list('v1', 'PersistentVolumeClaim', {
      namespace: 'ns',
      labelSelector: 'a=b',
    });
    expect(items[0]).toMatchObject({ apiVersion: 'v1', kind: 'PersistentVolumeClaim' });
    expect(requests[0].path).toBe(
      '/api/v1/namespaces/ns/persistentvolumeclaims?labelSelector=a%3Db',
    );
  });

  it("reads the Retry-After header of priority and fairness's plain-text 429", async () => {
    const { client } = recorder(() => ({
      status: 429,
      text: 'Too many requests, please try again later.\n',
      retryAfter: '2',
    }));
    const err = await client
      .get({ apiVersion: 'v1', kind: 'Secret', name: 'x', namespace: 'ns' })
      .catch((e) => e);
    expect(err).toMatchObject({ status: 429, details: { retryAfterSeconds: 2 } });
  });

  it('asks discovery once per group version', async () => {
    const { requests, client } = recorder((r) =>
      r.path === '/apis/route.openshift.io/v1'
        ? ok({ resources: [{ kind: 'Route' }] })
        : { status: 404, text: '{}' },
    );
    expect(await client.serves('route.openshift.io/v1', 'Route')).toBe(true);
    expect(await client.serves('route.openshift.io/v1')).toBe(true);
    expect(await client.serves('project.openshift.io/v1')).toBe(false);
    expect(requests.filter((r) => r.path === '/apis/route.openshift.io/v1')).toHaveLength(1);
  });
});
