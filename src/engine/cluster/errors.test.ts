import { ApiError, explainError, isEscalationForbidden, isTransient, NetworkError } from './errors';

const what = 'create RoleBinding team-a/clearml-scc-anyuid';

describe('API errors in words', () => {
  it('tells a user to log in again on 401', () => {
    expect(explainError(new ApiError(401, { message: 'Unauthorized' }), what)).toMatch(
      /Log in again/,
    );
  });

  it('recognises the RBAC escalation refusal and points at the administrator hand-off', () => {
    const err = new ApiError(403, {
      reason: 'Forbidden',
      message:
        'rolebindings.rbac.authorization.k8s.io "clearml-scc-anyuid" is forbidden: user "dev" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:["security.openshift.io"], Resources:["securitycontextconstraints"], ResourceNames:["anyuid"], Verbs:["use"]}',
    });
    expect(isEscalationForbidden(err)).toBe(true);
    expect(explainError(err, what)).toMatch(
      /Ask a cluster administrator to apply the security grants/,
    );
  });

  it('keeps the server message for a plain 403 and says whom to ask', () => {
    const message = explainError(
      new ApiError(403, { message: 'deployments.apps is forbidden: User "viewer" cannot create' }),
      'create Deployment team-a/x',
    );
    expect(message).toContain('User "viewer" cannot create');
    expect(message).toMatch(/Ask a project or cluster administrator/);
  });

  it('lists the invalid fields of a 422', () => {
    const err = new ApiError(422, {
      message: 'Deployment.apps "x" is invalid',
      details: {
        causes: [{ field: 'spec.replicas', message: 'must be greater than or equal to 0' }],
      },
    });
    expect(explainError(err, 'create Deployment team-a/x')).toContain(
      'spec.replicas: must be greater than or equal to 0',
    );
  });

  it.each([
    [404, /not found/],
    [409, /changed at the same time or already exists/],
    [429, /asked to slow down/],
    [503, /usually temporary/],
  ])('explains HTTP %i', (status, pattern) => {
    expect(explainError(new ApiError(status, { message: 'x' }), what)).toMatch(pattern);
  });

  it('explains a network failure', () => {
    expect(explainError(new NetworkError('connect ECONNREFUSED 127.0.0.1:6443'), what)).toMatch(
      /Could not reach the cluster.*ECONNREFUSED/,
    );
  });

  it('retries only what may succeed when repeated', () => {
    expect(isTransient(new ApiError(429, undefined))).toBe(true);
    expect(isTransient(new ApiError(500, undefined))).toBe(true);
    expect(isTransient(new NetworkError('reset'))).toBe(true);
    expect(isTransient(new ApiError(403, undefined))).toBe(false);
    expect(isTransient(new ApiError(422, undefined))).toBe(false);
  });
});
