#!/usr/bin/env bash
# Installs the real servers and browser the tests start (never mocks, never downloaded builds):
# Debian's Chromium for the browser test, Redis for the proxy's scale-out tests, PostgreSQL 15 with
# pgvector for the knowledge index's server backend. Idempotent: skips what is already there.
# Needs root (CI runs as root); the tests start their own servers on free loopback ports.
set -uo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "install-services: not root; install chromium and redis-server, and run knowledge/scripts/install-postgres.sh, as root"; exit 0; }
export DEBIAN_FRONTEND=noninteractive

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  (apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=300 "${need[@]}" >/dev/null) ||
    echo "install-services: apt-get install ${need[*]} failed; the tests that need them will say so"
  # Debian's package may start a system Redis; the tests use their own server on a free port.
  command -v systemctl >/dev/null 2>&1 && systemctl stop redis-server >/dev/null 2>&1 || true
fi

# Bookworm has no pgvector binary package: this builds it from Debian's own source package.
bash knowledge/scripts/install-postgres.sh || echo "install-services: postgresql/pgvector install failed; the knowledge postgres tests will report it"
exit 0
