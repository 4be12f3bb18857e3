#!/usr/bin/env bash
# Builds the local control plane from source through the Go module proxy:
# etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok and helm,
# and extracts the OpenShift CRD manifests and kwok stage manifests from Go module zips.
#
# Idempotent: every step writes a stamp with its pinned version and is skipped when the
# stamp and its outputs are present. Everything lands in
#   ${CLEARML_PLUGIN_CACHE:-$HOME/.cache/clearml-console-plugin}
# (bin/, manifests/, go/mod, go/build, src/), never in the work tree.
#
# Usage: build.sh [--force] [component...]   components: etcd kubernetes kwok helm openshift-crds
set -euo pipefail

# ---- pinned versions -------------------------------------------------------------------
KUBE_VERSION=v1.34.3
ETCD_VERSION=v3.6.13
KWOK_VERSION=v0.8.0
HELM_VERSION=v3.19.5
# github.com/openshift/api only tags ancient releases; pin a pseudo-version (master, 2026-08-13).
OPENSHIFT_API_VERSION=v0.0.0-20260813212709-d4bb0b443cb8
GO_MIN_MINOR=26 # kwok v0.8.0 declares go 1.26.0; Kubernetes 1.34 needs 1.24
BUILD_PARALLELISM=${CLUSTER_BUILD_PARALLELISM:-2}
DEBIAN_PACKAGES=(jq openssl curl ca-certificates util-linux) # util-linux: setsid, flock

main() {
  local force=0 components=()
  for arg in "$@"; do
    case "$arg" in
      --force) force=1 ;;
      -h | --help)
        sed -n '2,12p' "$0"
        exit 0
        ;;
      *) components+=("$arg") ;;
    esac
  done
  [ ${#components[@]} -gt 0 ] || components=(etcd kubernetes kwok helm openshift-crds)

  CACHE=${CLEARML_PLUGIN_CACHE:-$HOME/.cache/clearml-console-plugin}
  BIN=$CACHE/bin
  MANIFESTS=$CACHE/manifests
  STAMPS=$CACHE/stamps
  mkdir -p "$BIN" "$MANIFESTS" "$STAMPS" "$CACHE/src"
  FORCE=$force

  ensure_debian_packages
  ensure_go

  # One build at a time per cache: a second run (another clone's test run, `npm start` while the
  # tests build) waits here, then finds the stamps of the first and skips what it built.
  exec 9>"$CACHE/build.lock"
  if ! flock -n 9; then
    log "another build of this cache is running; waiting for it ..."
    flock 9
  fi

  local total_start=$SECONDS
  for c in "${components[@]}"; do
    case "$c" in
      etcd) step etcd "$ETCD_VERSION" build_etcd ;;
      kubernetes) step kubernetes "$KUBE_VERSION" build_kubernetes ;;
      kwok) step kwok "$KWOK_VERSION" build_kwok ;;
      helm) step helm "$HELM_VERSION+kube-$KUBE_VERSION" build_helm ;;
      openshift-crds) step openshift-crds "$OPENSHIFT_API_VERSION" extract_openshift_crds ;;
      *) die "unknown component '$c' (expected: etcd kubernetes kwok helm openshift-crds)" ;;
    esac
  done
  log "all components ready in $BIN ($(fmt_duration $((SECONDS - total_start))) total)"
}

log() { printf '[cluster:build] %s\n' "$*" >&2; }
die() {
  printf '[cluster:build] ERROR: %s\n' "$*" >&2
  exit 1
}
fmt_duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# step NAME VERSION FUNCTION: runs FUNCTION unless the stamp says VERSION is already built.
step() {
  local name=$1 version=$2 fn=$3 stamp=$STAMPS/$1
  if [ "$FORCE" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ] && outputs_present "$name"; then
    log "$name $version: cached"
    return 0
  fi
  log "$name $version: building ..."
  local start=$SECONDS
  "$fn"
  echo "$version" >"$stamp"
  local took=$((SECONDS - start))
  log "$name $version: done in $(fmt_duration $took)"
  printf '%s\t%s\t%s\t%ss\n' "$(date -u +%FT%TZ)" "$name" "$version" "$took" >>"$CACHE/build-times.tsv"
}

outputs_present() {
  case "$1" in
    etcd) [ -x "$BIN/etcd" ] ;;
    kubernetes) [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] && [ -x "$BIN/kube-scheduler" ] && [ -x "$BIN/kubectl" ] ;;
    kwok) [ -x "$BIN/kwok" ] && [ -d "$MANIFESTS/kwok/stage" ] ;;
    helm) [ -x "$BIN/helm" ] ;;
    openshift-crds) [ -f "$MANIFESTS/openshift/securitycontextconstraints.crd.yaml" ] ;;
  esac
}

ensure_debian_packages() {
  local missing=()
  command -v jq >/dev/null || missing+=(jq)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  command -v flock >/dev/null && command -v setsid >/dev/null || missing+=(util-linux)
  [ -f /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing tools: ${missing[*]} (install them with your package manager)"
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${DEBIAN_PACKAGES[@]}" >/dev/null ||
    die "could not install ${missing[*]} with apt-get"
}

ensure_go() {
  if ! command -v go >/dev/null; then
    [ -x /usr/local/go/bin/go ] && export PATH=/usr/local/go/bin:$PATH
  fi
  command -v go >/dev/null || die "Go is not installed (need Go >= 1.$GO_MIN_MINOR; https://go.dev/dl/ or /usr/local/go/bin on PATH)"
  local v
  v=$(GOTOOLCHAIN=local go env GOVERSION 2>/dev/null || true)
  local minor
  minor=$(sed -nE 's/^go1\.([0-9]+).*/\1/p' <<<"$v")
  [ -n "$minor" ] && [ "$minor" -ge "$GO_MIN_MINOR" ] ||
    die "Go ${v:-unknown} is too old: need Go >= 1.$GO_MIN_MINOR (kwok $KWOK_VERSION declares go 1.$GO_MIN_MINOR.0)"
  export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false"
  export GOMODCACHE=${CLUSTER_GOMODCACHE:-$CACHE/go/mod}
  export GOCACHE=${CLUSTER_GOCACHE:-$CACHE/go/build}
  export GOPROXY=${GOPROXY:-https://proxy.golang.org,direct}
  export GOWORK=off
  log "using $v, GOMODCACHE=$GOMODCACHE, GOCACHE=$GOCACHE, -p $BUILD_PARALLELISM"
}

# A wrapper module per component keeps dependency pins apart.
wrapper() {
  local dir=$CACHE/src/$1
  mkdir -p "$dir"
  cd "$dir"
  [ -f go.mod ] || go mod init "clearml.local/cluster/$1" >/dev/null 2>&1
}

build_etcd() {
  wrapper "etcd-$ETCD_VERSION"
  go get -tool "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  go build -p "$BUILD_PARALLELISM" -ldflags "-s -w" -o "$BIN/etcd" go.etcd.io/etcd/server/v3
  "$BIN/etcd" --version | head -1 >&2
}

build_kubernetes() {
  local sver=v0.${KUBE_VERSION#v1.} minor
  minor=$(cut -d. -f2 <<<"$KUBE_VERSION")
  wrapper "kubernetes-$KUBE_VERSION"
  go mod edit -go=1.24.0 -godebug=default=go1.24
  local kgomod
  kgomod=$(go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | jq -r .GoMod)
  [ -f "$kgomod" ] || die "could not download k8s.io/kubernetes@$KUBE_VERSION from $GOPROXY"
  # Every staging module is required at v0.0.0 upstream; route each to its published v0.X.Y.
  local m n=0
  for m in $(grep -E '^\s+k8s\.io/[^ ]+ v0\.0\.0(\s|$)' "$kgomod" | awk '{print $1}' | sort -u); do
    go mod edit -replace="$m=$m@$sver"
    n=$((n + 1))
  done
  log "kubernetes: replaced $n staging modules with $sver"
  go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@$KUBE_VERSION" \
    "k8s.io/kubernetes/cmd/kube-controller-manager@$KUBE_VERSION" \
    "k8s.io/kubernetes/cmd/kube-scheduler@$KUBE_VERSION" \
    "k8s.io/kubernetes/cmd/kubectl@$KUBE_VERSION"
  local ld="-s -w" p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld="$ld -X $p.gitVersion=$KUBE_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
    ld="$ld -X $p.gitCommit=0000000000000000000000000000000000000000 -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  local cmd
  for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    local s=$SECONDS
    log "kubernetes: compiling $cmd ..."
    go build -p "$BUILD_PARALLELISM" -tags selinux,notest -ldflags "$ld" -o "$BIN/$cmd" "k8s.io/kubernetes/cmd/$cmd"
    log "kubernetes: $cmd built in $(fmt_duration $((SECONDS - s))) ($(du -h "$BIN/$cmd" | cut -f1))"
    printf '%s\t%s\t%s\t%ss\n' "$(date -u +%FT%TZ)" "$cmd" "$KUBE_VERSION" "$((SECONDS - s))" >>"$CACHE/build-times.tsv"
  done
  "$BIN/kube-apiserver" --version >&2
}

build_kwok() {
  GOBIN=$BIN go install -p "$BUILD_PARALLELISM" \
    -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
    "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
  local dir
  dir=$(cd /tmp && go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | jq -r .Dir)
  [ -d "$dir/kustomize/stage" ] || die "kwok module has no kustomize/stage directory ($dir)"
  rm -rf "$MANIFESTS/kwok"
  mkdir -p "$MANIFESTS/kwok"
  cp -r "$dir/kustomize/stage" "$MANIFESTS/kwok/stage"
  chmod -R u+w "$MANIFESTS/kwok"
}

build_helm() {
  # Helm assumes Kubernetes 1.20 when it renders or lints without a cluster; tell it the pinned
  # version so charts with a kubeVersion constraint render as they would against this cluster.
  local minor=${KUBE_VERSION#v1.}
  minor=${minor%%.*}
  local kube="-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$minor"
  kube="$kube -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=1 -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$minor"
  GOBIN=$BIN go install -p "$BUILD_PARALLELISM" \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION -X helm.sh/helm/v3/internal/version.gitTreeState=clean $kube" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  "$BIN/helm" version --short >&2
}

extract_openshift_crds() {
  local dir
  dir=$(cd /tmp && go mod download -json "github.com/openshift/api@$OPENSHIFT_API_VERSION" | jq -r .Dir)
  [ -d "$dir" ] || die "could not download github.com/openshift/api@$OPENSHIFT_API_VERSION"
  local out=$MANIFESTS/openshift
  rm -rf "$out"
  mkdir -p "$out"
  copy_crd "$dir" "$out/securitycontextconstraints.crd.yaml" \
    security/v1/zz_generated.crd-manifests/0000_03_config-operator_01_securitycontextconstraints.crd.yaml \
    payload-manifests/crds/0000_03_config-operator_01_securitycontextconstraints.crd.yaml
  copy_crd "$dir" "$out/routes.crd.yaml" \
    route/v1/zz_generated.crd-manifests/routes.crd.yaml \
    route/v1/route.crd.yaml
  copy_crd "$dir" "$out/consoleplugins.crd.yaml" \
    console/v1/zz_generated.crd-manifests/90_consoleplugins.crd.yaml \
    console/v1/90_consoleplugin.crd.yaml
  copy_crd "$dir" "$out/consoles.operator.crd.yaml" \
    operator/v1/zz_generated.crd-manifests/0000_50_console_01_consoles.crd.yaml \
    operator/v1/0000_70_console-operator.crd.yaml
  echo "$OPENSHIFT_API_VERSION" >"$out/VERSION"
  log "openshift-crds: $(ls "$out" | tr '\n' ' ')"
}

copy_crd() {
  local dir=$1 dest=$2 rel
  shift 2
  for rel in "$@"; do
    if [ -f "$dir/$rel" ]; then
      cp "$dir/$rel" "$dest"
      chmod u+w "$dest"
      return 0
    fi
  done
  die "none of $* found in github.com/openshift/api@$OPENSHIFT_API_VERSION"
}

# One line, read before it runs: editing this file never affects a running build.
main "$@"; exit
