#!/usr/bin/env bash
# Creates (or updates) a virtual environment with every third-party package
# that `python requires=...` examples in content/curriculum name, so that
# `pyroad content verify --venv DIR` checks them instead of skipping them.
# Usage: scripts/content-venv.sh [DIR]   (default: target/content-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/content-venv}"
packages=$(grep -rhoE '^```python requires=[^ ]+' content/curriculum | sed 's/.*requires=//' | tr ',' '\n' | sort -u)
[ -x "$dir/bin/python" ] || python3 -m venv "$dir"
"$dir/bin/python" -m pip install --quiet --disable-pip-version-check $packages
echo "content-venv: $dir has: $(echo $packages)"
