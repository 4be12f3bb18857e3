/**
 * Helm's release records read as the page reads them: a metadata-only list through the engine's
 * cluster client on the real API server returns the records' labels and never their payload, and
 * a user who may not list Secrets gets no records (the page then shows the Helm status unknown).
 * A project without records reads as an empty list: the API server answers a metadata-only list
 * that matches nothing with `"items": null`.
 */
import * as k8s from '@kubernetes/client-node';
import { readHelmRecords } from '../../src/engine/adopt/read';
import { apiFor, useTestNamespace } from '../support/cluster';
import { clientAs } from '../deploy/engine-helpers';

describe('reading Helm release records on the API server', () => {
  const ns = useTestNamespace({
    prefix: 'helmrec',
    grants: { developer: 'admin', viewer: 'view' },
  });

  it('returns each record’s labels without its data, and nothing for a user who may not list Secrets', async () => {
    const core = apiFor('admin', k8s.CoreV1Api);
    const payload = Buffer.from('a release with values and passwords').toString('base64');
    for (const v of [1, 2]) {
      await core.createNamespacedSecret({
        namespace: ns.name,
        body: {
          metadata: {
            name: `sh.helm.release.v1.clearml.v${v}`,
            labels: {
              owner: 'helm',
              name: 'clearml',
              version: String(v),
              status: v === 2 ? 'deployed' : 'superseded',
            },
          },
          type: 'helm.sh/release.v1',
          data: { release: payload },
        },
      });
    }
    // Another Secret of the project, not Helm's: not listed.
    await core.createNamespacedSecret({
      namespace: ns.name,
      body: { metadata: { name: 'clearml-conf' }, stringData: { apiserver_key: 'x' } },
    });

    const records = await readHelmRecords(clientAs('developer'), ns.name);
    expect(records?.map((r) => r.metadata.name).sort()).toEqual([
      'sh.helm.release.v1.clearml.v1',
      'sh.helm.release.v1.clearml.v2',
    ]);
    expect(records?.find((r) => r.metadata.labels?.version === '2')?.metadata.labels?.status).toBe(
      'deployed',
    );
    const text = JSON.stringify(records);
    expect(text).not.toContain(payload);
    expect(text).not.toContain('"data"');

    await expect(readHelmRecords(clientAs('viewer'), ns.name)).resolves.toBeUndefined();
  });
});

describe('reading Helm release records in a project that has none', () => {
  const ns = useTestNamespace({ prefix: 'helmnone', grants: { developer: 'admin' } });

  it('reads them as no records, not as an error', async () => {
    await expect(readHelmRecords(clientAs('developer'), ns.name)).resolves.toEqual([]);
  });
});
