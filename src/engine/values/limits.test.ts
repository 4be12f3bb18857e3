import { isReservedNamespace } from './limits';
import { parseValues } from './parse';

function issuesOf(input: unknown) {
  const result = parseValues(input);
  if (result.ok) throw new Error('accepted');
  return result.issues;
}

describe('reserved namespaces', () => {
  it.each(['default', 'kube-system', 'kube-public', 'openshift', 'openshift-monitoring', 'kube'])(
    'refuses %s with a field message',
    (namespace) => {
      expect(isReservedNamespace(namespace)).toBe(true);
      expect(issuesOf({ namespace })).toEqual([
        { path: 'namespace', message: expect.stringMatching(/^namespace is reserved/) },
      ]);
    },
  );

  it('accepts ordinary projects, including ones that merely contain the words', () => {
    for (const namespace of ['team-a', 'my-openshift', 'kubeflow', 'defaults', 'openshiftx']) {
      expect(isReservedNamespace(namespace)).toBe(false);
      expect(parseValues({ namespace }).ok).toBe(true);
    }
  });
});

describe('quantity bounds', () => {
  const memory = (value: string) => ({
    resources: { apiserver: { limits: { memory: value } } },
  });

  it('refuses a 400-digit memory instead of rendering -XmxInfinitym', () => {
    expect(
      issuesOf({ resources: { elasticsearch: { limits: { memory: '9'.repeat(400) } } } }),
    ).toContainEqual({
      path: 'resources.elasticsearch.limits.memory',
      message: 'memory must be at most 64Ti',
    });
  });

  it('bounds cpu, memory and volume sizes with field messages', () => {
    expect(issuesOf(memory('65Ti'))).toEqual([
      { path: 'resources.apiserver.limits.memory', message: 'memory must be at most 64Ti' },
    ]);
    expect(parseValues(memory('64Ti')).ok).toBe(true);
    expect(
      issuesOf({ resources: { redis: { requests: { cpu: '2000' }, limits: { cpu: '4000' } } } }),
    ).toContainEqual({
      path: 'resources.redis.limits.cpu',
      message: 'cpu must be at most 1024 cores',
    });
    expect(issuesOf({ storage: { mongodb: { size: '999999Ti' } } })).toEqual([
      { path: 'storage.mongodb.size', message: 'size must be at most 1024Ti' },
    ]);
    expect(parseValues({ storage: { mongodb: { size: '1024Ti' } } }).ok).toBe(true);
  });

  it('refuses non-finite numbers where numbers are expected', () => {
    for (const replicas of [Infinity, -Infinity, NaN, 1e400, 2 ** 60]) {
      expect(issuesOf({ components: { apiserver: { replicas } } })[0].path).toBe(
        'components.apiserver.replicas',
      );
    }
  });
});

describe('echoed keys', () => {
  it('escapes control characters in the paths of unknown fields', () => {
    const issues = issuesOf({ '\u001b[31mred': 1, storage: { 'a\u202eb': 1 } });
    expect(issues).toHaveLength(2);
    expect(issues).toContainEqual({ path: '\\u001b[31mred', message: 'unknown field' });
    expect(issues).toContainEqual({ path: 'storage.a\\u202eb', message: 'unknown field' });
  });
});
