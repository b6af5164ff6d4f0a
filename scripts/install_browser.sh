#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (idempotent, quiet; prints only on failure).
# Playwright must never download its own browser: tests/test_browser.py uses /usr/bin/chromium.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; } \
       >"$log" 2>&1; then
    cat "$log" >&2
    echo "install_browser.sh: apt-get install chromium failed" >&2
    exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
    cat "$log" >&2
    echo "install_browser.sh: /usr/bin/chromium still missing after apt-get install" >&2
    exit 1
fi
