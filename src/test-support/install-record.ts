/** The install record ConfigMap of an instance, as the page lists it, for component tests. */
export const installRecord = (
  name: string,
  namespace: string,
  options: { serverVersion?: string; data?: Record<string, string> } = {},
) => ({
  kind: 'ConfigMap',
  metadata: {
    name: `${name}-install-record`,
    namespace,
    labels: {
      'clearml-console-plugin/install-record': 'true',
      'app.kubernetes.io/instance': name,
      'app.kubernetes.io/managed-by': 'clearml-console-plugin',
    },
  },
  data: {
    'values.yaml':
      `name: ${name}\nnamespace: ${namespace}\n` +
      (options.serverVersion ? `server:\n  version: "${options.serverVersion}"\n` : ''),
    version: '0.1.0',
    ...options.data,
  },
});
