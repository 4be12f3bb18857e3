/** The identities of the local control plane's kubeconfig (contexts of the same names). */
export type ClusterUser = 'admin' | 'developer' | 'viewer';
