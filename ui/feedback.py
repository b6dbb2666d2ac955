"""The feedback log: one JSON line per verdict on an answer, appended to
``<index_dir>/feedback.jsonl``.

A failed write raises ``FeedbackWriteError`` for the UI to show, keeps the
entry in memory and retries it before the next one, so nothing is lost and
lines already on disk are never rewritten.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timezone
from pathlib import Path

from noticeqa.errors import NoticeQAError
from noticeqa.settings import get_settings

VERDICTS = ("up", "down")


class FeedbackWriteError(NoticeQAError):
    """The feedback log could not be written; the entry is kept for a retry."""


def default_path() -> Path:
    return get_settings().index_dir / "feedback.jsonl"


def entry(question: str, answer: str, cited_ids: list[str], verdict: str, comment: str = "",
          now: datetime | None = None) -> dict:
    """One log record. Example:
    {"time": "2026-01-01T00:00:00+00:00", "question": "q", "answer": "a", "cited_ids": ["s02-06-xiangtan"],
     "verdict": "up", "comment": ""}"""
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS}, got {verdict!r}")
    return {
        "time": (now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
        "question": question, "answer": answer, "cited_ids": list(cited_ids),
        "verdict": verdict, "comment": comment.strip(),
    }


class FeedbackLog:
    def __init__(self, path: Path | str | None = None):
        self.path = Path(path) if path is not None else default_path()
        self.pending: list[dict] = []  # entries not yet on disk
        self._lock = threading.Lock()

    def append(self, record: dict) -> int:
        """Write ``record`` (after any pending ones); returns how many lines were written."""
        with self._lock:
            self.pending.append(record)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.path, "a", encoding="utf-8") as f:
                    f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.pending))
                    f.flush()
                    os.fsync(f.fileno())
            except OSError as exc:
                raise FeedbackWriteError(
                    f"Could not save feedback to {self.path} ({exc.strerror or exc}); "
                    f"{len(self.pending)} entr{'y is' if len(self.pending) == 1 else 'ies are'} "
                    "kept and will be retried with the next feedback."
                ) from exc
            written, self.pending = len(self.pending), []
            return written
