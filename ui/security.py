"""What the chat server exposes, decided in one place.

Served: the page, its own static assets, the queue/API routes Gradio needs and
the hidden ``/ask`` endpoint. Deliberately off: share links, monitoring,
analytics, server-side rendering, the MCP server, extra file paths and uploads
beyond a few bytes (the page has no upload component). The index directory is
on the blocked list of the file route. A bounded queue turns overload into a
"busy, try again" reply instead of unbounded waiting.
"""

from __future__ import annotations

import os
from pathlib import Path

import gradio as gr

from noticeqa.errors import NoticeQAError
from noticeqa.settings import Settings

# Characters that Markdown, HTML or the chat's LaTeX would read as syntax, as numeric entities.
_SYNTAX = {c: f"&#{ord(c)};" for c in "\\`*_[]()#!|~$<>&\"'"}

BUSY = "The assistant is busy; please try again in a moment."
MAX_UPLOAD = "1kb"  # nothing is uploaded; Gradio's /upload route cannot be removed, only capped


class ServerConfigError(NoticeQAError):
    """A server setting is inconsistent (e.g. a login user without a password)."""


def as_text(text: str) -> str:
    """``text`` for a Markdown-rendering component, shown exactly as typed:
    no tag, link or image can form. Example: "![x](http://a/p.png)" ->
    "&#33;&#91;x&#93;&#40;http://a/p.png&#41;" (the browser shows the original)."""
    return "".join(_SYNTAX.get(ch, ch) for ch in text)


def login(settings: Settings) -> list[tuple[str, str]] | None:
    """The ``auth=`` of ``launch``: one user from the settings, or ``None``.
    Example: NOTICEQA_AUTH_USER=ana, NOTICEQA_AUTH_PASSWORD=s3cret -> [("ana", "s3cret")]"""
    user = settings.auth_user or None
    password = settings.auth_password.get_secret_value() if settings.auth_password else None
    if bool(user) != bool(password):
        missing = "NOTICEQA_AUTH_PASSWORD" if user else "NOTICEQA_AUTH_USER"
        raise ServerConfigError(f"password login needs both a user and a password; set {missing} too, "
                                "or unset both to serve without login")
    return [(user, password)] if user else None


def bounded_queue(demo: gr.Blocks, size: int, concurrency: int) -> gr.Blocks:
    """Queue at most ``size`` waiting requests, ``concurrency`` chat answers at
    once; a request beyond that is refused at once (HTTP 503) with ``BUSY``."""
    demo.queue(default_concurrency_limit=concurrency, max_size=size)
    queue = demo._queue
    push = queue.push

    async def push_or_busy(*args, **kwargs):
        ok, detail, state = await push(*args, **kwargs)
        return (ok, BUSY, state) if state == "queue_full" else (ok, detail, state)

    queue.push = push_or_busy
    return demo


def launch_options(settings: Settings, blocked: list[Path] | None = None) -> dict:
    """Keyword arguments of ``Blocks.launch`` that lock the server down."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    return dict(
        server_name=settings.host,
        share=False,
        auth=login(settings),
        auth_message="noticeqa: please log in." if settings.auth_user else None,
        enable_monitoring=False,
        ssr_mode=False,
        mcp_server=False,
        allowed_paths=[],
        blocked_paths=[str(Path(p).resolve()) for p in blocked or [settings.index_dir]],
        max_file_size=MAX_UPLOAD,
        root_path=settings.root_path or None,
        strict_cors=True,
        show_error=False,
    )
