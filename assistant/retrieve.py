"""Ranking passages for a question: dense (FAISS), lexical (BM25) or both
fused by reciprocal rank, with boosts for the regions and sections the
question names, and the user's filters applied.

Reciprocal-rank fusion: score(p) = 1/(K + rank_dense(p)) + 1/(K + rank_lexical(p)),
K = 60. Example: ranks 1 and 3 -> 1/61 + 1/63 = 0.0323.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.query import Query
from corpus.models import Passage

RETRIEVERS = ("hybrid", "dense", "lexical")
RRF_K = 60
REGION_BOOST = 0.02
SECTION_BOOST = 0.006


@dataclass(frozen=True)
class Hit:
    index: int  # passage position in the bundle
    score: float  # what the ranking sorts by
    dense: float  # cosine similarity
    lexical: float  # BM25


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each score, highest first: [0.2, 0.9, 0.5] -> [3, 1, 2]."""
    ranks = np.empty(len(scores), dtype=np.int64)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return ranks


def rrf(*score_lists: np.ndarray, k: int = RRF_K) -> np.ndarray:
    """Reciprocal-rank fusion of several score arrays over the same items."""
    return sum(1.0 / (k + _ranks(s)) for s in score_lists)


def allowed(p: Passage, provinces: frozenset[str], sections: frozenset[int]) -> bool:
    if provinces and not any(r.province in provinces for r in p.regions):
        return False
    if sections and (p.section is None or p.section.number not in sections):
        return False
    return True


def rank(
    passages: tuple[Passage, ...],
    dense: np.ndarray,
    lexical: np.ndarray,
    query: Query,
    retriever: str = "hybrid",
    provinces: frozenset[str] = frozenset(),
    sections: frozenset[int] = frozenset(),
) -> list[Hit]:
    """Every allowed passage, best first. Summary paragraphs that repeat a body
    passage are left out: the body passage carries the section."""
    if retriever == "dense":
        score = dense.astype(np.float64)
    elif retriever == "lexical":
        score = lexical.astype(np.float64)
    elif retriever == "hybrid":
        score = rrf(dense, lexical) + _boosts(passages, query)
    else:
        raise ValueError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    hits = [
        Hit(i, float(score[i]), float(dense[i]), float(lexical[i]))
        for i, p in enumerate(passages)
        if p.duplicate_of is None and allowed(p, provinces, sections)
    ]
    return sorted(hits, key=lambda h: -h.score)


def _boosts(passages: tuple[Passage, ...], query: Query) -> np.ndarray:
    boost = np.zeros(len(passages))
    for i, p in enumerate(passages):
        if query.localities and any(r.name in query.localities for r in p.regions):
            boost[i] += REGION_BOOST
        if query.sections and p.section is not None and p.section.number in query.sections:
            boost[i] += SECTION_BOOST
    return boost
