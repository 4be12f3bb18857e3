#!/bin/sh
# Enables or disables an OpenShift console plugin: adds its name to, or removes it from,
# `spec.plugins` of the Console operator configuration (consoles.operator.openshift.io/cluster).
# Every other entry is kept.
#
# Usage: console-plugin.sh enable|disable [plugin-name]
#
# Idempotent: enabling an enabled plugin or disabling a disabled one changes nothing.
# Safe with concurrent writers: each change is a JSON patch whose first operation is a `test`
# (of the resourceVersion that was read, or of the entry being removed), so a patch computed
# from a stale read is rejected by the API server; the script then reads again and retries.
#
# Needs only `get` and `patch` on consoles.operator.openshift.io, resourceName `cluster`.
#
# Environment:
#   PLUGIN_NAME      plugin name when not given as an argument
#   KUBECTL          client command (default: `oc`, else `kubectl`); may carry flags, e.g.
#                    "kubectl --as=system:serviceaccount:ns:sa"
#   CONSOLE_NAME     name of the Console operator configuration (default: cluster)
#   MAX_ATTEMPTS     attempts before giving up (default: 10)
#   RETRY_DELAY      seconds between attempts (default: 3)
set -eu

log() { printf 'console-plugin: %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

action=${1:-}
name=${2:-${PLUGIN_NAME:-}}
console_name=${CONSOLE_NAME:-cluster}
resource="consoles.operator.openshift.io/$console_name"
max_attempts=${MAX_ATTEMPTS:-10}
retry_delay=${RETRY_DELAY:-3}

case "$action" in
  enable | disable) ;;
  *) die "usage: $0 enable|disable [plugin-name]" ;;
esac

# Plugin names are Kubernetes object names (ConsolePlugin is cluster-scoped): lower-case
# alphanumerics, '-' and '.'. Checking this also makes them safe to embed in JSON below.
case "$name" in
  '' | *[!a-z0-9.-]* | [.-]* | *[.-]) die "invalid plugin name '$name'" ;;
esac
[ "${#name}" -le 253 ] || die "plugin name longer than 253 characters"

if [ -z "${KUBECTL:-}" ]; then
  if command -v oc >/dev/null 2>&1; then
    KUBECTL=oc
  elif command -v kubectl >/dev/null 2>&1; then
    KUBECTL=kubectl
  else
    die "neither oc nor kubectl is on PATH"
  fi
fi

# read_state: sets rv (resourceVersion, empty if the object does not exist), has_plugins
# (empty if spec.plugins is absent) and entries (one plugin name per line).
read_state() {
  state=$($KUBECTL get "$resource" --ignore-not-found \
    -o 'jsonpath={.metadata.resourceVersion}{"\n"}{.spec.plugins}{"\n"}{range .spec.plugins[*]}{@}{"\n"}{end}') ||
    return 1
  rv=$(printf '%s\n' "$state" | sed -n 1p)
  has_plugins=$(printf '%s\n' "$state" | sed -n 2p)
  entries=$(printf '%s\n' "$state" | sed -n '3,$p')
  case "$rv" in
    *'"'* | *'\'*) die "unexpected resourceVersion '$rv'" ;;
  esac
}

is_listed() { printf '%s\n' "$entries" | grep -Fxq -- "$name"; }

show() {
  list=$(printf '%s\n' "$entries" | sed '/^$/d' | tr '\n' ' ')
  log "$resource spec.plugins: [ ${list}]"
}

patch() { $KUBECTL patch "$resource" --type=json -p "$1" >/dev/null; }

# One step towards the goal. Returns 0 when the goal is reached, 2 when a change was sent
# (read again), 1 on an error worth retrying.
step_enable() {
  read_state || return 1
  [ -n "$rv" ] || die "$resource not found: is this an OpenShift cluster with the console enabled?"
  if is_listed; then
    log "plugin $name is enabled"
    show
    return 0
  fi
  guard="{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"$rv\"}"
  # spec is required by the CRD; spec.plugins may be absent.
  if [ -z "$has_plugins" ]; then
    op="{\"op\":\"add\",\"path\":\"/spec/plugins\",\"value\":[\"$name\"]}"
  else
    op="{\"op\":\"add\",\"path\":\"/spec/plugins/-\",\"value\":\"$name\"}"
  fi
  log "adding $name to $resource spec.plugins"
  patch "[$guard,$op]" || return 1
  return 2
}

step_disable() {
  read_state || return 1
  if [ -z "$rv" ]; then
    log "$resource not found; nothing to disable"
    return 0
  fi
  if ! is_listed; then
    log "plugin $name is not enabled"
    show
    return 0
  fi
  line=$(printf '%s\n' "$entries" | grep -Fxn -- "$name" | head -n 1 | cut -d: -f1)
  index=$((line - 1))
  log "removing $name from $resource spec.plugins"
  patch "[{\"op\":\"test\",\"path\":\"/spec/plugins/$index\",\"value\":\"$name\"},{\"op\":\"remove\",\"path\":\"/spec/plugins/$index\"}]" ||
    return 1
  return 2
}

attempt=1
while :; do
  status=0
  "step_$action" || status=$?
  [ "$status" -ne 0 ] || exit 0
  [ "$attempt" -lt "$max_attempts" ] || die "giving up after $attempt attempts"
  attempt=$((attempt + 1))
  if [ "$status" -eq 2 ]; then
    continue # changed: read back to confirm (disable also removes duplicate entries)
  fi
  log "attempt $((attempt - 1)) failed; retrying in ${retry_delay}s"
  sleep "$retry_delay"
done
