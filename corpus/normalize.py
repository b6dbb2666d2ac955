"""Normalisation of the translation's artefacts, for search only.

The machine translation turned the character 共 ("common, shared") into runs of
asterisks: ``public **** services`` is "public services", ``****use*** and
enjoy`` is "share", ``*** build`` is "jointly build". Passages keep the text as
printed; only their ``norm_text`` (what is embedded and indexed) is rewritten.

Example: "public ****data*** enjoyment" -> "public data sharing".
"""

from __future__ import annotations

import re

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"\*+\s*use\s*\*+\s+and\s+enjoy", "share"),
        (r"\*+\s*data\s*\*+\s*enjoyment", "data sharing"),
        (r"\*+\s*enjoyment", "sharing"),
        (r"medical\s+\*+\s*bodies", "medical communities"),
        (r"medical\s+\*+\s*body", "medical community"),
        (r"\*+\s*build", "jointly build"),
        (r"\*+", " "),
        (r"\s+", " "),
    )
)


def normalize(text: str) -> str:
    """Text for search: artefacts rewritten, whitespace collapsed.

    Example: "public **** services" -> "public services".
    """
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text.strip()


_MATCH_STRIP = re.compile(r"[\s*]+")


def match_key(text: str) -> str:
    """Key for "does this passage contain that span" checks: the search
    normalisation, then case folded and stray asterisks and spacing dropped.

    Example: "Public ****  Services" -> "public services".
    """
    return _MATCH_STRIP.sub(" ", normalize(text).casefold()).strip()
