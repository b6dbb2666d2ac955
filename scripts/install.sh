#!/usr/bin/env bash
# Installs noticeqa into ./.venv: torch==2.13.0 (CPU) first, then the package.
# With --test, also the test extras and Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${NOTICEQA_VENV:-.venv}"
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
stamp="$VENV/.noticeqa-installed-$(cat pyproject.toml | sha256sum | cut -c1-16)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/pip" install --quiet --upgrade pip
  # torch first, pinned: any other spec pulls multi-GB CUDA wheels.
  "$VENV/bin/pip" install --quiet "torch==2.13.0"
  "$VENV/bin/pip" install --quiet -e ".$extras"
  touch "$stamp"
fi

if [ -n "$extras" ] && [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
