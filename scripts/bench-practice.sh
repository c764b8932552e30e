#!/usr/bin/env bash
# The practice benchmark: a warm pyroad verdict against `python3 -I -S -c pass`
# and against pytest on the same five tests, in one process; prints ratios.
# pytest goes into a throwaway virtual environment that is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest
PYROAD_BENCH_PYTEST="$venv/bin/python" cargo bench -p pyroad-check --bench practice
