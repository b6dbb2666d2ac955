"""One validation step for every way a question comes in (CLI, browser, API)."""

from __future__ import annotations

import re
import unicodedata

from noticeqa.errors import InputError

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def clean_question(question: object, max_chars: int) -> str:
    """The question as searched: control and invisible characters dropped,
    lone surrogates replaced, whitespace collapsed.

    Raises ``InputError`` when nothing is left or it is longer than ``max_chars``.
    Example: "  Xiangtan\\x00 housing?\\u202e " -> "Xiangtan housing?"
    """
    if not isinstance(question, str):
        raise InputError("please ask a question: send it as text")
    text = question.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if len(text) > max_chars:
        raise InputError(
            f"the question is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Please shorten it."
        )
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text)
    text = " ".join(_INVISIBLE.sub("", text).split())
    if not text:
        raise InputError("please ask a question: the message was empty")
    return text
