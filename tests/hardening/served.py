"""Servers configured the way ``noticeqa serve`` configures them (``ui.security``),
in this process and sharing the session's model, each with its own settings."""

from __future__ import annotations

import socket
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(assistant, index_dir, tmp_path, **overrides):
    """A locked-down server on a free port; yields its base URL."""
    from noticeqa.settings import Settings
    from ui.app import CSS, THEME, build_app
    from ui.security import bounded_queue, launch_options

    settings = Settings(index_dir=index_dir, **overrides)
    demo = build_app(assistant, feedback_path=tmp_path / "feedback.jsonl",
                     report_path=tmp_path / "eval" / "latest.json")
    bounded_queue(demo, settings.queue_size, settings.concurrency)
    options = launch_options(settings, blocked=[index_dir])
    demo.launch(server_port=free_port(), prevent_thread_lock=True, quiet=True, theme=THEME, css=CSS,
                **options)
    try:
        yield demo.local_url.rstrip("/")
    finally:
        demo.close()
