"""Launching the chat: loopback by default, no share links, no analytics, and
a system-font theme so the page fetches nothing from outside the machine."""

from __future__ import annotations

import os
from pathlib import Path

from assistant import Assistant
from ui.app import CSS, THEME, build_app


def launch(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860,
           feedback_path: Path | str | None = None, report_path: Path | str | None = None,
           **kwargs) -> None:
    """Serve until interrupted; feedback goes to ``feedback_path``
    (default ``<index_dir>/feedback.jsonl`` from the settings)."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    demo = build_app(assistant, feedback_path=feedback_path, report_path=report_path)
    demo.queue(default_concurrency_limit=4, max_size=64)
    demo.launch(
        server_name=host, server_port=port, share=False, theme=THEME, css=CSS,
        show_error=False, **kwargs,
    )
