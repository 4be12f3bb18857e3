// `clearml-openshift status`: a Route the router does not serve is named, with the reason.
import type { K8sObject } from '../../engine/k8s-types';
import { render } from '../../engine/render/render';
import { rejectedRoute } from '../../engine/status/fixtures';
import type { LiveRoute } from '../../engine/status/types';
import { createValues } from '../../engine/values';
import { FakeClusterClient } from '../../test-support/fake-client';
import { runCommand } from '../../test-support/run-command';

describe('status on the command line', () => {
  it('says which Route waits behind an older one for its host', async () => {
    const objects = await render(createValues({ name: 'ml', namespace: 'team-a' }));
    const client = new FakeClusterClient(
      objects.map((o) =>
        o.kind === 'Deployment' || o.kind === 'StatefulSet'
          ? ({ ...o, status: { replicas: 1, readyReplicas: 1, updatedReplicas: 1 } } as K8sObject)
          : o,
      ),
    );
    const key = [...client.objects.keys()].find((k) => k === 'Route/team-a/ml-app')!;
    client.objects.set(
      key,
      rejectedRoute(
        client.objects.get(key) as unknown as LiveRoute,
        'clearml.example.com',
        'HostAlreadyClaimed',
        'route clearml-webserver already exposes clearml.example.com and is older',
      ) as unknown as K8sObject,
    );
    const run = await runCommand('status', ['--name', 'ml', '-n', 'team-a'], { client });
    expect(run.stdout).toMatch(/^ml: Ready/);
    expect(run.stdout).toContain(
      '  ! The router does not serve Route ml-app yet: an older Route holds clearml.example.com (route clearml-webserver already exposes clearml.example.com and is older).',
    );
    expect(run.stdout.match(/^ {2}! /gm)).toHaveLength(1);
  });
});
