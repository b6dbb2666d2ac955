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

import re
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
_ANSWER_TYPE = re.compile(  # "Which places ...?" asks for places: its noun is no topic word (not "below which cities")
    r"^(\W*(?:(?:in|of|from|at|for|by|tell me|and)\s+)?(?:which|what))\s+(?:pilot\s+)?"
    r"(?:(places|cities|counties|districts|regions|localities|provinces|pilots|pilot areas)|"
    r"(place|city|county|district|region|locality|province)(?=\s+(in|of|did|does|has|have|had|was|is|were|are)\b))\b",
    re.IGNORECASE,
)


def lexical_text(text: str) -> str:
    """The question as the lexical search reads it: without the noun naming
    the kind of answer, which would match the passages using it in another
    sense. Example: "Which places increased rental housing?" -> "Which
    increased rental housing?" (not Gu'an's school "places")."""
    return _ANSWER_TYPE.sub(r"\1", text)


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


@dataclass(frozen=True)
class PassageTable:
    """What ranking reads of every passage, as arrays, built once per index."""

    searched: np.ndarray  # not a summary copy of a body passage
    experience: np.ndarray
    overview: np.ndarray  # a lead-in or part introduction
    section: np.ndarray  # section number, 0 for none
    by_region: dict[str, np.ndarray]  # region name -> passages naming it

    @classmethod
    def of(cls, passages: tuple[Passage, ...]) -> "PassageTable":
        by_region: dict[str, list[int]] = {}
        for i, p in enumerate(passages):
            for r in p.regions:
                by_region.setdefault(r.name, []).append(i)
        return cls(
            searched=np.array([p.duplicate_of is None for p in passages]),
            experience=np.array([p.kind == "experience" for p in passages]),
            overview=np.array([p.kind in OVERVIEW_KINDS for p in passages]),
            section=np.array([p.section.number if p.section else 0 for p in passages]),
            by_region={k: np.array(v, dtype=np.int64) for k, v in by_region.items()},
        )

    def naming(self, names) -> np.ndarray:
        """Mask of the passages naming any of ``names``."""
        mask = np.zeros(len(self.section), dtype=bool)
        for name in names:
            if name in self.by_region:
                mask[self.by_region[name]] = True
        return mask


def rank(
    passages: tuple[Passage, ...],
    dense: np.ndarray,
    lexical: np.ndarray,
    query: Query,
    retriever: str = "hybrid",
    provinces: frozenset[str] = frozenset(),
    sections: frozenset[int] = frozenset(),
    clause: np.ndarray | None = None,
    table: PassageTable | None = None,
) -> list[Hit]:
    """Every allowed passage, best first. Summary paragraphs that repeat a body
    passage are left out: the body passage carries the section."""
    table = table or PassageTable.of(passages)
    clause = dense if clause is None else clause
    if retriever == "dense":
        score = dense.astype(np.float64)
    elif retriever == "lexical":
        score = lexical.astype(np.float64)
    elif retriever == "hybrid":
        score = blend(dense, clause, lexical) + _boosts(table, query)
    else:
        raise ValueError(f"retriever must be one of {', '.join(RETRIEVERS)}, not {retriever!r}")
    keep = table.searched.copy()
    if sections:
        keep &= np.isin(table.section, list(sections))
    if provinces:
        keep &= np.array([allowed(p, provinces, frozenset()) for p in passages])
    order = [int(i) for i in np.argsort(-score, kind="stable") if keep[i]]
    return [Hit(i, float(score[i]), float(dense[i]), float(lexical[i]), float(clause[i])) for i in order]


def _boosts(table: PassageTable, query: Query) -> np.ndarray:
    boost = np.zeros(len(table.section))
    if query.localities:
        boost += REGION_BOOST * table.naming(query.localities)
    if query.sections:
        boost += SECTION_BOOST * np.isin(table.section, query.sections)
    if query.wants_experience:
        boost -= NOT_EXPERIENCE * ~table.experience
    if query.wants_overview:
        boost += NOT_EXPERIENCE * table.overview
    return boost
