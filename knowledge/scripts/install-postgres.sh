#!/usr/bin/env bash
# Installs what the knowledge postgres backend's tests and bench need on Debian 12 (bookworm), as
# root: PostgreSQL 15 and pgvector. Bookworm ships no pgvector binary package, so when
# `postgresql-15-pgvector` is not installable it builds pgvector from Debian's own source package
# (trixie's pgvector, the version Debian maintains) against postgresql-server-dev-15.
# Idempotent: does nothing when both are present. The tests never start a server on their own
# system service; they initdb a throwaway cluster (see knowledge/test/helpers/postgres.ts).
set -euo pipefail
PGV=15
ext="/usr/share/postgresql/$PGV/extension/vector.control"
if [ -x "/usr/lib/postgresql/$PGV/bin/initdb" ] && [ -f "$ext" ]; then
  echo "knowledge: postgresql-$PGV and pgvector already installed"; exit 0
fi
[ "$(id -u)" = 0 ] || { echo "knowledge: run as root (apt-get): sudo bash $0"; exit 1; }
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "postgresql-$PGV" >/dev/null
if [ ! -f "$ext" ]; then
  if apt-get install -y -qq "postgresql-$PGV-pgvector" >/dev/null 2>&1; then
    echo "knowledge: installed postgresql-$PGV-pgvector"
  else
    echo "knowledge: no postgresql-$PGV-pgvector package; building pgvector from Debian's source package"
    apt-get install -y -qq "postgresql-server-dev-$PGV" build-essential >/dev/null
    work=$(mktemp -d)
    mkdir -p "$work/lists/partial"
    echo "deb-src http://deb.debian.org/debian trixie main" > "$work/sources.list"
    aptopts=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$work/lists")
    apt-get "${aptopts[@]}" update -qq
    (cd "$work" && apt-get "${aptopts[@]}" source --download-only pgvector >/dev/null 2>&1)
    tar xzf "$work"/pgvector_*.orig.tar.gz -C "$work"
    src=$(find "$work" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
    # OPTFLAGS="": no -march=native, so the build runs on any x86-64 machine.
    make -s -C "$src" OPTFLAGS="" PG_CONFIG="/usr/lib/postgresql/$PGV/bin/pg_config" >/dev/null
    make -s -C "$src" OPTFLAGS="" PG_CONFIG="/usr/lib/postgresql/$PGV/bin/pg_config" install >/dev/null
    rm -rf "$work"
  fi
fi
[ -f "$ext" ] || { echo "knowledge: pgvector is still missing after install"; exit 1; }
echo "knowledge: postgresql-$PGV with pgvector ready"
