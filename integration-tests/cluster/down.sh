#!/usr/bin/env bash
# Stops the processes up.sh started (only those, by recorded PID and process group) and
# removes <repo>/.cluster. Built binaries in the cache are kept.
# Usage: down.sh [--keep-logs]
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  [ "${CLUSTER_LOCK_HELD:-0}" = 1 ] || take_lock
  local keep_logs=0
  [ "${1:-}" = "--keep-logs" ] && keep_logs=1

  if [ ! -d "$STATE" ]; then
    log "no cluster state in $STATE; nothing to stop"
    return 0
  fi

  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    stop "${COMPONENTS[$i]}"
  done

  if [ "$keep_logs" = 1 ]; then
    find "$STATE" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
  else
    rm -rf "$STATE"
  fi
  log "cluster stopped; state removed"
}

# running PID: the process exists and is not a zombie waiting to be reaped.
running() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

stop() {
  local name=$1 pid t0=$SECONDS
  pid_alive "$name" || return 0
  pid=$(cat "$STATE/pids/$name")
  # Each component was started with setsid, so it leads its own process group; signal the group
  # so helpers it spawned (npx -> tsx -> node) go too.
  if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
  else
    kill -TERM "$pid" 2>/dev/null || true
  fi
  local i
  for i in $(seq 1 100); do
    running "$pid" || break
    sleep 0.1
  done
  if running "$pid"; then
    log "$name (pid $pid) did not stop on SIGTERM; sending SIGKILL"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  log "stopped $name (pid $pid, $((SECONDS - t0))s)"
}

# One line, read before it runs: editing this file never affects a running stop.
main "$@"; exit
