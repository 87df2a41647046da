#!/usr/bin/env bash
# The test suite, as README.md's second command runs it. The HTML output's browser tests drive
# Debian's Chromium and chromedriver; on a fresh machine they are installed first (once).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "tests/run.sh: installing chromium and chromium-driver for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  else
    echo "tests/run.sh: the browser tests need chromium and chromedriver in /usr/bin" \
         "(Debian: sudo apt-get install chromium chromium-driver)" >&2
  fi
fi

# The code itself: style and likely bugs (ruff), types — strict on the public API — (mypy), and the
# layers of docs/architecture.md (import-linter's contracts in .importlinter). Skipped when pytest
# is given arguments (a subset of the tests is being run).
if [ "$#" -eq 0 ]; then
  python3 -m ruff check .
  python3 -m mypy
  lint-imports --no-cache
fi

exec python3 -m pytest -q -p no:cacheprovider "$@"
