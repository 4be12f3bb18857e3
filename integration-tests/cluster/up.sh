#!/usr/bin/env bash
# Starts the local control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler,
# kwok and the OpenShift-surface controllers) on 127.0.0.1 with state in <repo>/.cluster.
# Safe to run twice: a healthy running cluster is detected and left alone.
set -Eeuo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUTER_DOMAIN=${CLUSTER_ROUTER_DOMAIN:-apps.clearml.local}
KUBE_SERVICE_CIDR=10.96.0.0/16

main() {
  local start=$SECONDS
  take_lock

  if [ -f "$STATE/kubeconfig" ] && all_running && readyz; then
    log "already running: $(cat "$STATE/server") (kubeconfig: $STATE/kubeconfig)"
    exit 0
  fi
  if [ -d "$STATE/pids" ]; then
    log "found a stale or partial cluster in $STATE; stopping it first"
    CLUSTER_LOCK_HELD=1 bash "$CLUSTER_DIR/down.sh"
  fi

  ensure_binaries
  check_ports

  mkdir -p "$STATE"/{pki,pids,logs,volumes}
  chmod 700 "$STATE"
  trap on_exit EXIT

  make_pki
  make_users
  echo "https://127.0.0.1:$APISERVER_PORT" >"$STATE/server"

  start_etcd
  start_apiserver
  bootstrap_objects
  start_controller_manager
  start_scheduler
  start_kwok
  start_openshift_controllers
  wait_until_usable

  STARTED_OK=1
  local took=$((SECONDS - start))
  echo "$took" >"$STATE/startup-seconds"
  log "cluster up in ${took}s: $(cat "$STATE/server") ($("$BIN/kubectl" --kubeconfig "$STATE/kubeconfig" version -o json | jq -r .serverVersion.gitVersion))"
  log "kubeconfig: $STATE/kubeconfig (contexts: admin, developer, viewer)"
}

STARTED_OK=0
on_exit() {
  [ "$STARTED_OK" = 1 ] && return 0
  log "start-up failed; last lines of the component logs:"
  local f
  for f in "$STATE"/logs/*.log; do
    [ -f "$f" ] || continue
    printf -- '--- %s\n' "$f" >&2
    tail -n 15 "$f" >&2 || true
  done
  log "stopping what was started"
  CLUSTER_LOCK_HELD=1 bash "$CLUSTER_DIR/down.sh" --keep-logs || true
  log "logs kept in $STATE/logs"
  exit 1
}

all_running() {
  local c
  for c in "${COMPONENTS[@]}"; do pid_alive "$c" || return 1; done
}

readyz() {
  curl -fsS --max-time 3 --cacert "$STATE/pki/ca.crt" "https://127.0.0.1:$APISERVER_PORT/readyz" >/dev/null 2>&1
}

ensure_binaries() {
  local b missing=0
  for b in etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok; do
    [ -x "$BIN/$b" ] || missing=1
  done
  [ -f "$MANIFESTS/openshift/securitycontextconstraints.crd.yaml" ] || missing=1
  [ -d "$MANIFESTS/kwok/stage" ] || missing=1
  if [ "$missing" = 1 ]; then
    log "binaries or manifests missing in $CACHE; building them first (about 10-15 minutes on 2 cores with cold Go caches)"
    bash "$CLUSTER_DIR/build.sh" || die "build failed; see the output above"
  fi
  command -v curl >/dev/null || die "curl is required"
  command -v openssl >/dev/null || die "openssl is required"
  command -v jq >/dev/null || die "jq is required"
}

check_ports() {
  local p
  for p in "$ETCD_PORT" "$ETCD_PEER_PORT" "$APISERVER_PORT" "$KCM_PORT" "$SCHEDULER_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      die "port 127.0.0.1:$p is already in use (another cluster? set CLUSTER_*_PORT to move it)"
    fi
  done
}

make_pki() {
  local d=$STATE/pki
  (
    cd "$d"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
      -subj /CN=clearml-local-ca 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj /CN=kube-apiserver 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1\nextendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n' >san.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile san.ext -out apiserver.crt 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    chmod 600 ./*.key
  )
}

# Bearer-token users: admin (system:masters = cluster-admin), developer and viewer (bound in team-a).
make_users() {
  local admin dev view
  admin=$(openssl rand -hex 24)
  dev=$(openssl rand -hex 24)
  view=$(openssl rand -hex 24)
  cat >"$STATE/tokens.csv" <<CSV
$admin,admin,uid-admin,"system:masters"
$dev,developer,uid-developer,"clearml:developers"
$view,viewer,uid-viewer,"clearml:viewers"
CSV
  chmod 600 "$STATE/tokens.csv"
  local ca
  ca=$(base64 -w0 <"$STATE/pki/ca.crt")
  local server="https://127.0.0.1:$APISERVER_PORT"
  cat >"$STATE/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: clearml-local
  cluster:
    server: $server
    certificate-authority-data: $ca
users:
- name: admin
  user:
    token: $admin
- name: developer
  user:
    token: $dev
- name: viewer
  user:
    token: $view
contexts:
- name: admin
  context: {cluster: clearml-local, user: admin, namespace: default}
- name: developer
  context: {cluster: clearml-local, user: developer, namespace: team-a}
- name: viewer
  context: {cluster: clearml-local, user: viewer, namespace: team-a}
current-context: admin
KC
  # The scripts' own kubeconfig: the same cluster, only the admin context.
  "$BIN/kubectl" --kubeconfig "$STATE/kubeconfig" config view --minify --flatten --context admin \
    >"$STATE/admin.kubeconfig"
  chmod 600 "$STATE/kubeconfig" "$STATE/admin.kubeconfig"
}

# spawn NAME MATCH CMD...: start CMD in its own session, record its PID and a command-line
# fragment (MATCH) that down.sh checks before signalling, so a recycled PID is never killed.
spawn() {
  local name=$1 match=$2
  shift 2
  setsid "$@" </dev/null >"$STATE/logs/$name.log" 2>&1 9>&- &
  echo $! >"$STATE/pids/$name"
  echo "$match" >"$STATE/pids/$name.cmd"
}

# wait_for DESCRIPTION SECONDS COMPONENT CMD...: poll CMD until it succeeds; fail if COMPONENT died.
wait_for() {
  local what=$1 timeout=$2 comp=$3 t0=$SECONDS
  shift 3
  until "$@" >/dev/null 2>&1; do
    if [ -n "$comp" ] && ! pid_alive "$comp"; then
      log "$comp exited while waiting for $what"
      return 1
    fi
    if [ $((SECONDS - t0)) -ge "$timeout" ]; then
      log "timed out after ${timeout}s waiting for $what"
      return 1
    fi
    sleep 0.3
  done
  log "$what ($((SECONDS - t0))s)"
}

kc() { "$BIN/kubectl" --kubeconfig "$STATE/admin.kubeconfig" "$@"; }

start_etcd() {
  spawn etcd "$BIN/etcd" "$BIN/etcd" --name=clearml-local --data-dir="$STATE/etcd" \
    --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster="clearml-local=http://127.0.0.1:$ETCD_PEER_PORT" \
    --unsafe-no-fsync=true --quota-backend-bytes=4294967296 --log-level=warn
  wait_for "etcd healthy" 30 etcd curl -fsS "http://127.0.0.1:$ETCD_PORT/health"
}

start_apiserver() {
  local p=$STATE/pki
  spawn kube-apiserver "$BIN/kube-apiserver" "$BIN/kube-apiserver" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$APISERVER_PORT" \
    --endpoint-reconciler-type=none \
    --tls-cert-file="$p/apiserver.crt" --tls-private-key-file="$p/apiserver.key" \
    --client-ca-file="$p/ca.crt" --token-auth-file="$STATE/tokens.csv" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$p/sa.pub" --service-account-signing-key-file="$p/sa.key" \
    --service-cluster-ip-range="$KUBE_SERVICE_CIDR" \
    --authorization-mode=Node,RBAC --allow-privileged=true \
    --enable-priority-and-fairness=false --profiling=false \
    --cert-dir="$p/apiserver-generated" --v=1
  wait_for "kube-apiserver ready" 90 kube-apiserver readyz
}

bootstrap_objects() {
  local crd
  for crd in "$MANIFESTS"/openshift/*.crd.yaml; do
    kc apply --server-side -f "$crd" >/dev/null
  done
  wait_for "OpenShift CRDs established" 60 kube-apiserver kc wait --for=condition=Established --timeout=5s \
    crd/securitycontextconstraints.security.openshift.io crd/routes.route.openshift.io \
    crd/consoleplugins.console.openshift.io crd/consoles.operator.openshift.io
  kc apply --server-side -f "$CLUSTER_DIR/manifests/openshift-scc.yaml" >/dev/null
  kc apply --server-side -f "$CLUSTER_DIR/manifests/openshift-rbac.yaml" >/dev/null
  kc apply --server-side -f "$CLUSTER_DIR/manifests/cluster.yaml" >/dev/null
  log "applied OpenShift CRDs, SCCs, SCC and route RBAC, StorageClass, node, team-a RBAC"
}

start_controller_manager() {
  local p=$STATE/pki k=$STATE/admin.kubeconfig
  spawn kube-controller-manager "$BIN/kube-controller-manager" "$BIN/kube-controller-manager" \
    --kubeconfig="$k" --authentication-kubeconfig="$k" --authorization-kubeconfig="$k" \
    --bind-address=127.0.0.1 --secure-port="$KCM_PORT" --leader-elect=false \
    --service-account-private-key-file="$p/sa.key" --root-ca-file="$p/ca.crt" \
    --cluster-signing-cert-file="$p/ca.crt" --cluster-signing-key-file="$p/ca.key" \
    --service-cluster-ip-range="$KUBE_SERVICE_CIDR" --controllers='*' \
    --cert-dir="$p/kcm-generated" --v=1
}

start_scheduler() {
  local k=$STATE/admin.kubeconfig
  spawn kube-scheduler "$BIN/kube-scheduler" "$BIN/kube-scheduler" \
    --kubeconfig="$k" --authentication-kubeconfig="$k" --authorization-kubeconfig="$k" \
    --bind-address=127.0.0.1 --secure-port="$SCHEDULER_PORT" --leader-elect=false \
    --cert-dir="$STATE/pki/scheduler-generated" --v=1
}

start_kwok() {
  local s=$MANIFESTS/kwok/stage cfg=$STATE/kwok.yaml
  {
    cat "$s/node/fast/node-initialize.yaml"
    printf -- '---\n'
    cat "$s/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml"
    printf -- '---\n'
    cat "$s/pod/fast/pod-delete.yaml"
    printf -- '---\n'
    cat "$CLUSTER_DIR/kwok-stages.yaml"
  } >"$cfg"
  spawn kwok "$BIN/kwok" "$BIN/kwok" --kubeconfig="$STATE/admin.kubeconfig" --config="$cfg" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --manage-nodes-with-label-selector= --manage-single-node= \
    --cidr=10.244.0.0/16 --node-ip=127.0.0.1 --node-lease-duration-seconds=40
}

start_openshift_controllers() {
  (
    cd "$REPO_ROOT"
    export CLUSTER_KUBECONFIG="$STATE/admin.kubeconfig" CLUSTER_ROUTER_DOMAIN="$ROUTER_DOMAIN"
    export CLUSTER_VOLUME_DIR="$STATE/volumes"
    spawn openshift-controllers "integration-tests/cluster/controllers/main.ts" \
    npx --no-install tsx integration-tests/cluster/controllers/main.ts
  )
}

wait_until_usable() {
  wait_for "node kwok-worker-0 Ready" 60 kwok \
    kc wait --for=condition=Ready --timeout=5s node/kwok-worker-0
  wait_for "default ServiceAccount created" 60 kube-controller-manager kc get serviceaccount default -n default
  wait_for "admin/edit/view ClusterRoles aggregated" 60 kube-controller-manager aggregated_roles
  wait_for "namespace SCC annotations" 60 openshift-controllers namespace_annotated
  pid_alive kube-scheduler || die "kube-scheduler exited; see $STATE/logs/kube-scheduler.log"
}

aggregated_roles() {
  local r
  for r in admin edit view; do
    [ "$(kc get clusterrole "$r" -o json | jq '.rules | length')" -gt 0 ] || return 1
  done
}

namespace_annotated() {
  kc get namespace team-a -o json | jq -e '.metadata.annotations["openshift.io/sa.scc.uid-range"]'
}

# One line, read before it runs: editing this file never affects a running start-up.
main "$@"; exit
