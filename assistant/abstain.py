"""Deciding that the notice does not cover a question, from several signals.

1. Dense evidence: the best cosine similarity of any allowed passage is below
   ``dense_threshold``, and no passage carries every topic word of the
   question (two or more, by stem): "which pilots did something about
   elderly care" matches at 0.27, but Meihekou's passage has "elderly care".
2. Unknown place: the question names a proper noun that the notice never
   uses (e.g. "Shenzhen") and no region of the notice, and the best passage is
   not a near-verbatim match (cosine below ``unknown_name_override``): another
   place's passage is no answer. A question that also names a region of the
   notice may only mention the unknown name ("Which school in Hainan, tied to
   a Wuhan university, ...?"): it is answered when that region's best passage
   reaches ``unknown_name_region_override`` ("the Shaolin Temple in Dengfeng"
   does not).
A question that names a region of the notice and asks nothing more ("What
did pilots in Hebei do?") is always answered from that region's passages.
3. Region mismatch: the question names a locality of the notice, but none of
   that locality's passages is close to the question (best cosine of them or
   their clause windows below ``region_threshold``; unless, for a question
   that asks for no figure, one of them carries ``region_coverage_override``
   of its topic words: "What did Miyun do so that locals have somewhere to
   keep fit?" matches at 0.38 but carries "fitness", "exercise"), or none carries enough of what the question
   asks about: the share of its topic words (content words that are not place
   names or question words) found in the passage, a word counting as found
   when the passage has a word whose embedding has cosine >= ``WORD_MATCH``
   with it, is below ``coverage_min``. Example: "How many public rental
   housing units did Chenzhou mobilize?" -> Chenzhou's only passage is about
   school places: coverage 0/5 -> abstain.

4. Absent region: the question names a region of the gazetteer that no
   searched passage is about ("Which pilots are located in Tibet?").

5. Foreign topic: under ``notice_coverage_min`` of the question's topic
   words occur in the notice, exactly or as a word with embedding cosine >=
   ``WORD_MATCH`` ("Best hotpot restaurants in Chongqing?": hotpot,
   restaurants -> 0/2), however well the named place's passages match.

   Unless the question, without place names, still matches some passage at
   ``coverage_override``: a paraphrase in everyday words ("How did Changyang
   squeeze more out of idle plots?") is no foreign topic.

6. Missing figure: a figure question whose candidate passages (the named
   region's, else the best three) give no figure of the kind asked
   (``assistant.intent.figure_wanted``): a year or month for "When was ...?";
   a sum in yuan for "How much was lent?"; a percentage for a rate (a change
   in percentage points only when the question asks for a change); else a
   count (no percentage, year, ordinal or name like "5G") within a few words
   of what "how many" counts: "How many buses run in Shexian?" -> "covering
   about 80 administrative villages" counts villages, not buses -> abstain.

7. Borrowed similarity: a question that names a place of the notice and
   asks something of its own matches that place's passages through the name
   alone when, with the place names taken out, its best cosine is below
   ``topic_threshold``: "Are the hot springs in Tengchong worth a visit?"
   matches Tengchong's smart-city passage, but "Are the hot springs worth a
   visit?" matches nothing in the notice. Unless, for a question that asks
   no figure, the place's passage carries ``CARRIED`` of its topic words.

8. An office holder or a deed's doer ("Who is the NDRC's chairman?", "Who
   won the downhill?"): the notice names no person. Today's data ("today's
   exchange rate", "the current mayor", "GDP growth in 2023", a year after
   any the notice names): the notice is a dated document. A kind of fact no
   policy report gives ("the symptoms of covid-19", "gold medals"), however
   close its subject comes to a passage (Yingde's epidemic measures).
   The capital of a province whose capital is no pilot ("the capital of
   Heilongjiang") is an absent region (4).

9. Personal instructions ("How do I apply for a visa?"): the notice reports
   what pilots did; such a question is answered only when some passage
   matches it at ``how_to_threshold``.

Thresholds are settings (``NOTICEQA_ABSTAIN_THRESHOLD`` ...), tuned on the
``dev`` split of the QA set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.regions import gazetteer
from corpus.source import notice_text
from index.lexical import content_words, stem

_CAPITALISED = re.compile(r"(?<![\w'])([A-Z][a-z]+(?:[-'][A-Za-z]+)*)(?![A-Z])")  # not "IoT", an acronym
_COMMON = frozenset(
    """what which who whom whose where when why how did does do is are was were can could would should
    will tell list name give show please according describe explain in on at of for to from by with the a an
    and or but if about under than this that these those there it its they their i we you my our your
    notice pilot pilots province provinces city cities county district town chinese china ndrc state council
    part section english beijing""".split()
)


WORD_MATCH = 0.6
CARRIED = 0.5  # share of its topic words a named place's passage carries, so that no similarity is borrowed
_GENERIC = frozenset(
    """what which who where when how did does do done is are was were can could would tell list name give show walk
    all any other else pilot pilots place places region regions city cities county counties district
    districts area areas locality localities province provinces mention mentioned named notice say says
    said experience experiences practice practices example examples exploration explore explored about
    in of the a an and or to for from on there their its it they them this that many much has have
    according kind kinds type types sort way ways thing things one ones like what's whats they're they've it's
    that's there's without after before actually really very quite pretty specifically precisely basically
    briefly simply mainly mostly chiefly primarily largely also just please you your i i'm me want wants got
    get gets put run runs cited called
    highlight highlighted listed described describe anyone anywhere somewhere anything everything something anybody
    last first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth two three number numbered marked labelled labeled lettered tagged summarize summarise summary focus focuses focused
    thrust gist essence crux outline overview stuff slogan slogans motto mottos catchphrase tagline
    some such into onto over under between through during with within out up down off then than still now
    today currently current happened happen altogether overall exactly roughly approximately shows appears appear
    appeared once twice times several more multiple each every case cases credited feature features featured
    make makes making main talk talks talking discuss discusses discussed discussing concern concerns address addresses
    section sections item items point points paragraph paragraphs article articles clause clauses
    topic topics theme themes heading headings subject deal deals cover covers covered illustrate
    illustrates illustrated part parts north northern south southern east eastern west western northeast
    northeastern northwest northwestern southwest southwestern southeast southeastern central""".split()
)


@dataclass(frozen=True)
class Evidence:
    best_dense: float
    region_best: float | None  # best cosine among the named regions' passages
    unknown_names: tuple[str, ...]
    topic_words: tuple[str, ...] = ()  # what the question asks beyond naming places
    names_region: bool = False
    coverage: float | None = None  # share of topic words the named region's best passage carries
    figure_missing: bool = False  # a "how many" question, and no figure near its topic words
    region_absent: bool = False  # it names a region (e.g. "Tibet") none of whose passages is searched
    notice_coverage: float | None = None  # share of topic words the notice uses (exactly or a close word)
    topic_best: float | None = None  # best cosine of the question without its place names, when it names one
    names_section: bool = False  # names a section by number ("What is section 10 about?")
    beyond_notice: bool = False  # asks a person, today's data ("today's exchange rate") or a fact no report gives
    how_to: bool = False  # asks for personal instructions ("How do I ...?")
    figure: bool = False  # asks for a figure ("How many ...?", "What rate ...?")
    spelled_out: bool = False  # one of the best passages carries every topic word (two or more), by stem
    name_missing: bool = False  # asks an institution's name, and no best passage names one of that kind


@lru_cache(maxsize=1)
def notice_words() -> frozenset[str]:
    """Every word of the notice, case-folded."""
    return frozenset(w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", notice_text()))


_GLOSS = re.compile(r"\(([A-Z][a-z]+)\)")  # "the Nordic (Denmark) Industrial Park"


@lru_cache(maxsize=1)
def _glosses() -> dict[str, frozenset[str]]:
    """Names the notice writes only in parentheses, glossing another name,
    with the stems of the content words of their sentence: "(Denmark)" ->
    {"denmark": {"haiyan", "industri", "park", "nordic", ...}}."""
    text = notice_text()
    found: dict[str, frozenset[str]] = {}
    for m in _GLOSS.finditer(text):
        word = m.group(1)
        if len(re.findall(rf"\b{word}\b", text)) == 1:  # named nowhere else
            start = text.rfind(".", 0, m.start()) + 1
            end = text.find(".", m.end())
            sentence = text[start : end if end >= 0 else len(text)].replace(m.group(0), " ")
            found[word.casefold()] = frozenset(stem(w) for w in content_words(sentence) if w not in _GENERIC)
    return found


def _bare_gloss(word: str, question: str) -> bool:
    """Is ``word`` (or its people's adjective: "German") a name the notice only
    glosses (``_glosses``), in a question with no other word of that sentence?
    "What is Germany's policy on rent control?" is not about Haiyan's
    "European (Germany) Industrial Park"; "Which pilot set up industrial
    parks with Germany?" is, and so is one naming Denmark too (the same sentence's)."""
    glossed = next((words for gloss, words in _glosses().items() if _same_name(word, gloss)), None)
    return glossed is not None and not glossed & {stem(w) for w in content_words(question)}


_FOREIGN_ABBREVIATIONS = re.compile(r"(?<![\w'])(US|USA|UK|EU|UAE)(?![\w'])")  # "in the US": capitals, no capitalised word


def unknown_names(question: str) -> tuple[str, ...]:
    """Capitalised words (not the first word) that neither the notice nor the
    gazetteer knows, foreign countries' abbreviations, and Chinese cities the
    notice never names in any case. Example: "What did Shenzhen do?" ->
    ("Shenzhen",); "what did wuhan do?" -> ("wuhan",); "How are mortgage rates
    set in the US?" -> ("US",)."""
    gaz = gazetteer()
    found = _FOREIGN_ABBREVIATIONS.findall(question)
    for m in _CAPITALISED.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(1))
        if m.start() == 0 or word.casefold() in _COMMON:
            continue
        known = word.casefold() in notice_words() or gaz.lookup(word) is not None or _adjective_of_known(word)
        if not known or _bare_gloss(word, question):
            found.append(word)
    # a Chinese city the notice never names, typed in lower case: "what did shenzhen do ...?"
    words = (re.sub(r"'s$", "", w.replace("’", "'")) for w in re.findall(r"(?<![\w'’])[a-z][a-z'’]*", question))
    found += [w for w in words if w in gaz.other_cities]
    return tuple(found)


def _adjective_of_known(word: str) -> bool:
    """Is ``word`` a name the notice uses with up to two more letters, as a
    people's adjective is its country's name ("German" -> "Germany")?"""
    return any(_same_name(word, w) for w in _capitalised_notice_words())


def _same_name(word: str, name: str) -> bool:
    """Is ``word`` (five letters or more) the case-folded ``name``, or it
    without up to two last letters, as a people's adjective is its
    country's name ("German" -> "germany")?"""
    key = word.casefold()
    return len(key) >= 5 and name.startswith(key) and len(name) - len(key) <= 2


@lru_cache(maxsize=1)
def _capitalised_notice_words() -> frozenset[str]:
    return frozenset(m.casefold() for m in _CAPITALISED.findall(notice_text()))


_ROMAN = re.compile(r"[ivx]+")  # a section label ("(xiii)"), no topic


@lru_cache(maxsize=256)
def topic_words(question: str) -> tuple[str, ...]:
    """Words of the question that are neither place names nor generic
    question words. Example: "What did pilots in Hebei do?" -> ().
    Cached: one ask reads it for the same text several times."""
    return tuple(
        w for w in content_words(gazetteer().without_names(question)) if w not in _GENERIC and not _ROMAN.fullmatch(w)
    )


_QUESTION_WORDS = frozenset("how many much what which did does do done was were are has have can will".split())


_PLACEHOLDER_NOUNS = frozenset("units ones items pieces things numbers each".split())  # "into how many units?"
_COUNTED_END = frozenset(  # "how many they added": a pronoun, nothing named
    """did does do were was are is have has had will would can could in for at from on under across by to with per
    there through during after before since than they it we you he she those these them got get gets took take takes
    received receive""".split()
)


def counted_phrase(question: str) -> str:
    """The words naming what "how many" counts, up to the verb or preposition
    that ends them. Example: "How many rental units did Xiangtan mobilize?" ->
    "rental units"; "" when the question has no "how many"."""
    m = re.search(r"\bhow many\b", question, re.I)
    if not m:
        return ""
    words = []
    for w in re.findall(r"[\w'’-]+|[^\w\s]", question[m.end() :])[:6]:
        if not words and w.casefold() in ("of", "the"):  # "how many of them", "how many of the pilots"
            continue
        if not re.match(r"\w", w) or w.casefold() in _COUNTED_END:
            break
        if words and (words[-1].endswith("s") or words[-1].casefold() in _PLACEHOLDER_NOUNS) and w.endswith("ed"):
            break  # "volunteers joined", "how many each added"
        words.append(w)
    return "" if all(w.casefold() in _PLACEHOLDER_NOUNS for w in words) else " ".join(words)


def count_words(question: str) -> tuple[str, ...]:
    """Words a count in the answer could be of: content words of the question
    but place names and question words.
    Example: "How many places did Gu'an's school add?" -> ("places", "school", "add")."""
    words = content_words(gazetteer().without_names(question))
    return tuple(w for w in words if w not in _QUESTION_WORDS and not w.endswith("'s"))


def _carried(evidence: Evidence) -> bool:
    """Does the named place's best passage carry at least ``CARRIED`` of the
    question's topic words, which asks for no figure? Then it matches through
    more than the name: "I live in Miyun - is there anywhere I can work out for
    free?" (fitness, exercise, free: 3 of 5) matches weakly once "Miyun" is out."""
    return not evidence.figure and evidence.coverage is not None and evidence.coverage >= CARRIED


def should_abstain(
    evidence: Evidence, dense_threshold: float, region_threshold: float, unknown_name_override: float,
    coverage_min: float = 0.0, notice_coverage_min: float = 0.0, unknown_name_region_override: float = 0.5,
    topic_threshold: float = 0.0, coverage_override: float = 2.0, how_to_threshold: float = 0.0,
    region_coverage_override: float = 2.0,
) -> bool:
    if evidence.region_absent or evidence.beyond_notice:
        return True
    # the question's own similarity, without place names: a paraphrase in everyday words still matches
    own = evidence.topic_best if evidence.topic_best is not None else evidence.best_dense
    if evidence.notice_coverage is not None and evidence.notice_coverage < notice_coverage_min and own < coverage_override:
        return True
    if (evidence.names_region or evidence.names_section) and not evidence.topic_words:
        return False  # "What did pilots in Hebei do?", "What is section 10 about?": their passages answer it
    if evidence.how_to and evidence.best_dense < how_to_threshold:
        return True
    if evidence.topic_best is not None and evidence.topic_best < topic_threshold and not _carried(evidence):
        return True
    if evidence.best_dense < dense_threshold and not evidence.spelled_out:
        return True  # a short question matches weakly, but a passage with all its words is lexical evidence
    if evidence.unknown_names:
        if evidence.names_region and (evidence.region_best or 0.0) < unknown_name_region_override:
            return True
        if not evidence.names_region and evidence.best_dense < unknown_name_override:
            return True
    if evidence.figure_missing or evidence.name_missing:
        return True
    if evidence.coverage is not None and evidence.coverage < coverage_min:
        return True
    if evidence.region_best is None or evidence.region_best >= region_threshold:
        return False
    # the place's passage carries the question's words, though the model matches it weakly ("keep fit" / "fitness");
    # for a figure (which it gives: ``figure_missing`` is checked above), every one of two or more of them
    # ("and in how many districts did it lower the threshold?" after "What did Nanjing do about household registration?")
    if evidence.figure:
        return not (evidence.coverage is not None and evidence.coverage >= 1.0 and len(evidence.topic_words) >= 2)
    return not (evidence.coverage is not None and evidence.coverage >= region_coverage_override)
