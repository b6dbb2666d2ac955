"""What a question names: regions (localities, aliases, Chinese names,
provinces), sections (by number or topic); what kind of answer it wants comes
from ``assistant.intent``.

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
from assistant.intent import figure_noun, intent_of
from assistant.spelling import closest_notice_word, english_words, joined_names
from corpus.models import Region
from corpus.parse import marker_readings, part_name, section_data
from corpus.regions import Gazetteer, gazetteer
from corpus.source import data_bytes, notice_text
from index.lexical import content_words

_LABEL = r"\d{1,2}|(?=[ivx])x?(?:ix|iv|v?i{0,3})|[dEeFfHhKk]"  # 1-13, i-xiii, and the letters the translation prints
_SECTION_NUMBER = re.compile(
    rf"\b(?:section|item|point|paragraph|article|clause|no\.)\s*(?:§\s*)?\(?({_LABEL})\)?(?![\w'’-])|"
    rf"§\s*(\d{{1,2}})\b|(?<![\w)])\(({_LABEL})\)",  # "section 8", "item (3)", "§8", "(ix)", "(d)"
    re.IGNORECASE,
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth")
_ENDS = re.compile(  # "the last numbered item in Part III" -> 13, "the third (3rd) section of Part I" -> 3
    rf"\b({'|'.join(_ORDINALS)}|last|final|(?:1[0-3]|[1-9])(?:st|nd|rd|th))\s+(?:numbered\s+)?(?:item|section|point|paragraph)\b"
    r"(?:\s+(?:listed|named|given))?(?:\s+(?:in|of|under)\s+(?:the\s+)?part\s+(iii|ii|i|3|2|1|three|two|one)\b)?",
    re.IGNORECASE,
)
_DIGIT_PARTS = {"1": "i", "2": "ii", "3": "iii"}


def _part_sections(word: str | None, after: str = "") -> list[int]:
    """The sections of the Part a word names, or that the words ``after`` an
    ordinal name by the Part's topic (sections.json), or all of them: "III" ->
    [10, 11, 12, 13]; "first item listed under improving urban construction
    and governance" -> [4, ..., 9]."""
    part = part_name(_DIGIT_PARTS.get(word, word)) if word else _part_by_topic(after)
    return [s["number"] for s in section_data()["sections"] if part is None or s["part"] == part]


_UNDER = re.compile(r"^\s*(?:in|of|under)\b", re.IGNORECASE)


def _part_by_topic(after: str) -> str | None:
    """The Part whose topic words follow "in", "of" or "under" right after an ordinal's item."""
    if not _UNDER.match(after):
        return None
    text = after.casefold()
    return next((part for part, words in section_data()["part_topics"].items() if any(w in text for w in words)), None)


SHORT_FOLLOWUP = 6  # words: a question this short without a place of its own continues the last turn
_OTHER = re.compile(
    r"\bother (places|pilots|cities|counties|districts|regions|localities|areas)\b|"
    r"\b(who|where|anywhere|anyone|which places?) else\b|"  # "Who else built a seed platform?"
    r"\b(another|any other|a different|some other|which other|what other) (place|pilot|city|county|district|region|locality|area)\b|"
    r"\bthe other (one|place|pilot|city|county|district|region|locality|area)\b",  # "another city", "and the other one?"
    re.IGNORECASE,
)
_ELSE = re.compile(r"\b(else|another|more|too|also|as well)\b", re.IGNORECASE)
_WHICH_ONE = re.compile(r"\bwhich (one|place|city|county|district|pilot)\b|\bwho\b", re.IGNORECASE)
_NEW_ACT = re.compile(r"\b(what|how) (did|does|has|have) (it|they) (do|done|did)\b", re.IGNORECASE)
_SECTION_REF = re.compile(r"\b(that|same|this|the previous) (section|topic|area)\b", re.IGNORECASE)
_LEAD = r"^\s*((ok|okay|so|right|alright|well|hmm|cool|thanks),?\s+)?"  # "ok and Yanchi's water?"
_CONTINUES = re.compile(r"^\s*(and|what about|how about|and what about)\b", re.IGNORECASE)  # the last turn goes on
_ELLIPTIC = re.compile(
    rf"{_LEAD}(and|what about|how about|and what about)\b|\b(it|its|they|their|there|that place|that section|"
    r"this place|the same|else|other places|other pilots)\b|"
    r"\b(them|these|those)\b|\b(did|does|was|is|has|had) (that|this)\b|\b(that|this) (policy|measure|programme|program|project|scheme|"
    r"effort|move|step|plan|reform|relocation)\b|"  # "By how much did that lift the urbanization rate?"
    r"\b(?:on|in) (?:that|this|the same) (?:front|regard|respect|score|matter|issue)\b|\bthe same thing\b|"
    r"\b(doing|do) (that|this|so)\b|\b(point|purpose|aim|goal|result) of (that|this)\b",  # "the point of doing that?"
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


_BATCH = re.compile(r"\b(first|second|third|fourth|fifth|sixth|next|upcoming|1st|2nd|3rd|4th|5th|6th) (batch|round)\b",
                    re.IGNORECASE)
_BATCH_PLACES = re.compile(r"\b(cities|places|pilots|pilot areas|areas|localities|counties|regions|members|who|where)\b",
                           re.IGNORECASE)


def unlisted_batch(text: str) -> bool:
    """Does the question ask about a batch of pilots the notice does not list?
    The notice is the third batch's: it names no fourth ("When will the fourth
    batch be announced?"), and only the notices that published the first two
    batches' experience, not their places ("Which cities were in the first batch?")."""
    for m in _BATCH.finditer(text):
        word = m.group(1).lower()
        if word in ("fourth", "fifth", "sixth", "next", "upcoming", "4th", "5th", "6th"):
            return True
        if word in ("first", "second", "1st", "2nd") and _BATCH_PLACES.search(text):
            return True
    return False


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


def in_notice_terms(text: str) -> str:
    """``text`` with each everyday phrase of the glossary replaced by the
    translation's first word for it: "care for old people" -> "care for elderly"."""
    pattern, terms = _glossary()
    return pattern.sub(lambda m: terms[m.group(1).lower()].split(",")[0], text)


_WORD = re.compile(r"(?<![\w'’-])([A-Za-z][a-z]+(?:['’-][A-Za-z]+)*)")


def respelled(question: str, gaz: Gazetteer) -> str:
    """The question with its misspellings put right (``assistant.spelling``):
    a place name split in two joined ("Zhu cheng" -> "Zhucheng"); words that
    the notice, the gazetteer and the glossary do not know, spelled as the
    gazetteer name they are close to ("What did Laohekuo build?" -> "What did
    Laohekou build?"; other Chinese cities such as "Suzhou" stay), or, when
    no English word either, as the notice's word they mistype ("gradutes" ->
    "graduates").
    """
    question = joined_names(question, gaz)
    known, english = notice_words(), english_words()
    out, last = [], 0
    for m in _WORD.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(1))  # "Laohokou's" -> "Laohokou"
        if word.casefold() in known or gaz.lookup(word) is not None or notice_terms(word):
            continue
        if word[0].isupper():
            key = gaz.closest(word) or _one_letter_off(word, gaz, english)
            key = key[0].upper() + key[1:] if key else None
        elif word in english:
            continue
        else:
            key = gaz.closest(word) or _one_letter_off(word, gaz, english) or closest_notice_word(word, known)
        if key:
            out += [question[last : m.start()], key]
            last = m.start() + len(word)
    return "".join(out) + question[last:] if out else question


def _one_letter_off(word: str, gaz: Gazetteer, english: frozenset[str]) -> str | None:
    """The gazetteer name ``word`` mistypes in one letter ("Kaily" -> "kaili"),
    unless ``word`` is an English word ("Human" is no Hunan)."""
    return None if word.casefold() in english else gaz.one_letter_off(word)


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
    return {
        s["number"]: re.compile(r"\b(?:" + "|".join(re.escape(t.lower()) for t in s["topics"]) + ")")
        for s in section_data()["sections"]
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
    counts_items: bool = False  # "how many" something, not how much
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
    unlisted_batch: bool = False  # "the fourth batch", "the first batch's cities": not in the notice
    beyond_notice: bool = False  # asks a person, today's data or a fact no policy report gives (``Intent``)
    how_to: bool = False  # asks for instructions, advice or writing ("How do I apply for a visa?", "Recommend ...")
    before: bool = False  # asks a value before some change ("the rate before the pilot started")
    wants_section: bool = False  # asks under which section something falls: its lead-in answers
    name_of: str = ""  # the kind of institution whose proper name is asked ("hospital")
    switched: bool = False  # goes on with the last turn's topic for a place of its own ("And Changge?")

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
    labels = (next(g for g in m.groups() if g) for m in _SECTION_NUMBER.finditer(text))
    numbers = [marker_readings(label)[0] for label in labels]  # a roman reading first: "(i)" is 1, "(d)" is 4
    for m in _ENDS.finditer(text):
        sections, word = _part_sections(m.group(2), text[m.end() :]), m.group(1).lower()
        place = (len(sections) - 1 if word in ("last", "final") else
                 int(word[:-2]) - 1 if word[0].isdigit() else _ORDINALS.index(word))
        if place < len(sections):
            numbers.append(sections[place])
    return tuple(dict.fromkeys(n for n in numbers if 1 <= n <= 13))


@lru_cache(maxsize=1)
def _part_titles() -> re.Pattern[str]:
    """Any words that name a Part by its title (sections.json), longest first."""
    words = sorted((w for ws in section_data()["part_topics"].values() for w in ws), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


def without_part_titles(text: str) -> str:
    """``text`` without the words that name a Part by its title: they name no
    section's topic, and ask nothing of their own."""
    return _part_titles().sub(" ", text)


def sections_in(text: str) -> tuple[int, ...]:
    """Sections named by number ("section 8", "§8") or by topic words (not
    those of a Part's title)."""
    found = list(numbered_sections(text))
    lowered = without_part_titles(text.lower())  # "under urban construction and governance": not section 9's
    for number, topics in _section_topics().items():
        if number not in found and topics.search(lowered):
            found.append(number)
    return tuple(found)


def analyse(question: str, history: list[str] | None = None, gaz: Gazetteer | None = None,
            continued: bool = False) -> Query:
    """A ``Query`` for ``question``, resolving ellipsis against ``history``
    (earlier user turns, oldest first). ``continued`` reads it as going on
    with the last turn's topic even when it brings a topic of its own: the
    other reading of "How many were there before the merger?" after "What
    administrative changes did Yichun make?"."""
    gaz = gaz or gazetteer()
    asked, question = question, respelled(question, gaz)
    own = regions = regions_in(question, gaz)
    areas = area_provinces(question, gaz)
    terms = notice_terms(question) + printed_spellings(question, gaz)
    intent = intent_of(question)
    bare_section = bool(numbered_sections(question)) and not topic_words(question)  # "What is section 10 about?"
    overview = (intent.overview or bare_section) and not own
    sections = sections_in(" ".join([question, *terms]))
    text, borrowed, excluded, switched = question, (), frozenset(), False
    previous = [h for h in (history or []) if h and h.strip()]
    figure = intent.figure
    if previous and (continued or _ELLIPTIC.search(question) or (not regions and len(question.split()) <= SHORT_FOLLOWUP)):
        last = previous[-1]
        turns = ((h, regions_in(h, gaz)) for h in reversed(previous))
        placed, places = next(((h, r) for h, r in turns if r), (last, ()))  # the latest turn naming a place
        if not regions and _OTHER.search(question):
            excluded = reach(places, gaz)
            # "and the other one?" after "What did Shaoguan do?": the topic, and any section named, are the turn before's
            last = next((h for h in reversed(previous) if topic_words(h)), last)
            sections = sections or numbered_sections(last)
        elif not regions:
            regions = places
            borrowed = tuple(r.name for r in regions)
            if placed is not last:
                last = f"{' '.join(borrowed)} {last}"
        goes_on = _CONTINUES.search(question) and not _NEW_ACT.search(question)  # "And what did it do on buildings?"
        if regions and not own and topic_words(question) and not continued and not goes_on:
            text = " ".join([question, *borrowed])  # "Anything done there for businesses?": a new topic
        elif not regions and _WHICH_ONE.search(question) and len(topic_words(question)) >= 2:
            pass  # "And which one got rural garbage collection up to 95%?": the same kind of question, its own topic
        elif not sections or not own:
            text = f"{gaz.without_names(last) if own else last} {question}"  # "What about Yinchuan?": not the earlier place
            switched = bool(own)
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
        wants_list=intent.wants_list,
        wants_count=bool(figure),
        figure=figure,
        counted=tuple(dict.fromkeys(counted_words(question, terms) + counted_words(text))) if figure else (),
        asks_change=intent.asks_change,
        counts_items=figure == "count" and bool(counted_phrase(question) or figure_noun(question)),
        wants_place=intent.wants_place,
        wants_experience=(intent.about_a_place or bool(excluded)) and not overview,  # another place's: an experience
        wants_overview=overview,
        borrowed=borrowed,
        section_ref=bool(previous and _SECTION_REF.search(question)),
        excluded=excluded,
        wants_else=bool(previous and _ELSE.search(question)),
        absent_capital=unnamed_capital(question, gaz),
        unlisted_batch=unlisted_batch(question),
        beyond_notice=intent.beyond_notice,
        before=intent.before,
        how_to=intent.how_to,
        name_of=intent.name_of,
        wants_section=intent.wants_section or bare_section,  # "What does section 5 cover?": its lead-in
        switched=switched,
    )


PEOPLE = frozenset(  # the notice's words for people counted ("about 100 talent", "0.6 million person-times")
    """people persons person-times residents population talent talents professionals workers farmers volunteers
    trainees participants students teachers doctors villagers households employees""".split()
)


UNITS = frozenset(  # what a count is measured in, not what it counts: "how many tons of carbon emissions"
    "tons tonnes acres mu hectares square meters metres kilometers kilometres km kilograms yuan kilowatts".split()
)
VAGUE = frozenset("services service".split())  # "how many services can be handled at one window": of what
ANYONE = frozenset("people persons person individuals residents inhabitants".split())  # counts any of PEOPLE; "volunteers" only volunteers


def counted_words(question: str, terms: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Words a figure must be near to answer a count: those naming what "how
    many" counts, with the translation's words for them; else the content
    words of the question and its ``terms``.
    Examples: "How many subsidised flats were provided in Yinchuan?" ->
    ("subsidised", "flats", "guaranteed", "housing", "units"); "How much land
    did Tongnan revitalise?" -> ("land", "revitalise")."""
    phrase = counted_phrase(question)
    if not phrase and re.search(r"\bhow many\b", question, re.I):
        return ()  # "How many were there before the merger?" names nothing: any count will do
    phrase = phrase or figure_noun(question)  # "What is Yichun's population now?" counts population, not districts
    people = PEOPLE if set(content_words(phrase)) & ANYONE else ()  # "how many people" counts talent, trainees ...
    words = count_words(" ".join([phrase, *notice_terms(phrase), *people])) if phrase else ()
    if words and set(words) <= UNITS | VAGUE:  # "By how many tons did Fuyang cut its carbon emissions?": tons of what
        return tuple(dict.fromkeys(words + count_words(" ".join([question, *terms]))))
    return words or count_words(" ".join([question, *terms]))
