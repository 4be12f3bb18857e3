/**
 * The rendered NetworkPolicies select exactly the intended pods, through the API server's own
 * label selection. The local control plane enforces no network policy, so this checks who each
 * policy protects and who each of its rules lets in, with pods that must stay out next to them.
 */
import * as k8s from '@kubernetes/client-node';
import { deploy } from '../../src/engine/deploy/deploy';
import type { K8sObject } from '../../src/engine/k8s-types';
import {
  AGENT_POD_LABEL,
  type LabelExpression,
  type NetworkPolicy,
  ROUTER_NAMESPACE_LABEL,
} from '../../src/engine/render/network-policies';
import {
  apiFor,
  createTestNamespace,
  deleteNamespace,
  useTestNamespace,
  waitFor,
} from '../support/cluster';
import { clientAs, exampleValues } from './engine-helpers';

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: LabelExpression[] };

const selectorText = (s: Selector) =>
  [
    ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(s.matchExpressions ?? []).map((e) => `${e.key} in (${e.values.join(',')})`),
  ].join(',');

/** A bare pod with these labels, standing in for a pod the policies must tell apart. */
const pod = (name: string, labels: Record<string, string>): k8s.V1Pod => ({
  metadata: { name, labels },
  spec: { containers: [{ name: 'main', image: 'registry.example.com/stand-in:1.0' }] },
});

describe('network policies on the API server', () => {
  const ns = useTestNamespace({ prefix: 'netpol' });

  it('select exactly the instance pods they protect and the peers they admit', async () => {
    const admin = clientAs('admin');
    const core = apiFor('admin', k8s.CoreV1Api);
    const values = exampleValues('minimal.yaml', ns.name);
    const instance = values.name;
    const result = await deploy({ client: admin, values, routeWaitMs: 0 });
    expect(result.ok).toBe(true);

    // Pods that share the namespace but are not this instance's servers.
    const outsiders = {
      'other-apiserver': {
        'app.kubernetes.io/instance': 'other',
        'app.kubernetes.io/component': 'apiserver',
        'app.kubernetes.io/managed-by': 'clearml-console-plugin',
      },
      agent: { [AGENT_POD_LABEL]: instance },
      'other-agent': { [AGENT_POD_LABEL]: 'other' },
      'look-alike': { 'app.kubernetes.io/instance': instance, app: 'not-ours' },
      stranger: { app: 'stranger' },
    };
    for (const [name, labels] of Object.entries(outsiders)) {
      await core.createNamespacedPod({ namespace: ns.name, body: pod(name, labels) });
    }

    const componentOfPod = (p: k8s.V1Pod) =>
      p.metadata?.labels?.['app.kubernetes.io/component'] ?? p.metadata?.name ?? '';
    const podsBy = async (selector: Selector) =>
      [
        ...new Set(
          (
            await core.listNamespacedPod({
              namespace: ns.name,
              labelSelector: selectorText(selector),
            })
          ).items.map((p) =>
            p.metadata?.labels?.['app.kubernetes.io/instance'] === instance &&
            p.metadata?.labels?.['app.kubernetes.io/managed-by']
              ? componentOfPod(p)
              : (p.metadata?.name ?? ''),
          ),
        ),
      ].sort();

    // Every component's pods exist before the selections are compared.
    const components = [
      'apiserver',
      'async-delete',
      'elasticsearch',
      'fileserver',
      'mongodb',
      'redis',
      'webserver',
    ];
    await waitFor(
      async () =>
        (await podsBy({ matchLabels: { 'app.kubernetes.io/instance': instance } })).length >=
        components.length + 1,
      { description: 'pods of every component', timeoutMs: 60_000 },
    );

    const policies = (await admin.list<K8sObject>('networking.k8s.io/v1', 'NetworkPolicy', {
      namespace: ns.name,
    })) as NetworkPolicy[];
    const byName = Object.fromEntries(policies.map((p) => [p.metadata.name, p]));
    expect(Object.keys(byName).sort()).toEqual(
      ['apiserver', 'elasticsearch', 'fileserver', 'mongodb', 'redis', 'webserver'].map(
        (c) => `${instance}-netpol-${c}`,
      ),
    );

    for (const p of policies) {
      const component = p.metadata.name.slice(`${instance}-netpol-`.length);
      expect(await podsBy(p.spec.podSelector), `${p.metadata.name} protects`).toEqual([component]);
    }

    const admitted = async (name: string) =>
      Promise.all(
        byName[`${instance}-netpol-${name}`].spec.ingress.map(async (rule) => ({
          ports: rule.ports.map((x) => x.port),
          pods: (
            await Promise.all(
              rule.from
                .filter((peer) => !peer.namespaceSelector)
                .map((peer) => podsBy(peer.podSelector!)),
            )
          )
            .flat()
            .sort(),
          namespaces: rule.from
            .filter((peer) => peer.namespaceSelector)
            .map((peer) => selectorText(peer.namespaceSelector!)),
        })),
      );

    const clients = { pods: ['apiserver', 'async-delete'], namespaces: [] };
    expect(await admitted('mongodb')).toEqual([{ ports: [27017], ...clients }]);
    expect(await admitted('redis')).toEqual([{ ports: [6379], ...clients }]);
    expect(await admitted('elasticsearch')).toEqual([
      { ports: [9200], ...clients },
      { ports: [9300], pods: ['elasticsearch'], namespaces: [] },
    ]);
    const servers = {
      pods: ['agent', ...components].sort(),
      namespaces: [`${ROUTER_NAMESPACE_LABEL}=`],
    };
    expect(await admitted('apiserver')).toEqual([{ ports: [8008], ...servers }]);
    expect(await admitted('fileserver')).toEqual([{ ports: [8081], ...servers }]);
    expect(await admitted('webserver')).toEqual([{ ports: [80], ...servers }]);

    // The router rule selects the router's namespaces, and not the instance's own.
    const routerNs = await createTestNamespace({
      prefix: 'router',
      labels: { [ROUTER_NAMESPACE_LABEL]: '' },
      waitForSccAnnotations: false,
    });
    try {
      const selected = (
        await core.listNamespace({ labelSelector: `${ROUTER_NAMESPACE_LABEL}=` })
      ).items.map((n) => n.metadata?.name);
      expect(selected).toContain(routerNs);
      expect(selected).not.toContain(ns.name);
    } finally {
      await deleteNamespace(routerNs);
    }
  });
});
