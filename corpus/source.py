"""The notice as shipped with the package, checked against its known hash."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources

from noticeqa.errors import CorpusError

NOTICE_SHA256 = "1a81928955e431c3a02b7534c3dfc7d6fbe72fb2052332dd2cc08ce8d74b30f3"


def data_bytes(name: str) -> bytes:
    try:
        return resources.files("corpus").joinpath("data", name).read_bytes()
    except FileNotFoundError as exc:
        raise CorpusError(
            f"corpus data file {name!r} is missing; reinstall the package "
            "(pip install -e .) from a complete checkout"
        ) from exc


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def notice_text() -> str:
    """The notice, exactly as the source file holds it."""
    raw = data_bytes("notice.txt")
    if sha256(raw) != NOTICE_SHA256:
        raise CorpusError(
            "corpus/data/notice.txt differs from the published notice "
            f"(SHA-256 {sha256(raw)}, expected {NOTICE_SHA256}); restore it with "
            "git checkout corpus/data/notice.txt"
        )
    return raw.decode("utf-8")
