#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the test suites and prints its URL.
#   scripts/pg-cluster.sh start [DIR] [PORT]   -> prints postgres://... on stdout
#   scripts/pg-cluster.sh status [DIR]                 -> exit 0 when it runs
#   scripts/pg-cluster.sh stop  [DIR]
# Needs Debian's `postgresql` package. The server binaries refuse to run as root, so the cluster
# belongs to the `postgres` system user when run as root.
set -euo pipefail

cmd=${1:-start}
dir=${2:-${TMPDIR:-/tmp}/partnerkit-pg}
port=${3:-54329}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200 -c fsync=on" start >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  status)
    as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1
    ;;
  stop)
    as_owner "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|status|stop [DIR] [PORT]" >&2
    exit 2
    ;;
esac
