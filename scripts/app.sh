#!/usr/bin/env bash
# Installs everything, builds the index if it is missing or stale, serves the chat.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
exec "${NOTICEQA_VENV:-.venv}/bin/noticeqa" serve "$@"
