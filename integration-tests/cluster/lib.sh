# Shared settings for up.sh and down.sh (sourced, not executed).
CLUSTER_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$CLUSTER_DIR/../.." && pwd)
STATE=${CLUSTER_STATE_DIR:-$REPO_ROOT/.cluster}
CACHE=${CLEARML_PLUGIN_CACHE:-$HOME/.cache/clearml-console-plugin}
BIN=$CACHE/bin
MANIFESTS=$CACHE/manifests

# Loopback ports; override when they clash with something else on the machine.
ETCD_PORT=${CLUSTER_ETCD_PORT:-23790}
ETCD_PEER_PORT=${CLUSTER_ETCD_PEER_PORT:-23800}
APISERVER_PORT=${CLUSTER_APISERVER_PORT:-16443}
KCM_PORT=${CLUSTER_KCM_PORT:-16257}
SCHEDULER_PORT=${CLUSTER_SCHEDULER_PORT:-16259}

# One up/down at a time per state directory (several shells and test runs share the cluster).
LOCK_FILE=${TMPDIR:-/tmp}/clearml-cluster-$(printf '%s' "$STATE" | md5sum | cut -c1-12).lock
take_lock() {
  exec 9>"$LOCK_FILE"
  if ! flock -n 9; then
    log "another cluster up/down is in progress; waiting for it"
    flock -w "${CLUSTER_LOCK_TIMEOUT:-3600}" 9 || die "timed out waiting for $LOCK_FILE"
  fi
}

# Components in start order; down.sh stops them in reverse.
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok openshift-controllers)

log() { printf '[cluster] %s\n' "$*" >&2; }
die() {
  printf '[cluster] ERROR: %s\n' "$*" >&2
  exit 1
}

# pid_alive NAME: the recorded process for NAME is alive and is still the process we started.
pid_alive() {
  local f=$STATE/pids/$1 pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  local want
  want=$(cat "$STATE/pids/$1.cmd" 2>/dev/null || true)
  [ -z "$want" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$want"
}
