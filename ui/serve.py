"""Launching the chat: loopback by default, no share links, no analytics."""

from __future__ import annotations

import os

from assistant import Assistant
from ui.app import CSS, THEME, build_app


def launch(assistant: Assistant, host: str = "127.0.0.1", port: int = 7860, **kwargs) -> None:
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    demo = build_app(assistant)
    demo.queue(default_concurrency_limit=4, max_size=64)
    demo.launch(
        server_name=host, server_port=port, share=False, theme=THEME, css=CSS,
        show_error=False, **kwargs,
    )
