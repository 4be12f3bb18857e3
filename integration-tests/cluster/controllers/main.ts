/**
 * OpenShift-surface controllers for the local control plane, run as one process by up.sh:
 * namespace SCC annotations, route admission and a hostPath volume provisioner.
 */
import * as k8s from '@kubernetes/client-node';
import { startNamespaceAllocator } from './namespace-scc';
import { startRouteAdmitter } from './route-admitter';
import { startVolumeProvisioner } from './volume-provisioner';

const kubeconfig = process.env.CLUSTER_KUBECONFIG;
if (!kubeconfig) {
  console.error('CLUSTER_KUBECONFIG is not set');
  process.exit(2);
}
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);

startNamespaceAllocator(kc);
startRouteAdmitter(kc, process.env.CLUSTER_ROUTER_DOMAIN ?? 'apps.clearml.local');
startVolumeProvisioner(kc, process.env.CLUSTER_VOLUME_DIR ?? '/tmp/clearml-local-volumes');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    console.log(`received ${signal}, exiting`);
    process.exit(0);
  });
}
console.log(`controllers running (pid ${process.pid})`);
