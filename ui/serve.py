"""Launching the chat: loopback by default, no share links, no analytics, and
a system-font theme so the page fetches nothing from outside the machine.
What is exposed and why is decided in ``ui.security``."""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from pathlib import Path

from assistant import Assistant
from noticeqa.settings import get_settings
from ui.api import MAX_BATCH
from ui.app import CSS, THEME, build_app
from ui.security import bounded_queue, launch_options


def launch(assistant: Assistant, host: str | None = None, port: int | None = None,
           feedback_path: Path | str | None = None, report_path: Path | str | None = None,
           **kwargs) -> None:
    """Serve until interrupted; feedback goes to ``feedback_path``
    (default ``<index_dir>/feedback.jsonl`` from the settings). Login, queue
    size, concurrency and proxy prefix come from the settings."""
    settings = get_settings()
    limit_malloc_arenas()
    warm_up(assistant)
    trim_memory_periodically()
    options = launch_options(settings, blocked=[assistant.bundle.directory.parent.parent, settings.index_dir])
    options.update(server_name=host or settings.host, server_port=port or settings.port, **kwargs)
    demo = build_app(assistant, feedback_path=feedback_path, report_path=report_path)
    bounded_queue(demo, settings.queue_size, settings.concurrency)
    demo.launch(theme=THEME, css=CSS, **options)


WARM_UP = [
    "How many public rental housing units did Xiangtan mobilize?",
    "Which pilots in Hebei are mentioned, and what did each of them do for education, elderly care, "
    "vocational training, green building and the integration of urban and rural public services?",
    "What did Shenzhen do about household registration?",
]


def warm_up(assistant: Assistant, largest: int = MAX_BATCH) -> None:
    """Answer batches of every size the API batches, before serving: the
    model's buffers grow to their working size now, not under the first users."""
    for size in range(1, largest + 1):
        assistant.ask_many([WARM_UP[i % len(WARM_UP)] for i in range(size)])


M_ARENA_MAX = -8  # glibc's mallopt parameter number
MALLOC_ARENAS = 2


TRIM_EVERY_S = 5.0


def trim_memory_periodically(every: float = TRIM_EVERY_S) -> bool:
    """Hand freed heap pages back to the system every few seconds (glibc's
    ``malloc_trim``), so resident memory tracks what is in use rather than
    what concurrent answers once needed. No-op off glibc."""
    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return False

    def loop() -> None:
        while True:
            time.sleep(every)
            trim(0)

    threading.Thread(target=loop, name="malloc-trim", daemon=True).start()
    return True


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas (as MALLOC_ARENA_MAX=2 would): each of the
    server's worker threads would otherwise keep an arena of its own, and
    resident memory creeps up under concurrent load. No-op off glibc."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_ARENA_MAX, arenas))
    except (OSError, AttributeError):
        return False
