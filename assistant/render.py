"""Pure functions that turn an ``Answer`` into text, HTML or a citation to copy.

Every piece of the notice or the question is HTML-escaped before it is put
into markup, so nothing a user types or the document holds can run or load.
"""

from __future__ import annotations

import html

from assistant.models import Answer, Citation, CitedRegion, CitedSection
from corpus.models import PART_LABELS, Passage, Region


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


def filters_label(filters: dict[str, list[str]]) -> str:
    """"Hunan, Hebei · §2, §8"; "" when nothing restricts retrieval."""
    parts = []
    if filters.get("provinces"):
        parts.append(", ".join(filters["provinces"]))
    if filters.get("sections"):
        parts.append(", ".join(f"§{s}" for s in filters["sections"]))
    return " · ".join(parts)


def filters_html(filters: dict[str, list[str]]) -> str:
    """The active-filter note shown beside an answer; "" without filters."""
    label = filters_label(filters)
    return f"<p class='nqa-filters'>Filtered to: {html.escape(label)}</p>" if label else ""


def chat_html(answer: Answer) -> str:
    """A chat reply: the active filters (if any), then ``answer_html``."""
    return filters_html(answer.filters) + answer_html(answer)


def citation_choice(c: Citation) -> str:
    """Label of a citation in the selector: "[1] Xiangtan, Hunan · I §2 equal basic public services"."""
    return f"[{c.rank}] {regions_label(c.regions)} · {section_label(c.section)}"


def _region_detail(region: Region) -> str:
    chinese = f" ({region.chinese})" if region.chinese else ""
    return f"{region.label()}{chinese}"


def passage_html(c: Citation, cited: Passage, context: list[Passage]) -> str:
    """The passage viewer: where ``cited`` stands in the notice, then its whole
    section (``context``) with the cited passage framed and its supporting
    sentence (``c.highlight``) marked.

    Example header: "Part I · section 2 (2) equal basic public services",
    "Xiangtan, Hunan (湘潭市)", "line 20, characters 6479–6550".
    """
    where = PART_LABELS.get(cited.part, cited.part)
    if cited.section is not None:
        where += f" · section {cited.section.number} {cited.section.marker} {cited.section.title}"
    regions = "; ".join(_region_detail(r) for r in cited.regions) or "no region named"
    head = (
        f"<h3 class='nqa-viewer-title'>[{c.rank}] {html.escape(where)}</h3>"
        f"<dl class='nqa-viewer-meta'>"
        f"<dt>Region</dt><dd class='nqa-viewer-regions'>{html.escape(regions)}</dd>"
        f"<dt>Source</dt><dd class='nqa-viewer-source'>line {cited.line}, characters "
        f"{cited.start}–{cited.end} · passage {html.escape(cited.id)}</dd></dl>"
    )
    body = []
    for p in context:
        if p.id == cited.id:
            body.append(f"<p class='nqa-context nqa-cited'>{highlighted_html(p.text, c.highlight)}</p>")
        else:
            body.append(f"<p class='nqa-context'>{html.escape(p.text)}</p>")
    return f"<div class='nqa-viewer'>{head}<div class='nqa-viewer-body'>{''.join(body)}</div></div>"


def bar_chart_html(title: str, counts: list[tuple[str, int]]) -> str:
    """A dependency-free horizontal bar chart (plain HTML, nothing fetched).

    Example: bar_chart_html("Per province", [("Hunan", 4), ("Hebei", 2)]) -> two bars, 100% and 50% wide.
    """
    top = max((n for _, n in counts), default=0) or 1
    rows = "".join(
        f"<div class='nqa-bar-row'><span class='nqa-bar-label'>{html.escape(label)}</span>"
        f"<span class='nqa-bar' style='width:{100 * n / top:.0f}%'></span>"
        f"<span class='nqa-bar-count'>{n}</span></div>"
        for label, n in counts
    )
    return f"<figure class='nqa-chart'><figcaption>{html.escape(title)}</figcaption>{rows}</figure>"
