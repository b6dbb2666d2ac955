"""Ranking passages for a question: dense (FAISS), lexical (BM25) or both
blended, with boosts for the regions and sections the question names, and the
user's filters applied.

The hybrid score is a calibrated blend, chosen over reciprocal-rank fusion on
``dev`` (RRF keeps only ranks, so a passage far ahead on cosine counts no more
than one just ahead):

    score(p) = (cos(q, p) + max_w cos(q, w)) / 2          w: p's clause windows
             + LEXICAL_WEIGHT * bm25(q, p) / max_p' bm25(q, p')
             + REGION_BOOST  [p names a region the question names]
             + SECTION_BOOST [p is in a section the question names]
             - NOT_EXPERIENCE [the question asks about a place; p is no pilot's experience]
             + NOT_EXPERIENCE [the question asks for a thrust ("main focus"); p is a lead-in or part intro]

Example: cosines 0.52 and 0.60, BM25 at 0.7 of the best, no names ->
(0.52 + 0.60) / 2 + 0.15 * 0.7 = 0.665.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from assistant.query import Query
from corpus.models import Passage

RETRIEVERS = ("hybrid", "dense", "lexical")
LEXICAL_WEIGHT = 0.15
REGION_BOOST = 0.2
SECTION_BOOST = 0.06
NOT_EXPERIENCE = 0.1
OVERVIEW_KINDS = ("lead-in", "part-intro")  # what answers "What is the main focus of ...?"


@dataclass(frozen=True)
class Hit:
    index: int  # passage position in the bundle
    score: float  # what the ranking sorts by
    dense: float  # cosine similarity of the whole passage
    lexical: float  # BM25
    clause: float = 0.0  # best cosine similarity of the passage's clause windows


def blend(dense: np.ndarray, clause: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    """Mean of passage and best-clause cosine, plus BM25 scaled to the best passage's."""
    top = float(lexical.max()) if len(lexical) else 0.0
    scaled = lexical / top if top > 0 else np.zeros_like(lexical)
    return (dense.astype(np.float64) + clause) / 2 + LEXICAL_WEIGHT * scaled


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
    clause: np.ndarray | None = None,
) -> list[Hit]:
    """Every allowed passage, best first. Summary paragraphs that repeat a body
    passage are left out: the body passage carries the section."""
    if retriever == "dense":
        score = dense.astype(np.float64)
    elif retriever == "lexical":
        score = lexical.astype(np.float64)
    elif retriever == "hybrid":
        score = blend(dense, dense if clause is None else clause, lexical) + _boosts(passages, query)
    else:
        raise ValueError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    hits = [
        Hit(i, float(score[i]), float(dense[i]), float(lexical[i]), float(dense[i] if clause is None else clause[i]))
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
        if query.wants_experience and p.kind != "experience":
            boost[i] -= NOT_EXPERIENCE
        if query.wants_overview and p.kind in OVERVIEW_KINDS:
            boost[i] += NOT_EXPERIENCE
    return boost
