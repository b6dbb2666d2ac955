"""Misspellings in a question, put right before it is searched: a place name
split in two ("Zhu cheng" -> "Zhucheng") and a word of the notice mistyped
("gradutes" -> "graduates").

A word is only corrected when neither the notice, the gazetteer, the glossary
nor the model's English vocabulary (its tokenizer's whole words) knows it, so
"weather" never becomes "whether".
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from corpus.regions import Gazetteer
from index.embed import resolve_model_path
from index.lexical import stem
from noticeqa.settings import get_settings

MIN_LETTERS = 5  # shorter words are not corrected
CUTOFF = 0.88  # difflib ratio to the notice's word ("gradutes" ~ "graduates": 0.94; "parsing" ~ "parking": 0.86 is no typo)
SAME_START = 2  # letters a correction shares with the word typed
_ENDINGS = ("ions", "ings", "ion", "ing", "ed", "es", "s")  # inflections and "-ion": forms of one word
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:(?=['’]s\b)|(?![\w'’-]))")  # "cheng" of "Zhu cheng's" too


def english_words(model: str | None = None) -> frozenset[str]:
    """Whole words of the model's tokenizer vocabulary (``vocab.txt``): about
    21,000 common English words and names; empty for a model without one.
    ``model`` defaults to the setting (read on each call, kept per model)."""
    return _vocabulary(model or get_settings().model)


@lru_cache(maxsize=2)
def _vocabulary(model: str) -> frozenset[str]:
    try:
        path = resolve_model_path(model) / "vocab.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def joined_names(question: str, gaz: Gazetteer) -> str:
    """Two or three words that spell a place name when joined, joined: "what %
    of patients in Zhu cheng" -> "... in Zhucheng"; "Lao He Kou" -> "Laohekou"."""
    words = list(_WORD.finditer(question))
    out, last = [], 0
    for i, a in enumerate(words):
        if a.start() < last:
            continue
        for run in (words[i : i + 3], words[i : i + 2]):  # the longer reading first
            if len(run) < 2 or any(question[x.end() : y.start()] != " " for x, y in zip(run, run[1:])):
                continue
            joined = "".join(w.group(0) for w in run)
            if gaz.lookup(joined) is not None and all(gaz.lookup(w.group(0)) is None for w in run):
                out += [question[last : a.start()], joined[0].upper() + joined[1:].lower()]
                last = run[-1].end()
                break
    return "".join(out) + question[last:] if out else question


@lru_cache(maxsize=4096)
def closest_notice_word(word: str, vocabulary: frozenset[str]) -> str | None:
    """The word of ``vocabulary`` (the notice's) that ``word`` mistypes, if one
    is close enough: ``closest_notice_word("gradutes", ...) == "graduates"``."""
    key = word.casefold()
    if len(key) < MIN_LETTERS or key in vocabulary:
        return None  # short, or the notice's own word
    if any(_base(w) == _base(key) for w in _by_stem(vocabulary).get(stem(key), ())):
        return None  # another form of a notice word ("quotas", "renovating"): the search finds it by stem
    # a typo can share its stem with the word it mistypes ("volunters", "managment"): it is put right, or
    # its meaning would be lost where words are compared by meaning (coverage, the words near a figure)
    same_start = [w for w in vocabulary if w[:SAME_START] == key[:SAME_START] and len(w) >= MIN_LETTERS]
    found = difflib.get_close_matches(key, same_start, n=1, cutoff=CUTOFF)
    return found[0] if found else None


def _base(word: str) -> str:
    """``word`` without one of its ``_ENDINGS``: "renovating" and "renovation"
    -> "renovat"; "volunters" -> "volunter" but "volunteers" -> "volunteer"."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=2)
def _by_stem(vocabulary: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The notice's words by their stem."""
    out: dict[str, list[str]] = {}
    for w in vocabulary:
        out.setdefault(stem(w), []).append(w)
    return {k: tuple(v) for k, v in out.items()}
