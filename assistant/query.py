"""What a question names: regions (localities, aliases, Chinese names,
provinces), sections (by number or topic), and what kind of answer it wants.

A province reaches every locality in it: "Hunan" -> Chenzhou, Xiangtan.
Follow-ups borrow what an earlier turn named when they name nothing
themselves: ["How many rental units did Xiangtan mobilize?", "What else did
it do?"] -> the second question is about Xiangtan.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.abstain import count_words, counted_phrase, notice_words, topic_words
from corpus.models import Region
from corpus.regions import Gazetteer, gazetteer
from corpus.source import data_bytes, notice_text

_SECTION_NUMBER = re.compile(r"\bsection\s*(?:§\s*)?(\d{1,2})\b|§\s*(\d{1,2})\b", re.IGNORECASE)
_PLURAL_PLACES = r"(places|pilots|pilot areas|cities|counties|regions|localities|districts|areas|experiences|examples|practices)"
_LIST = re.compile(
    rf"^\s*(list|name)\b|\b(which|what)( [\w-]+){{0,3}} {_PLURAL_PLACES}\b|\ball (the )?{_PLURAL_PLACES}\b|"
    rf"\b(?-i:[A-Z][a-z]+) {_PLURAL_PLACES}\b|"  # "Chongqing districts"
    rf"\b(what|how) (did|have|has) (the )?{_PLURAL_PLACES}\b|\bwhat (did|has|have) .{{1,60}}? (do|done)\b|"
    r"\ball (the )?(things|ways|measures|steps|initiatives|efforts)\b|\beverything\b|\beach (case|time|one)\b|"
    r"\b(more than one|several|multiple|different) (sections|times|parts|places)\b|"  # "everything Nanjing did"
    r"\blist (them|all|every|each)\b|\ba list of\b|\b(give|show|tell) me all\b|"
    r"\b(all|every|each) (the )?(place|city|cities|county|counties|pilots?|districts?|localit(y|ies)|amounts|figures|"
    r"rates|numbers|percentages|percentage rates|loan amounts)\b",  # "How much did each place lend?"
    re.IGNORECASE,
)
_COUNT = re.compile(r"\b(how many|how much|what (number|amount|share|percentage|rate)|how large|how big)\b", re.I)
_FIGURE_NOUN = re.compile(  # "What rate / population / budget ...": a figure too, when the question asks for it
    r"\b(what|which)(\s+[\w'-]+){0,4}?\s+(rate|percentage|share|proportion|ratio|population|budget|cost|price|gdp|"
    r"income|revenue|salary|wages?|investment|spending|expenditure|funding)\b"
    r"(?!\s+(flows?|movements?|mobility|structure|polic(y|ies)|reform|management|control|services|registration))",
    re.I,
)
_PERSON = re.compile(
    r"\bwho (is|was|are|were) (the )?(current |present |former |new )?(\w+ ){0,2}?(chair(man|woman|person)?|director|head|"
    r"minister|mayor|governor|secretary|president|leader|founder|author|premier|ceo|boss)\b",
    re.IGNORECASE,
)
_WHO_DID = re.compile(r"\bwho (won|wins|wrote|painted|invented|founded|discovered|sang|directed|starred|composed|scored)\b", re.I)
_LIVE = re.compile(  # asks for today's data; the notice is a dated document
    r"\b(today|today's|tomorrow|tonight|this week|this weekend|right now|currently|nowadays|latest)\b|"
    r"\bcurrent (?!notice\b|document\b|text\b)\w+",
    re.IGNORECASE,
)
_HOW_TO = re.compile(  # personal instructions, advice or writing: "How do I ...?", "Recommend a ...", "Write me a poem"
    r"^\s*(how|where|what) (do|can|should|could|would) (i|we)\b|^\s*how (do|can|should) (you|one)\b|^\s*how does one\b|"
    r"^\s*(can you |could you |please )?(recommend|suggest|write|compose)\b|^\s*explain how\b",
    re.IGNORECASE,
)
_WHICH_SECTION = re.compile(  # "In which section would I find the smart parking examples?"
    r"\b(which|what) (section|heading|part|theme|chapter)\b|\bunder (what|which) (heading|section|theme|topic)\b|"
    r"\billustrates? (which|what) (theme|topic|section)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\bby how much\b|\b(increase[sd]?|rais(e|ed)|rise|rose|risen|lift(ed)?|boost(ed)?|gr[eo]w(n|th)?|chang(e|ed)|"
    r"improve[sd]?|drop(ped)?|f[ae]ll|cut|go(ne)? up|went up|go(ne)? down|went down)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(  # "When was ...?" asks for a date; "When old estates were retrofitted, ...?" does not
    r"\b(in )?(what|which) year\b|^\s*when (was|were|did|does|do|is|will|has|had|can)\b|\bsince when\b|\bwhat date\b",
    re.I,
)
_PERCENT = re.compile(r"\b(rates?|percentage|percent|per cent|proportion|ratio|fraction)\b|\b(what|which) share\b", re.I)
_MONEY = re.compile(
    r"\bhow much\b.{0,60}?\b(spen[dt]|spending|costs?|invest(ed|ment)?|len[dt]|lending|loans?|borrow(ed)?|"
    r"fund(s|ed|ing)?|money|pa(y|id)|budget|yuan|rmb|dollars?|subsid\w*|financ\w*|credit)\b|"
    r"\b(budget|cost|price|income|revenue|salary|wages?|investment|spending|expenditure|funding)\b",
    re.I,
)
_WHERE = re.compile(r"\b(where|which (place|city|county|district|region|province))\b", re.IGNORECASE)
_ABOUT_A_PLACE = re.compile(
    r"\b(one|a|an|any|which|what|some|another|certain|particular)\s+(\w+\s+){0,2}?"
    r"(place|places|city|cities|county|counties|pilot|pilots|district|districts|town|towns|locality|"
    r"localities|region|regions|area|areas|municipality|province|prefecture)\b|\b(where|who|anywhere|somewhere|anyone)\b",
    re.IGNORECASE,
)
_OVERVIEW = re.compile(
    r"\b(main (focus|thrust|directions?|measures|priorities|ideas?|points?|tasks?)|general (approach|direction)|overall|"
    r"in general|key (levers|measures|priorities|points|tasks)|broadly|the notice (say|says|propose|proposes|call|"
    r"calls|list|lists|want|wants|ask|asks)|should)\b",
    re.IGNORECASE,
)
SHORT_FOLLOWUP = 6  # words: a question this short without a place of its own continues the last turn
_OTHER = re.compile(
    r"\bother (places|pilots|cities|counties|districts|regions|localities|areas)\b|"
    r"\b(who|where|anywhere|anyone|which places?) else\b",  # "Who else built a seed platform?"
    re.IGNORECASE,
)
_ELSE = re.compile(r"\b(else|another|more|too|also|as well)\b", re.IGNORECASE)
_SECTION_REF = re.compile(r"\b(that|same|this|the previous) (section|topic|area)\b", re.IGNORECASE)
_CONTINUES = re.compile(r"^\s*(and|what about|how about|and what about)\b", re.IGNORECASE)  # the last turn goes on
_ELLIPTIC = re.compile(
    r"^\s*(and|what about|how about|and what about)\b|\b(it|its|they|their|there|that place|that section|"
    r"this place|the same|else|other places|other pilots)\b|"
    r"\b(did|does|was|is|has|had) (that|this)\b|\b(that|this) (policy|measure|programme|program|project|scheme|"
    r"effort|move|step|plan|reform|relocation)\b",  # "By how much did that lift the urbanization rate?"
    re.IGNORECASE,
)


_AREA = re.compile(
    r"\b(north-?east|north-?west|south-?west)(?:ern)?\b|\b(north|east|central|south)(?:ern)? china\b", re.IGNORECASE
)
_CAPITAL = re.compile(r"\b(?:capital (?:city )?of (?:the )?([A-Z][\w ]+?)\b|([A-Z][\w]+(?: [A-Z][\w]+)?)(?:'s)? (?:provincial |regional )?capital)\b")


@lru_cache(maxsize=1)
def _geography() -> tuple[dict[str, list[str]], dict[str, str]]:
    data = json.loads(data_bytes("gazetteer.json"))
    return data["areas"], data["capitals"]


def described_regions(text: str, gaz: Gazetteer) -> tuple[tuple[Region, ...], set[str]]:
    """Regions a question describes instead of naming, and the provinces whose
    name only served to describe a capital: "a northeastern city" -> Liaoning,
    Jilin, Heilongjiang; "the Ningxia capital" -> Yinchuan (not all of Ningxia)."""
    _, capitals = _geography()
    found: list[Region] = []
    consumed: set[str] = set()
    found += area_provinces(text, gaz)
    for m in _CAPITAL.finditer(text):
        province = gaz.lookup(m.group(1) or m.group(2))
        capital = capitals.get(province.province) if province is not None and province.is_province else None
        if capital:
            found.append(gaz.localities[capital])
            consumed.add(province.name)
    return tuple(dict.fromkeys(found)), consumed


def unnamed_capital(text: str, gaz: Gazetteer) -> str | None:
    """A province whose capital the question asks about though the notice
    never names it: "What is the capital of Heilongjiang?" -> "Heilongjiang"
    (Harbin is no pilot; Yichun's passage is no answer)."""
    _, capitals = _geography()
    for m in _CAPITAL.finditer(text):
        province = gaz.lookup(m.group(1) or m.group(2))
        if province is not None and province.is_province and province.province not in capitals:
            return province.name
    return None


@lru_cache(maxsize=1)
def _glossary() -> tuple[re.Pattern[str], dict[str, str]]:
    terms = {k.lower(): v for k, v in json.loads(data_bytes("glossary.json"))["terms"].items()}
    alternation = "|".join(re.escape(k) for k in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE), terms


def notice_terms(text: str) -> tuple[str, ...]:
    """The translation's words for everyday ones in ``text`` (corpus/data/glossary.json).
    Example: "Did Anshan ease hukou transfers?" -> ("household registration, settlement",)."""
    pattern, terms = _glossary()
    return tuple(dict.fromkeys(terms[m.group(1).lower()] for m in pattern.finditer(text)))


_WORD = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:['’-][A-Za-z]+)*)")


def respelled(question: str, gaz: Gazetteer) -> str:
    """The question with capitalised words that the notice, the gazetteer and
    the glossary do not know, but that are close to a gazetteer name, spelled
    as the gazetteer does: "What did Laohekuo build?" -> "What did Laohekou
    build?". Other Chinese cities are left alone ("Suzhou" stays)."""
    known = notice_words()
    out, last = [], 0
    for m in _WORD.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(1))  # "Laohokou's" -> "Laohokou"
        if word.casefold() in known or gaz.lookup(word) is not None or notice_terms(word):
            continue
        key = gaz.closest(word)
        if key:
            out += [question[last : m.start()], key[0].upper() + key[1:]]
            last = m.start() + len(word)
    return "".join(out) + question[last:] if out else question


def printed_spellings(question: str, gaz: Gazetteer) -> tuple[str, ...]:
    """How the notice spells the localities the question names, where the
    question spells them otherwise: "What did Shexian do?" -> ("Shuixian
    County", "Shibixian County")."""
    text = notice_text()
    out: list[str] = []
    for m in gaz.find(question, ignore_case=True):
        if not m.region.is_province:
            out += [a for a in gaz.printed_names(m.region, text) if a.casefold() not in question.casefold()]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _section_topics() -> dict[int, re.Pattern[str]]:
    """One pattern per section matching any of its topic words at a word start."""
    data = json.loads(data_bytes("sections.json"))
    return {
        s["number"]: re.compile(r"\b(?:" + "|".join(re.escape(t.lower()) for t in s["topics"]) + ")")
        for s in data["sections"]
    }


@dataclass(frozen=True)
class Query:
    question: str  # as asked, after validation
    text: str  # what is searched (with an earlier turn for elliptical follow-ups)
    spelled: str = ""  # the question with misspelled place names corrected ("Laohekuo" -> "Laohekou")
    regions: tuple[Region, ...] = ()  # as named in the question
    localities: frozenset[str] = frozenset()  # names reached, provinces expanded
    sections: tuple[int, ...] = ()
    numbered: tuple[int, ...] = ()  # the sections named by number ("section 8", "§8"), not by topic
    wants_list: bool = False
    wants_count: bool = False
    figure: str | None = None  # the figure asked for: "year", "money", "percent" or "count"
    counted: tuple[str, ...] = ()  # words a figure must be near, one of them at least
    asks_change: bool = False  # asks by how much something changed ("By how much did the rate rise?")
    wants_place: bool = False
    wants_experience: bool = False  # asks what some place did ("How did one city ...?"), not a section's thrust
    wants_overview: bool = False  # asks for a section's thrust ("What is the main focus of ...?")
    borrowed: tuple[str, ...] = field(default_factory=tuple)
    terms: tuple[str, ...] = ()  # the translation's words for everyday ones in the question, also searched
    hinted: frozenset[str] = frozenset()  # localities reached only through an area ("a northeastern city")
    section_ref: bool = False  # "that section", "the same section": the previous answer's
    excluded: frozenset[str] = frozenset()  # "other places": the earlier turn's places, left out
    wants_else: bool = False  # "what else": the earlier answer's passage goes last
    demoted: str | None = None  # that passage's id, once the assistant knows it
    absent_capital: str | None = None  # "the capital of Heilongjiang": a city the notice never names
    person: bool = False  # asks who holds an office or did a deed ("Who won ...?"): the notice names no one
    how_to: bool = False  # asks for instructions, advice or writing ("How do I apply for a visa?", "Recommend ...")
    live: bool = False  # asks for today's data ("today's exchange rate", "the current mayor")
    wants_section: bool = False  # asks under which section something falls: its lead-in answers

    @property
    def asked(self) -> str:
        """The question with the translation's terms for its everyday words."""
        return " ".join([self.spelled or self.question, *self.terms])


def area_provinces(text: str, gaz: Gazetteer) -> tuple[Region, ...]:
    """Provinces of the geographic areas a text describes: "in the northeast" -> Liaoning, Jilin, Heilongjiang."""
    areas, _ = _geography()
    names = [n for m in _AREA.finditer(text) for n in areas[(m.group(1) or m.group(2)).lower().replace("-", "")]]
    return tuple(gaz.provinces[n] for n in dict.fromkeys(names))


_QUALIFYING_GAP = re.compile(r"[\s,()（）-]*(?:\b(?:in|of)\b)?[\s,()（）-]*", re.IGNORECASE)


def qualifying_provinces(text: str, gaz: Gazetteer) -> set[str]:
    """Provinces named right beside one of their own localities, to say which
    place is meant ("Zhucheng, Shandong", "Meihekou (Jilin)", "Hebei Lulong",
    "Shuixian County in Hebei"), not to ask about the whole province."""
    mentions = gaz.find(text, ignore_case=True)
    found = set()
    for a, b in zip(mentions, mentions[1:]):
        pair = {a.region.is_province, b.region.is_province}
        if pair == {True, False} and _QUALIFYING_GAP.fullmatch(text[a.end : b.start]):
            province, place = (a.region, b.region) if a.region.is_province else (b.region, a.region)
            if place.province == province.name:
                found.add(province.name)
    return found


def regions_in(text: str, gaz: Gazetteer) -> tuple[Region, ...]:
    """Regions named (any spelling) or described ("a northeastern city"); a
    province that only qualifies a locality beside it is left out."""
    described, consumed = described_regions(text, gaz)
    capital = unnamed_capital(text, gaz)
    consumed |= qualifying_provinces(text, gaz) | ({capital} if capital else set())
    named = [m.region for m in gaz.find(text, ignore_case=True) if m.region.name not in consumed]
    return tuple(dict.fromkeys([*named, *described]))


def reach(regions, gaz: Gazetteer) -> frozenset[str]:
    """Names of every region the question reaches (provinces include their localities)."""
    names = set()
    for r in regions:
        names.add(r.name)
        if r.is_province:
            names.update(loc.name for loc in gaz.localities_in(r.name))
    return frozenset(names)


def numbered_sections(text: str) -> tuple[int, ...]:
    """Sections named by number: "What does section 8 say?" -> (8,)."""
    return tuple(dict.fromkeys(int(a or b) for a, b in _SECTION_NUMBER.findall(text) if 1 <= int(a or b) <= 13))


def sections_in(text: str) -> tuple[int, ...]:
    """Sections named by number ("section 8", "§8") or by topic words."""
    found = list(numbered_sections(text))
    lowered = text.lower()
    for number, topics in _section_topics().items():
        if number not in found and topics.search(lowered):
            found.append(number)
    return tuple(found)


def analyse(question: str, history: list[str] | None = None, gaz: Gazetteer | None = None) -> Query:
    """A ``Query`` for ``question``, resolving ellipsis against ``history``
    (earlier user turns, oldest first)."""
    gaz = gaz or gazetteer()
    asked, question = question, respelled(question, gaz)
    own = regions = regions_in(question, gaz)
    areas = area_provinces(question, gaz)
    terms = notice_terms(question) + printed_spellings(question, gaz)
    bare_section = bool(numbered_sections(question)) and not topic_words(question)  # "What is section 10 about?"
    overview = (bool(_OVERVIEW.search(question)) or bare_section) and not own
    sections = sections_in(" ".join([question, *terms]))
    text, borrowed, excluded = question, (), frozenset()
    previous = [h for h in (history or []) if h and h.strip()]
    figure = figure_wanted(question)
    if previous and (_ELLIPTIC.search(question) or (not regions and len(question.split()) <= SHORT_FOLLOWUP)):
        last = previous[-1]
        placed = next((h for h in reversed(previous) if regions_in(h, gaz)), last)  # the latest turn naming a place
        if not regions and _OTHER.search(question):
            excluded = reach(regions_in(placed, gaz), gaz)
        elif not regions:
            regions = regions_in(placed, gaz)
            borrowed = tuple(r.name for r in regions)
            if placed is not last:
                last = f"{' '.join(borrowed)} {last}"
        if regions and not own and topic_words(question) and not _CONTINUES.search(question):
            text = " ".join([question, *borrowed])  # "Anything done there for businesses?": a new topic
        elif not sections or not own:
            text = f"{_without_regions(last, gaz) if own else last} {question}"
    return Query(
        question=asked,
        spelled=question,
        text=" ".join([text, *terms]),
        terms=terms,
        regions=regions,
        localities=reach(regions, gaz),
        hinted=reach(areas, gaz) - reach([r for r in regions if r not in areas], gaz),
        sections=sections,
        numbered=numbered_sections(question),
        wants_list=bool(_LIST.search(question)),
        wants_count=bool(figure),
        figure=figure,
        counted=tuple(dict.fromkeys(counted_words(question, terms) + counted_words(text))) if figure else (),
        asks_change=bool(_CHANGE.search(question)),
        wants_place=bool(_WHERE.search(question)),
        wants_experience=bool(_ABOUT_A_PLACE.search(question)) and not overview,
        wants_overview=overview,
        borrowed=borrowed,
        section_ref=bool(previous and _SECTION_REF.search(question)),
        excluded=excluded,
        wants_else=bool(previous and _ELSE.search(question)),
        absent_capital=unnamed_capital(question, gaz),
        person=bool(_PERSON.search(question) or _WHO_DID.search(question)),
        live=bool(_LIVE.search(question)),
        how_to=bool(_HOW_TO.search(question)),
        wants_section=bool(_WHICH_SECTION.search(question)),
    )


def figure_wanted(question: str) -> str | None:
    """The kind of figure a question asks for, if any: "year" ("When was
    Longgang City set up?"), "money" ("How much did Zibo lend?"), "percent"
    ("What is the consultation rate in Zhucheng?"), else "count" ("How many
    rental units ...?"), or None."""
    if _YEAR.search(question):
        return "year"
    count = _COUNT.search(question) or _FIGURE_NOUN.search(question)
    place = _WHERE.search(question)
    if not count or (place and place.start() < count.start()):  # "Which city lifted the cap on how many ...?"
        return None
    if _MONEY.search(question):
        return "money"
    return "percent" if _PERCENT.search(question) else "count"


def counted_words(question: str, terms: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Words a figure must be near to answer a count: those naming what "how
    many" counts, with the translation's words for them; else the content
    words of the question and its ``terms``.
    Examples: "How many subsidised flats were provided in Yinchuan?" ->
    ("subsidised", "flats", "guaranteed", "housing", "units"); "How much land
    did Tongnan revitalise?" -> ("land", "revitalise")."""
    phrase = counted_phrase(question)
    words = count_words(" ".join([phrase, *notice_terms(phrase)])) if phrase else ()
    return words or count_words(" ".join([question, *terms]))


def _without_regions(text: str, gaz: Gazetteer) -> str:
    """The earlier turn with its place names removed, so that "What about
    Yinchuan?" searches Yinchuan, not the place asked about before."""
    for m in reversed(gaz.find(text, ignore_case=True)):
        text = text[: m.start] + text[m.end :]
    return text
