"""Sentences and pilot experiences inside one line of the notice.

Sections 9-13 pack several regions' examples into one line, and even one
sentence can hold two ("Xiangtan ... 29,000 units, and Yinchuan ... 45,000").
An experience starts where a region chain names a place that the running
experience does not already name: at its sentence's start when the chain opens
the sentence, else after the last comma before the chain.

Example: "A, Hunan, did x, and B, Ningxia, did y." -> ["A, Hunan, did x",
"B, Ningxia, did y."] (the joining ", and " belongs to neither).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.models import Passage, Region
from corpus.regions import Gazetteer, Mention

MIN_SENTENCE = 20  # characters; a shorter fragment belongs to the sentence before
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”]?\s+(?=[\"“(]?[A-Z0-9])")
_CHAIN_GAP = re.compile(r"(?:,\s*|\s+|\s+in\s+|'s\s+|,?\s+and\s+)")
_LEADING_JOINER = re.compile(r"(?:and|while|whereas)\s+")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as absolute spans, whitespace trimmed."""
    spans, cursor = [], start
    for m in _SENTENCE_BREAK.finditer(text, start, end):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, end))
    merged: list[tuple[int, int]] = []
    for a, b in (s for s in (_trim(text, a, b) for a, b in spans) if s[0] < s[1]):
        if merged and b - a < MIN_SENTENCE:
            merged[-1] = (merged[-1][0], b)  # "... etc. Settlement." stays one sentence
        else:
            merged.append((a, b))
    return merged


_CLAUSE_BREAK = re.compile(r"(?<=[,;:.!?])\s+")
MIN_CLAUSE_WORDS = 8  # a window closes once it holds this many words


def clause_windows(text: str, min_words: int = MIN_CLAUSE_WORDS) -> list[tuple[int, int]]:
    """Spans of consecutive clauses of ``text`` (split after , ; : . ! ?), each
    closed once it holds ``min_words`` words (a short tail joins the last one),
    then every pair of neighbouring windows. The notice's run-on sentences pack
    several measures; a question about one of them matches its window better
    than the whole passage.

    Example: clause_windows("A did x, y and z, B did w.", min_words=3) ->
    [(0, 8), (9, 17), (18, 26), (0, 17), (9, 26)]: "A did x,", "y and z,",
    "B did w.", then the two neighbouring pairs.
    """
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    windows: list[tuple[int, int]] = []
    start = 0
    for a, b in zip(cuts, cuts[1:]):
        if len(text[start:b].split()) >= min_words:
            windows.append(_trim(text, start, b))
            start = b
    if start < len(text) and text[start:].strip():
        tail = _trim(text, start, len(text))
        windows[-1:] = [(windows[-1][0], tail[1])] if windows else [tail]
    windows = [w for w in windows if w[0] < w[1]]
    return windows + [(x[0], y[1]) for x, y in zip(windows, windows[1:])]


def _trim(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def chains(text: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Group mentions joined only by separators: "Huadu District, Guangzhou,
    Guangdong Province" and "Jinan, Shandong Province and Kunming" are one chain each."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups and _CHAIN_GAP.fullmatch(text[groups[-1][-1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


@dataclass
class Experience:
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)

    def knows(self, chain: list[Mention]) -> bool:
        """True when the chain adds no new place: the same localities, or a
        province (e.g. "Jilin Normal University") the experience already covers."""
        names = {m.region.name for m in self.mentions}
        provinces = {m.region.province for m in self.mentions}
        return all(
            m.region.name in names or (m.is_province and m.region.province in provinces)
            for m in chain
        )


def experiences(text: str, spans: list[tuple[int, int]], gaz: Gazetteer) -> list[Experience]:
    """Split sentences (absolute spans into ``text``) into experiences."""
    found: list[Experience] = []
    for s_start, s_end in spans:
        mentions = [_shift(m, s_start) for m in gaz.find(text[s_start:s_end])]
        for i, chain in enumerate(chains(text, mentions)):
            current = found[-1] if found else None
            if current is not None and current.knows(chain):
                current.mentions.extend(chain)
            elif current is None or i == 0:
                found.append(Experience(s_start, s_end, list(chain)))
            else:
                _split(text, found, chain)
        if found:
            found[-1].end = max(found[-1].end, s_end)
        else:
            found.append(Experience(s_start, s_end, []))
    return found


def _split(text: str, found: list[Experience], chain: list[Mention]) -> None:
    """A new place mid-sentence: cut after the last comma before it, or keep
    it in the running experience when no comma separates them."""
    current = found[-1]
    floor = max([current.start, *(m.end for m in current.mentions)])
    comma = text.rfind(",", floor, chain[0].start)
    if comma < 0:
        current.mentions.extend(chain)
        return
    current.end = _trim(text, current.start, comma, " ,;")[1]
    found.append(Experience(_skip_joiner(text, comma + 1, chain[0].start), chain[-1].end, list(chain)))


def _shift(m: Mention, offset: int) -> Mention:
    return Mention(m.start + offset, m.end + offset, m.region)


def _skip_joiner(text: str, start: int, limit: int) -> int:
    start = _trim(text, start, limit)[0]
    m = _LEADING_JOINER.match(text, start, limit)
    return m.end() if m else start


def passage_regions(mentions: list[Mention]) -> tuple[Region, ...]:
    """Localities in order of first mention; a province alone only when no
    named locality lies in it ("Guizhou will promote...")."""
    localities = [m.region for m in mentions if not m.is_province]
    covered = {r.province for r in localities}
    provinces = [m.region for m in mentions if m.is_province and m.region.province not in covered]
    out: list[Region] = []
    for region in [*localities, *provinces]:
        if region not in out:
            out.append(region)
    return tuple(out)


def shared_tails(passages: list[Passage], text: str) -> dict[int, tuple[int, ...]]:
    """The experiences that share one sentence of ``text`` with a later one,
    keyed by the sentence's last experience: its closing clause gives the
    purpose of them all. "Chenzhou ... about 120,000 [places], Hainan
    Qiongzhong ... about 0.4 million places, the eighth elementary school in
    Gu'an ... about 0.2 million, ... especially [for] migrant children" ->
    {Gu'an: (Chenzhou, Qiongzhong)}."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    line_sentences: dict[int, list[tuple[int, int]]] = {}  # a line's sentences, split once
    for i, p in enumerate(passages):
        if p.kind != "experience":
            continue
        line_start = text.rfind("\n", 0, p.start) + 1
        if line_start not in line_sentences:
            line_end = text.find("\n", p.start)
            line_sentences[line_start] = sentence_spans(text, line_start, len(text) if line_end < 0 else line_end)
        span = next((s for s in line_sentences[line_start] if s[0] <= p.start < s[1]), None)
        if span is not None:
            by_sentence.setdefault(span, []).append(i)
    tails = {}
    for group in (sorted(g, key=lambda i: passages[i].start) for g in by_sentence.values() if len(g) > 1):
        tails[group[-1]] = tuple(group[:-1])
    return tails
