#!/usr/bin/env bash
# Architecture invariant (ARCHITECTURE.md): the core crates depend on no web
# framework, database driver or async runtime. Fails listing what crept in.
set -euo pipefail
cd "$(dirname "$0")/.."
# Every core crate that exists in this checkout (planner, review and content
# logic join the list as they land).
core=()
for crate in pyroad-model pyroad-import pyroad-plan pyroad-content pyroad-check pyroad-progress; do
  [ -f "crates/$crate/Cargo.toml" ] && core+=("$crate")
done
forbidden='^(tokio|async-std|smol|axum|hyper|tower|tower-http|actix-web|warp|rocket|sqlx|rusqlite|diesel|postgres|tokio-postgres|libsqlite3-sys|reqwest|minijinja|askama)$'
status=0
for crate in "${core[@]}"; do
  deps=$(cargo tree -p "$crate" -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  bad=$(echo "$deps" | grep -E "$forbidden" || true)
  if [ -n "$bad" ]; then
    echo "check-deps: $crate must not depend on: $(echo $bad)" >&2
    status=1
  fi
done
# The storage trait crate (issue 4) may use async primitives, but no database
# driver and no runtime: those belong to the backend crates.
if [ -f crates/pyroad-store/Cargo.toml ]; then
  deps=$(cargo tree -p pyroad-store -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  bad=$(echo "$deps" | grep -E '^(sqlx|sqlx-core|rusqlite|libsqlite3-sys|postgres|tokio-postgres|diesel|tokio|async-std|smol)$' || true)
  if [ -n "$bad" ]; then
    echo "check-deps: pyroad-store must not depend on: $(echo $bad)" >&2
    status=1
  fi
fi
# The server library (issue 8) is generic over the store: no database
# driver and never the binary crate (the binary opens the store and hands it in).
if [ -f crates/pyroad-server/Cargo.toml ]; then
  deps=$(cargo tree -p pyroad-server -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)
  bad=$(echo "$deps" | grep -E '^(pyroad|sqlx|sqlx-core|rusqlite|libsqlite3-sys|postgres|tokio-postgres|diesel)$' || true)
  if [ -n "$bad" ]; then
    echo "check-deps: pyroad-server must not depend on: $(echo $bad)" >&2
    status=1
  fi
fi
[ $status -eq 0 ] && echo "check-deps: core crates (${core[*]}) are free of web, database and async dependencies"
exit $status
