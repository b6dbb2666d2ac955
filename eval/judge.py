"""Per-question judgements: does a citation contain the span, do its regions
and section match the labels. Matching uses ``corpus.normalize.match_key`` (case,
whitespace and the translation's ``*`` artefacts); region names are compared
after ``gazetteer().lookup`` so aliases ("Meikou") match canonical names."""

from __future__ import annotations

from assistant import Answer, Citation
from corpus.normalize import match_key
from corpus.regions import gazetteer


def contains(text: str, span: str) -> bool:
    """Example: contains("public **** Services", "public services") -> True."""
    return match_key(span) in match_key(text)


def first_hit(answer: Answer, span: str | list[str]) -> Citation | None:
    """The best-ranked citation whose text contains ``span``, or any of several
    spans (a list question's items); None if none does."""
    spans = [span] if isinstance(span, str) else span
    return next((c for c in answer.citations if any(contains(c.text, s) for s in spans)), None)


def _canonical(name: str) -> str:
    region = gazetteer().lookup(name.strip())
    return region.name if region else name.strip().casefold()


def regions_match(citation: Citation, expected: list[str]) -> bool:
    """Every expected entry ("A|B" = A or B) names one of the citation's regions."""
    cited = {_canonical(r.name) for r in citation.regions}
    return all(any(_canonical(alt) in cited for alt in entry.split("|")) for entry in expected)


def list_regions_match(answer: Answer, spans: list[str], expected: list[str]) -> bool:
    """For a list: every expected entry names a region of some citation that
    contains one of the list's ``spans`` (a list's regions are spread over its
    items, so no single citation carries them all)."""
    cited = {_canonical(r.name) for c in answer.citations if any(contains(c.text, s) for s in spans) for r in c.regions}
    return all(any(_canonical(alt) in cited for alt in entry.split("|")) for entry in expected)


def section_match(citation: Citation, expected: int) -> bool:
    return citation.section.number == expected
