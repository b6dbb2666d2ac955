"""Pure functions over ``assistant.passages`` for the browser: a cited passage's
section context, the filter choices, and the rows and counts of the Browse tab.

Nothing here retrieves or ranks; that is the assistant's job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corpus.models import Passage

EXCERPT_CHARS = 160
BROWSE_COLUMNS = ["Province", "Locality", "Section", "Excerpt", "Passage"]


def section_context(passages: Sequence[Passage], cited: Passage) -> list[Passage]:
    """The passages around ``cited``, in document order: its whole section
    (lead-in and experiences), or for a passage outside any section, the
    passages of the same kind in the same part (e.g. all summary paragraphs)."""
    if cited.section is not None:
        same = [p for p in passages if p.section is not None and p.section.number == cited.section.number]
    else:
        same = [p for p in passages if p.section is None and p.part == cited.part and p.kind == cited.kind]
    return sorted(same or [cited], key=lambda p: p.start)


def experiences(passages: Sequence[Passage]) -> list[Passage]:
    return [p for p in passages if p.kind == "experience"]


def provinces(passages: Sequence[Passage]) -> list[str]:
    """Provinces named by any experience, sorted: the province filter's choices."""
    return sorted({r.province for p in experiences(passages) for r in p.regions})


def sections(passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """Section filter choices: ("§2 equal basic public services (Part I)", 2), by number."""
    seen = {p.section.number: p.section for p in passages if p.section is not None}
    return [(f"§{n} {s.title} (Part {s.part})", n) for n, s in sorted(seen.items())]


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def browse_rows(passages: Sequence[Passage], provinces_: Sequence[str] = (),
                sections_: Sequence[int] = ()) -> list[list[str]]:
    """One row per experience passage (in document order), restricted to any of
    ``provinces_`` and any of ``sections_`` when given.

    Example row: ["Hunan", "Xiangtan", "§2 equal basic public services", "Xiangtan, Hunan, has…", "s02-06-xiangtan"]
    """
    wanted_p, wanted_s = set(provinces_), {int(s) for s in sections_}
    rows = []
    for p in experiences(passages):
        if wanted_p and not any(r.province in wanted_p for r in p.regions):
            continue
        if wanted_s and (p.section is None or p.section.number not in wanted_s):
            continue
        rows.append([
            "; ".join(dict.fromkeys(r.province for r in p.regions)),
            "; ".join(r.name for r in p.regions if not r.is_province) or "(whole province)",
            f"§{p.section.number} {p.section.title}" if p.section else "",
            _excerpt(p.text),
            p.id,
        ])
    return rows


def per_province(passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """Experiences per province, most first (a passage naming two provinces counts for both)."""
    counts = Counter(prov for p in experiences(passages) for prov in {r.province for r in p.regions})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def per_section(passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """Experiences per section, in section order: [("§1 household registration reform", 5), ...]."""
    counts = Counter(p.section.number for p in experiences(passages) if p.section is not None)
    labels = {n: label for label, n in sections(passages)}
    return [(labels[n].rsplit(" (Part", 1)[0], counts[n]) for n in sorted(counts)]
