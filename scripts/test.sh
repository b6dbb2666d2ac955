#!/usr/bin/env bash
# Installs everything the tests need, then runs the whole suite (browser tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
export PATH="$(cd "${NOTICEQA_VENV:-.venv}" && pwd)/bin:$PATH"
exec "${NOTICEQA_VENV:-.venv}/bin/python" -m pytest "$@"
