import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../k8s-types';
import { render } from '../render/render';
import { createValues } from '../values';
import { exampleValues } from '../test-helpers';
import { admit, selectScc } from './admit';
import { namespaceSccInfo, parseIdBlocks } from './namespace';
import { planScc } from './plan';

const NS = {
  'openshift.io/sa.scc.uid-range': '1000680000/10000',
  'openshift.io/sa.scc.supplemental-groups': '1000680000/10000',
};
const pod = (
  spec: Partial<PodSpec> = {},
  container: Partial<PodSpec['containers'][0]> = {},
): PodSpec => ({
  containers: [{ name: 'main', image: 'x', ...container }],
  ...spec,
});

describe('admission model', () => {
  it('admits a pod without fixed IDs under restricted-v2', () => {
    expect(admit(pod(), 'restricted-v2', NS)).toMatchObject({ allowed: true, reasons: [] });
  });

  it('rejects a root pod under restricted-v2 and nonroot-v2, admits it under anyuid', () => {
    const root = pod({ securityContext: { runAsUser: 0 } });
    const r = admit(root, 'restricted-v2', NS);
    expect(r.allowed).toBe(false);
    expect(r.violations[0].kind).toBe('root');
    expect(r.reasons[0]).toContain('1000680000-1000689999');
    expect(admit(root, 'nonroot-v2', NS).allowed).toBe(false);
    expect(admit(root, 'anyuid', NS).allowed).toBe(true);
  });

  it('rejects a fixed UID outside the namespace range and accepts one inside', () => {
    expect(
      admit(pod({}, { securityContext: { runAsUser: 1001 } }), 'restricted-v2', NS).violations[0]
        .kind,
    ).toBe('uid-range');
    expect(
      admit(pod({}, { securityContext: { runAsUser: 1000680005 } }), 'restricted-v2', NS).allowed,
    ).toBe(true);
    expect(
      admit(pod({}, { securityContext: { runAsUser: 1001 } }), 'restricted-v2', {
        'openshift.io/sa.scc.uid-range': '1000/2000',
      }).allowed,
    ).toBe(true);
    expect(admit(pod({}, { securityContext: { runAsUser: 1001 } }), 'nonroot-v2', NS).allowed).toBe(
      true,
    );
  });

  it('requires fsGroup to be the namespace group under restricted-v2', () => {
    expect(
      admit(pod({ securityContext: { fsGroup: 1001 } }), 'restricted-v2', NS).violations[0].kind,
    ).toBe('fs-group');
    expect(
      admit(pod({ securityContext: { fsGroup: 1000680000 } }), 'restricted-v2', NS).allowed,
    ).toBe(true);
    expect(admit(pod({ securityContext: { fsGroup: 1001 } }), 'nonroot-v2', NS).allowed).toBe(true);
  });

  it('admits privileged containers only under privileged', () => {
    const priv = pod({}, { securityContext: { privileged: true, runAsUser: 0 } });
    for (const scc of ['restricted-v2', 'nonroot-v2', 'anyuid'] as const) {
      expect(admit(priv, scc, NS).violations.map((v) => v.kind)).toContain('privileged');
    }
    expect(admit(priv, 'privileged', NS).allowed).toBe(true);
  });

  it('checks init containers like regular ones', () => {
    const p: PodSpec = {
      ...pod(),
      initContainers: [{ name: 'init', image: 'x', securityContext: { privileged: true } }],
    };
    expect(admit(p, 'anyuid', NS).reasons[0]).toContain('"init"');
  });

  it('checks capabilities, escalation, seccomp, host access, volumes and sysctls', () => {
    const kinds = (p: PodSpec, scc: 'restricted-v2' | 'anyuid') =>
      admit(p, scc, NS).violations.map((v) => v.kind);
    expect(
      kinds(
        pod({}, { securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }),
        'restricted-v2',
      ),
    ).toEqual(['capability']);
    expect(
      admit(
        pod({}, { securityContext: { capabilities: { add: ['NET_BIND_SERVICE'] } } }),
        'restricted-v2',
        NS,
      ).allowed,
    ).toBe(true);
    expect(
      kinds(pod({}, { securityContext: { allowPrivilegeEscalation: true } }), 'restricted-v2'),
    ).toEqual(['privilege-escalation']);
    expect(
      kinds(pod({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), 'anyuid'),
    ).toEqual(['seccomp']);
    expect(
      kinds(pod({ securityContext: { seccompProfile: { type: 'Unconfined' } } }), 'restricted-v2'),
    ).toEqual(['seccomp']);
    expect(kinds(pod({ hostNetwork: true }), 'anyuid')).toEqual(['host-namespace']);
    expect(kinds(pod({}, { ports: [{ containerPort: 80, hostPort: 80 }] }), 'anyuid')).toEqual([
      'host-port',
    ]);
    expect(kinds(pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] }), 'anyuid')).toEqual([
      'volume',
    ]);
    expect(
      kinds(
        pod({ securityContext: { sysctls: [{ name: 'vm.max_map_count', value: '262144' }] } }),
        'restricted-v2',
      ),
    ).toEqual(['sysctl']);
    expect(
      admit(
        pod({
          securityContext: {
            sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
          },
        }),
        'restricted-v2',
        NS,
      ).allowed,
    ).toBe(true);
  });

  it('picks SCCs in priority order: anyuid captures pods restricted-v2 would admit', () => {
    expect(selectScc(pod(), ['restricted-v2', 'anyuid'], NS)).toBe('anyuid');
    expect(selectScc(pod(), ['restricted-v2', 'nonroot-v2'], NS)).toBe('restricted-v2');
    expect(
      selectScc(pod({ securityContext: { runAsUser: 1001 } }), ['restricted-v2', 'nonroot-v2'], NS),
    ).toBe('nonroot-v2');
    expect(
      selectScc(pod({ securityContext: { runAsUser: 0 } }), ['restricted-v2'], NS),
    ).toBeUndefined();
  });

  it('reads namespace ranges with OpenShift-like defaults', () => {
    expect(parseIdBlocks('1000/10,5000-5009')).toEqual([
      { min: 1000, max: 1009 },
      { min: 5000, max: 5009 },
    ]);
    expect(parseIdBlocks('garbage')).toEqual([]);
    expect(namespaceSccInfo().uidRange).toEqual({ min: 1000680000, max: 1000689999 });
    expect(
      namespaceSccInfo({ 'openshift.io/sa.scc.uid-range': '2000/100' }).groupRanges[0],
    ).toEqual({ min: 1000680000, max: 1000689999 });
  });
});

const verdicts = (plan: ReturnType<typeof planScc>) =>
  Object.fromEntries(plan.map((p) => [p.serviceAccount, p.scc]));

describe('SCC plan', () => {
  it('least-privilege: data stores under restricted-v2, anyuid only for ClearML servers', async () => {
    for (const values of [createValues(), exampleValues('minimal'), exampleValues('production')]) {
      const objects = await render(values);
      const plan = planScc(objects, { mode: 'least-privilege' });
      const i = values.name;
      expect(verdicts(plan)).toEqual({
        [`${i}-apiserver`]: 'anyuid',
        [`${i}-elasticsearch`]: 'restricted-v2',
        [`${i}-fileserver`]: 'anyuid',
        [`${i}-mongodb`]: 'restricted-v2',
        [`${i}-redis`]: 'restricted-v2',
        [`${i}-webserver`]: 'anyuid',
      });
      const api = plan.find((p) => p.serviceAccount === `${i}-apiserver`);
      expect(api?.reason).toBe('runs as root: the ClearML server image has no non-root user');
      expect(api?.pods).toEqual([`${i}-apiserver`, `${i}-async-delete`]);
      expect(plan.some((p) => p.scc === 'privileged')).toBe(false);
    }
  });

  it('chart-compatible: anyuid for MongoDB and Redis, privileged for Elasticsearch', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const plan = planScc(objects, { mode: 'chart-compatible' });
    expect(verdicts(plan)).toEqual({
      'clearml-apiserver': 'anyuid',
      'clearml-elasticsearch': 'privileged',
      'clearml-fileserver': 'anyuid',
      'clearml-mongodb': 'anyuid',
      'clearml-redis': 'anyuid',
      'clearml-webserver': 'anyuid',
    });
    expect(plan.find((p) => p.serviceAccount === 'clearml-elasticsearch')?.reason).toContain(
      'privileged container ("configure-sysctl")',
    );
    expect(plan.find((p) => p.serviceAccount === 'clearml-mongodb')?.reason).toContain(
      'fixed UID 1001',
    );
  });

  it('reports no SCC when the mode allows none that fits', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const plan = planScc(objects, { mode: 'least-privilege' });
    const es = plan.find((p) => p.serviceAccount === 'clearml-elasticsearch');
    expect(es?.scc).toBeNull();
    expect(es?.reason).toContain('no SCC allowed in this mode admits it');
  });

  it('accepts namespace ranges that happen to contain the fixed UIDs', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const plan = planScc(objects, {
      mode: 'chart-compatible',
      namespaceAnnotations: {
        'openshift.io/sa.scc.uid-range': '1001/1',
        'openshift.io/sa.scc.supplemental-groups': '1001/1',
      },
    });
    expect(verdicts(plan)['clearml-redis']).toBe('restricted-v2');
  });
});

describe('SCC RoleBindings', () => {
  it('binds each granted SCC once per instance with the reason', async () => {
    const objects = await render(createValues({ security: { mode: 'chart-compatible' } }));
    const bindings = objects.filter((o) => o.kind === 'RoleBinding');
    expect(bindings.map((b) => b.metadata.name)).toEqual([
      'clearml-scc-anyuid',
      'clearml-scc-privileged',
    ]);
    const anyuid = bindings[0] as unknown as {
      roleRef: { name: string; kind: string };
      subjects: { name: string; namespace: string; kind: string }[];
    };
    expect(anyuid.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'system:openshift:scc:anyuid',
    });
    expect(anyuid.subjects.map((s) => s.name)).toEqual([
      'clearml-apiserver',
      'clearml-fileserver',
      'clearml-mongodb',
      'clearml-redis',
      'clearml-webserver',
    ]);
    expect(
      anyuid.subjects.every((s) => s.kind === 'ServiceAccount' && s.namespace === 'clearml'),
    ).toBe(true);
    expect(bindings[0].metadata.annotations?.['kubernetes.io/description']).toContain(
      'clearml-apiserver: runs as root',
    );
  });

  it('gives two instances in one namespace separate bindings', async () => {
    const a = await render(createValues({ name: 'one' }));
    const b = await render(createValues({ name: 'two' }));
    const names = [...a, ...b].filter((o) => o.kind === 'RoleBinding').map((o) => o.metadata.name);
    expect(names).toEqual(['one-scc-anyuid', 'two-scc-anyuid']);
  });
});
