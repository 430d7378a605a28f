#!/usr/bin/env bash
# Installs the real servers the tests start (never mocks): Chromium for the browser test,
# PostgreSQL with pgvector for the knowledge index's server backend, Redis for the proxy's
# shared store. Idempotent: skips what is already there. Needs root (CI runs as root).
#
# pgvector: bookworm's archive has no binary package for it (trixie packages 0.8.0), so we
# fetch Debian's own source package (deb-src, through a private apt config so the machine's
# sources are untouched) and build it against bookworm's PostgreSQL 15 with PGXS.
set -uo pipefail
[ "$(id -u)" = 0 ] || { echo "install-services: not root; install chromium, postgresql, postgresql-server-dev-15, redis-server and pgvector yourself"; exit 0; }
export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -qq -o DPkg::Lock::Timeout=300)

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
[ -x /usr/lib/postgresql/15/bin/pg_config ] || need+=(postgresql-server-dev-15)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq || echo "install-services: apt-get update failed"
  apt-get install "${apt_opts[@]}" "${need[@]}" >/dev/null || echo "install-services: apt-get install ${need[*]} failed"
fi

if [ -x /usr/lib/postgresql/15/bin/pg_config ] && [ ! -f "$(/usr/lib/postgresql/15/bin/pg_config --sharedir)/extension/vector.control" ]; then
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial"
  echo "deb-src http://deb.debian.org/debian trixie main" > "$work/sources.list"
  o=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$work/lists")
  (
    cd "$work" &&
    apt-get "${o[@]}" update -qq &&
    apt-get "${o[@]}" source --download-only pgvector >/dev/null 2>&1 &&
    tar xzf pgvector_*.orig.tar.gz &&
    cd pgvector-*/ &&
    make -s PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config OPTFLAGS="" >/dev/null &&
    make -s install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >/dev/null
  ) || echo "install-services: pgvector build from Debian's source package failed"
  rm -rf "$work"
fi
exit 0
