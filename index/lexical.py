"""BM25 lexical search (bm25s) over the passages' normalised text.

Place names and figures ("Xiangtan", "29,000") are kept as tokens, so what the
dense model blurs is still found. Saved with bm25s' own JSON/NumPy files,
no pickle.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import re

import bm25s
from bm25s.stopwords import STOPWORDS_EN
import numpy as np

TOKEN_PATTERN = r"(?u)\d[\d,.]*\d|\b\w[\w']+\b"


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-cased, stemmed tokens without English stopwords.

    Example: ["Xiangtan mobilized 29,000 units"] -> [["xiangtan", "mobil", "29,000", "unit"]]
    """
    return bm25s.tokenize(
        texts, stopwords="en", stemmer=_stemmer(), token_pattern=TOKEN_PATTERN,
        return_ids=False, show_progress=False,
    )


def stem(word: str) -> str:
    """The stem BM25 indexes a word under: stem("restaurants") -> "restaur"."""
    return _stemmer().stemWord(word.lower())


@lru_cache(maxsize=4096)
def query_tokens(text: str) -> tuple[str, ...]:
    """``tokenize`` of one question, remembered: ranking and sentence choice both need it."""
    return tuple(tokenize([text])[0])


_WORD = re.compile(r"[a-z][a-z'-]+")


def content_words(text: str) -> list[str]:
    """Lower-case words of 3+ letters that are not stopwords, in order.

    Example: "Xiangtan has mobilized about 29,000 units" -> ["xiangtan", "has", "mobilized", "about", "units"]
    """
    return [w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in STOPWORDS_EN]


class LexicalIndex:
    """BM25 scores of a question against every passage."""

    def __init__(self, retriever: bm25s.BM25):
        self._bm25 = retriever

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        retriever = bm25s.BM25()
        retriever.index(tokenize(texts), show_progress=False)
        return cls(retriever)

    def save(self, directory: Path) -> None:
        self._bm25.save(str(directory), show_progress=False)

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        return cls(bm25s.BM25.load(str(directory), show_progress=False, allow_pickle=False))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of ``query`` for each passage, in passage order."""
        tokens = list(query_tokens(query))
        if not tokens:
            return np.zeros(self._bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
