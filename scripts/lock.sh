#!/usr/bin/env bash
# Regenerate the fully pinned lock files, with hashes, from requirements.txt and requirements-dev.txt.
# Run after changing either file: scripts/lock.sh  (needs pip-tools: pip install pip-tools).
# Resolved for the Python running it; use the version the app is deployed on (3.11, see README).
# Extras stay in the lock (--no-strip-extras): the pip that ships with Python 3.11 (23.2.1) refuses a hashed lock
# where a package asks for another with extras (pip-audit wants CacheControl[filecache]) and the lock pins it bare.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python}"
# Only PyPI: this machine's own pip settings (extra local indexes, find-links) must not leak into the lock.
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL PIP_CONSTRAINT
for name in requirements requirements-dev; do
  "$python" -m piptools compile --quiet --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links \
    --no-header --output-file "$name.lock" "$name.txt"
done
echo "wrote requirements.lock and requirements-dev.lock"
