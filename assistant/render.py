"""Pure functions that turn an ``Answer`` into text, HTML or a citation to copy.

Every piece of the notice or the question is HTML-escaped before it is put
into markup, so nothing a user types or the document holds can run or load.
"""

from __future__ import annotations

import html

from assistant.models import Answer, Citation, CitedRegion, CitedSection
from corpus.models import PART_LABELS


def section_label(section: CitedSection) -> str:
    """"II §8 low-carbon transformation of cities"; "News summary" without a section."""
    if section.number is None:
        return PART_LABELS.get(section.part, section.part)
    return f"{section.part} §{section.number} {section.title}"


def region_label(region: CitedRegion) -> str:
    """"Xiangtan, Hunan"; a province alone: "Guizhou"."""
    return region.name if region.name == region.province else f"{region.name}, {region.province}"


def regions_label(regions: list[CitedRegion]) -> str:
    return "; ".join(region_label(r) for r in regions) or "no region named"


def supporting_sentence(c: Citation) -> str:
    return c.text[c.highlight[0] : c.highlight[1]]


def citation_copy(c: Citation) -> str:
    """A citation to paste elsewhere.

    Example: '"…about 29,000 public rental housing units…" (Xiangtan, Hunan; Part I, section 2)'
    """
    where = PART_LABELS.get(c.section.part, c.section.part)
    if c.section.number is not None:
        where += f", section {c.section.number}"
    place = regions_label(c.regions) if c.regions else "no region named"
    return f"\"…{supporting_sentence(c).strip()}…\" ({place}; {where})"


def answer_text(answer: Answer) -> str:
    """Plain text for the terminal: the answer, then numbered excerpts."""
    lines = [answer.answer]
    for c in answer.citations:
        lines += ["", f"[{c.rank}] {regions_label(c.regions)} | {section_label(c.section)} | {c.passage_id}",
                  f"    {c.text}"]
    return "\n".join(lines)


def highlighted_html(text: str, span: tuple[int, int]) -> str:
    """Escaped text with ``text[span]`` wrapped in <mark>."""
    a, b = span
    return f"{html.escape(text[:a])}<mark>{html.escape(text[a:b])}</mark>{html.escape(text[b:])}"


def answer_html(answer: Answer) -> str:
    """HTML for the chat: the answer sentence, then the numbered excerpts."""
    parts = [f"<p class='nqa-answer'><strong>{html.escape(answer.answer)}</strong></p>"]
    if answer.citations:
        items = "".join(
            f"<div class='nqa-citation' id='cite-{c.rank}'><div class='nqa-where'>[{c.rank}] "
            f"<span class='nqa-region'>{html.escape(regions_label(c.regions))}</span> · "
            f"<span class='nqa-section'>{html.escape(section_label(c.section))}</span></div>"
            f"<div class='nqa-excerpt'>{highlighted_html(c.text, c.highlight)}</div></div>"
            for c in answer.citations
        )
        parts.append(f"<div class='nqa-citations'>{items}</div>")
    return "".join(parts)
