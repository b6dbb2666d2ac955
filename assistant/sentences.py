"""Choosing the supporting sentence of a passage, and the answer sentence.

A sentence's score is its cosine similarity to the question, plus small
bonuses when it carries what the question asks for: a figure for "how many",
a place for "where", and the question's own content words.
Example: "How many ... Xiangtan ...?" prefers "Xiangtan, Hunan, has mobilized
about 29,000 ..." over a sentence of the same passage without a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.query import Query
from index.lexical import tokenize

_FIGURE = re.compile(r"\d")
FIGURE_BONUS = 0.08
PLACE_BONUS = 0.05
OVERLAP_WEIGHT = 0.15


@dataclass(frozen=True)
class SentenceFeatures:
    """What scoring needs of a sentence, computed once when the assistant loads."""

    tokens: frozenset[str]
    has_figure: bool
    has_place: bool


def sentence_features(texts: list[str], has_place) -> list[SentenceFeatures]:
    return [
        SentenceFeatures(frozenset(tokens), bool(_FIGURE.search(text)), has_place(text))
        for text, tokens in zip(texts, tokenize(texts))
    ]


def sentence_score(f: SentenceFeatures, cosine: float, query: Query, query_tokens: set[str]) -> float:
    overlap = len(f.tokens & query_tokens) / max(len(query_tokens), 1)
    score = cosine + OVERLAP_WEIGHT * overlap
    if query.wants_count and f.has_figure:
        score += FIGURE_BONUS
    if query.wants_place and f.has_place:
        score += PLACE_BONUS
    return score


def best_sentence(
    spans: list[tuple[int, int]],
    features: list[SentenceFeatures],
    cosines: np.ndarray,
    query: Query,
    query_tokens: set[str],
    length: int,
) -> tuple[tuple[int, int], float]:
    """The best (start, end) span among a passage's sentences, and its score;
    the whole passage (``length``) when it has no sentence."""
    if not spans:
        return (0, length), 0.0
    score, span = max(
        ((sentence_score(f, float(c), query, query_tokens), span) for span, f, c in zip(spans, features, cosines)),
        key=lambda x: x[0],
    )
    return span, score
