"""Choosing the supporting sentence of a passage, and the answer sentence.

A sentence's score is its cosine similarity to the question, plus small
bonuses when it carries what the question asks for: a figure for "how many",
a place for "where", and the question's own content words.
Example: "How many ... Xiangtan ...?" prefers "Xiangtan, Hunan, has mobilized
about 29,000 ..." over a sentence of the same passage without a figure.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.query import Query
from index.lexical import tokenize

_FIGURE = re.compile(r"\d")
FIGURE_BONUS = 0.08
PLACE_BONUS = 0.05
OVERLAP_WEIGHT = 0.15


def sentence_score(text: str, cosine: float, query: Query, query_tokens: set[str], has_place: bool) -> float:
    tokens = set(tokenize([text])[0])
    overlap = len(tokens & query_tokens) / max(len(query_tokens), 1)
    score = cosine + OVERLAP_WEIGHT * overlap
    if query.wants_count and _FIGURE.search(text):
        score += FIGURE_BONUS
    if query.wants_place and has_place:
        score += PLACE_BONUS
    return score


def best_sentence(
    passage_text: str,
    spans: list[tuple[int, int]],
    cosines: np.ndarray,
    query: Query,
    query_tokens: set[str],
    has_place,
) -> tuple[tuple[int, int], float]:
    """The best (start, end) span among a passage's sentence spans, and its score."""
    if not spans:
        return (0, len(passage_text)), 0.0
    scored = [
        (sentence_score(passage_text[a:b], float(c), query, query_tokens, has_place(passage_text[a:b])), (a, b))
        for (a, b), c in zip(spans, cosines)
    ]
    score, span = max(scored, key=lambda x: x[0])
    return span, score
