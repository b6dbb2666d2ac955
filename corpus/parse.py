"""The notice's structure: parts, the 13 numbered sections and passages.

Lines are read in order by a small state machine:
- before "The original notice:" is the news summary, then the front matter;
- "I." / "Second," / "Three," open Parts I-III (the line after a heading is
  the part's introduction);
- "(1) (2) (3) (d) (E) (F) (7) (h) (ix) (10) (k) (xii) (xiii)" open sections
  1-13: each marker is read as an arabic number, a roman numeral or a letter's
  place in the alphabet, whichever is the next expected number;
- after section 13, the first line naming no region opens the closing.

Inside a section, the header line's opening sentences without a region are
the lead-in passage, and every pilot experience is a passage of its own
(``corpus.segment``). Headings themselves are not passages.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache

from corpus.models import Part, Passage, SectionRef
from corpus.normalize import normalize
from corpus.regions import Gazetteer, gazetteer
from corpus.segment import experiences, passage_regions, sentence_spans
from corpus.source import data_bytes, notice_text

_NOTICE_MARKER = re.compile(r"The original notice:?\s*$", re.IGNORECASE)
_PART_HEADING = re.compile(r"(I{1,3}|One|Two|Three|First|Second|Third)[.,]\s+\S", re.IGNORECASE)
_PART_WORDS = {"i": "I", "one": "I", "first": "I", "ii": "II", "two": "II", "second": "II",
               "iii": "III", "three": "III", "third": "III"}
_SECTION_MARKER = re.compile(r"\(([0-9]{1,2}|[ivxlc]{1,6}|[a-z])\)\s*", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
DUPLICATE_RATIO = 0.6


@lru_cache(maxsize=1)
def section_data() -> dict:
    return json.loads(data_bytes("sections.json"))


def section_number(marker: str, expected: int) -> int | None:
    """Read a section marker as the expected number if any reading allows it.

    Example: "d" -> 4 when 4 is expected (4th letter); "ix" -> 9 (roman);
    "10" -> 10; "(c)" when 7 is expected -> None.
    """
    return expected if expected in marker_readings(marker) else None


def marker_readings(marker: str) -> list[int]:
    """Every number a section marker can stand for, roman first: "ix" -> [9];
    "d" -> [4] (4th letter); "i" -> [1, 9]; "10" -> [10]."""
    token = marker.lower()
    readings = []
    if token.isdigit():
        readings.append(int(token))
    if token and all(ch in _ROMAN for ch in token):
        readings.append(_roman(token))
    if len(token) == 1 and token.isalpha():
        readings.append(ord(token) - ord("a") + 1)
    return readings


def _roman(token: str) -> int:
    values = [_ROMAN[ch] for ch in token]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def part_name(word: str) -> str | None:
    """The Part a word names: "iii", "three", "third" -> "III"."""
    return _PART_WORDS.get(word.lower())


def _lines(text: str):
    """(line number, start, end) of non-blank lines, whitespace trimmed."""
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, end = offset, offset + len(line)
        offset = end + 1
        while start < end and line[start - (end - len(line))].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield number, start, end


class _Parser:
    def __init__(self, text: str, gaz: Gazetteer):
        self.text, self.gaz = text, gaz
        self.sections = {s["number"]: s for s in section_data()["sections"]}
        self.part: Part = "summary"
        self.section: SectionRef | None = None
        self.counters: dict[str, int] = {}
        self.last_section = 0
        self.passages: list[Passage] = []

    def run(self) -> list[Passage]:
        for number, start, end in _lines(self.text):
            self._line(number, start, end)
        return _mark_duplicates(self.passages)

    def _line(self, number: int, start: int, end: int) -> None:
        line = self.text[start:end]
        if self.part == "summary" and _NOTICE_MARKER.match(line):
            self.part = "front"
            return
        heading = _PART_HEADING.match(line)
        if heading and (target := self._next_part(heading)) is not None:
            self.part, self.section = target, None
            return
        marker = _SECTION_MARKER.match(line)
        expected = self.last_section + 1
        if marker and self.part in ("I", "II", "III") and expected in self.sections:
            num = section_number(marker.group(1), expected)
            if num is not None:
                self._open_section(num, marker.group(0).strip())
                self._section_line(number, start + marker.end(), end, header=True)
                return
        if self.section is None:
            kind = {"summary": "summary", "front": "front", "closing": "closing"}.get(self.part, "part-intro")
            self._add(kind, number, start, end, self._mentions(start, end))
            return
        if self.section.number == max(self.sections) and not self.gaz.find(line):
            self.part, self.section = "closing", None
            self._add("closing", number, start, end, [])
            return
        self._section_line(number, start, end, header=False)

    def _next_part(self, heading: re.Match) -> Part | None:
        """The part a heading opens, if it is the one after the current part."""
        rank = {"summary": 0, "front": 0, "I": 1, "II": 2, "III": 3}
        target = _PART_WORDS[heading.group(1).lower()]
        return target if rank[target] == rank.get(self.part, 9) + 1 else None  # type: ignore[return-value]

    def _open_section(self, number: int, marker: str) -> None:
        data = self.sections[number]
        self.last_section = number
        self.section = SectionRef(number=number, title=data["title"], part=data["part"], marker=marker)

    def _section_line(self, number: int, start: int, end: int, header: bool) -> None:
        spans = sentence_spans(self.text, start, end)
        if header:
            lead = []
            while spans and not self.gaz.find(self.text[spans[0][0] : spans[0][1]]):
                lead.append(spans.pop(0))
            if lead:
                self._add("lead-in", number, lead[0][0], lead[-1][1], [])
        for exp in experiences(self.text, spans, self.gaz):
            self._add("experience", number, exp.start, exp.end, exp.mentions)

    def _mentions(self, start: int, end: int):
        return [m for m in self.gaz.find(self.text[start:end])]

    def _add(self, kind: str, line: int, start: int, end: int, mentions) -> None:
        text = self.text[start:end]
        regions = passage_regions(mentions)
        self.passages.append(
            Passage(
                id=self._id(kind, regions),
                kind=kind,  # type: ignore[arg-type]
                part=self.part,
                section=self.section,
                regions=regions,
                text=text,
                norm_text=normalize(text),
                start=start,
                end=end,
                line=line,
            )
        )

    def _id(self, kind: str, regions) -> str:
        """Stable ids from place in the structure: ``s02-04-xiangtan``,
        ``s02-lead``, ``pII-intro``, ``summary-3``."""
        if kind == "lead-in":
            return f"s{self.section.number:02d}-lead"
        scope = f"s{self.section.number:02d}" if self.section else {"part-intro": f"p{self.part}-intro"}.get(kind, kind)
        self.counters[scope] = self.counters.get(scope, 0) + 1
        slug = re.sub(r"[^a-z0-9]+", "-", regions[0].name.lower()).strip("-") if regions else ""
        return "-".join(x for x in (scope, f"{self.counters[scope]:02d}", slug) if x)


def _mark_duplicates(passages: list[Passage]) -> list[Passage]:
    """Link each summary paragraph that repeats body text to that body passage."""
    body = [p for p in passages if p.section is not None]
    out = []
    for p in passages:
        if p.kind == "summary" and body:
            best = max(body, key=lambda b: difflib.SequenceMatcher(None, p.norm_text, b.norm_text).ratio())
            if difflib.SequenceMatcher(None, p.norm_text, best.norm_text).ratio() >= DUPLICATE_RATIO:
                p = p.model_copy(update={"duplicate_of": best.id})
        out.append(p)
    return out


def parse_notice(text: str, gaz: Gazetteer | None = None) -> list[Passage]:
    """Passages of a notice text (any text: unknown structure gives summary passages)."""
    return _Parser(text, gaz or gazetteer()).run()


@lru_cache(maxsize=1)
def load_passages() -> tuple[Passage, ...]:
    """Passages of the shipped notice."""
    return tuple(parse_notice(notice_text()))
