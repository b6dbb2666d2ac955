"""``Assistant.ask``: validate, analyse, retrieve, pick the answer sentence,
cite, or abstain when the notice does not cover the question.

Abstention is decided in ``assistant.abstain`` from dense evidence, unknown
place names and region mismatch.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.abstain import WORD_MATCH, Evidence, count_words, should_abstain, topic_words, unknown_names
from assistant.models import Answer, Citation, CitedRegion, CitedSection
from assistant.query import ANYONE, PEOPLE, UNITS, Query, analyse, in_notice_terms, notice_terms, without_part_titles
from assistant.retrieve import Hit, PassageTable, lexical_text, rank
from assistant.sentences import best_sentence, sentence_features
from assistant.validate import clean_question
from corpus.models import Passage
from corpus.regions import gazetteer
from corpus.segment import shared_tails
from corpus.source import notice_text
from index.bundle import IndexBundle, load
from index.lexical import content_words, stem
from index.lexical import query_tokens as lexical_tokens
from noticeqa.errors import InputError
from noticeqa.settings import get_settings

NOT_COVERED = "The notice does not appear to cover this question."
ANSWER_POOL = 3  # the answer sentence is chosen among this many top citations
MAX_LIST = 20  # most citations a list answer returns
FIGURE_TOKEN = re.compile(r"\d[\d,.]*(?:%|[a-z]+)?|[a-z][a-z'-]+")
YEAR = re.compile(r"(1[89]|20)\d\d")
DATE_WORDS = frozenset("january february april june july august september october november december five-year".split())
NOT_A_COUNT = re.compile(r"\d+[a-z]+")  # an ordinal ("13th") or a name ("5G", "3A")
_PORTION = re.compile(  # a share of a group: "how many of the trainees ...?", "how many found jobs?"
    r"\bhow many (of (the|them|those|these|its|their)|found|got|went|moved|settled|ended|became|managed)\b", re.IGNORECASE)
MONEY_AFTER = 3  # tokens after a figure within which its currency ("350 million yuan") is found
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty dozen dozens hundreds thousands".split()
)
FIGURE_BEFORE, FIGURE_AFTER = 7, 4  # words around a figure that it may count
SCALE_WORDS = frozenset("hundred thousand million billion more than about".split())  # "0.2 million professionals"
HEAD_MATCH = 0.4  # a count's noun and the counted word: categories/types 0.43, pilot areas/batches 0.25
PLURAL_NOUN = re.compile(r"[a-z]{3,}[^s]s")  # "batches", "districts"; not "grass-roots", "this" or "across"
CHANGE_STATED = re.compile(  # a passage that gives a value before and after: "15 districts ... integrated into four"
    r"\bfrom\s+[^.;]{0,20}\d[^.;]{0,30}\bto\b|\binto\s+(about\s+)?(\d|two|three|four|five|six|seven|eight|nine|ten)\b|"
    r"\b(up|down|increased|decreased|reduced|rose|fell) from\b|\bcompared (with|to)\b|\bfrom net \w+ to\b",
    re.IGNORECASE,
)
PEOPLE_AFTER = 4  # tokens after a count within which a word for people shows it counts people: "0.6 million people",
# "1.82 million poor rural population", "30,000 graduates"
PEOPLE_COUNTED = PEOPLE | {"graduates"}  # words after a figure that make it a count of people
PEOPLE_ASKED = ANYONE | PEOPLE | frozenset(  # words of a question that ask a count of people; the last the notice
    "tourists visitors drivers passengers users customers".split())  # never counts: "10,000 parking spaces" is no drivers
UNIT_KINDS = {  # what a figure is measured in, by kind: "20,000 acres" answers "how many mu", not "how many tons"
    **dict.fromkeys("tons tonnes ton tonne kilograms kg".split(), "weight"),
    **dict.fromkeys("acres acre mu hectares hectare square".split(), "area"),  # "square meters" before "meters"
    **dict.fromkeys("meters metres kilometers kilometres km".split(), "length"),
    **dict.fromkeys("kilowatts kw".split(), "power"),
}
WORD_CACHE = 4096  # question words whose vectors are kept
SYNONYM = 0.65  # a word the notice lacks is also searched as its closest notice word from this cosine
COVERAGE_POOL = 3  # the named region's passages checked for topic coverage (or the best, for a figure)
LIST_POOL = 10  # the best passages checked for a figure that a list question asks of several pilots
SCOPE_CHECK = 3  # best passages that must include a list's topic section
THRUST_MARGIN = 0.1  # a section's lead-in leads a list (or names its section) when it beats every experience by this
TOPIC_CHECK_BELOW = 0.65  # a named place's passage matching at least this is not checked for a borrowed match:
# it saves the second encode for 2 in 3 answerable questions naming a place, and changes no decision on the 1,301
# questions of all QA sets (at 0.55, "Recommend a hiking trail near Tengchong." at 0.57 would be answered)
SPELLED_OUT_POOL = 10  # best passages searched for one that carries every topic word of the question
RANK_PENALTY = 0.2  # per rank, when choosing the answer sentence among citations (dev answer_acc: 0.1 0.964,
# 0.2-1.0 0.969)


_SOMETHING_ELSE = re.compile(r"\b(else|another|other)\b", re.IGNORECASE)  # not the passage already given
_PART_OF = re.compile(r"\b(as (a )?part of|in the same)\b", re.IGNORECASE)  # ... unless within what it gave


@dataclass(frozen=True)
class Figure:
    """A figure of a passage: its kind ("year", "money", "percent", "points"
    or "count"), the word rows near it (what it can be a figure of), the row of
    the plural noun right after a count (what it counts, -1 if none), whether it
    counts people, and the kind of unit it is measured in ("" if none)."""

    kind: str
    rows: np.ndarray
    head: int = -1
    people: bool = False
    unit: str = ""


def passage_stems(text: str) -> frozenset[str]:
    """The stems of a passage's content words, and of each part of a
    hyphenated one: "low-carbon" carries "low carbon" as typed."""
    words = content_words(text)
    return frozenset(stem(w) for w in [*words, *(part for w in words if "-" in w for part in w.split("-") if part)])


class Assistant:
    def __init__(self, bundle: IndexBundle):
        self.bundle = bundle
        self.passages = bundle.passages
        self._sentences: dict[int, list[int]] = defaultdict(list)
        for row, ref in enumerate(bundle.sentences):
            self._sentences[ref.passage].append(row)
        self._gaz = gazetteer()
        self._features = sentence_features(
            [self.passages[r.passage].text[r.start : r.end] for r in bundle.sentences],
            lambda text: bool(self._gaz.find(text)),
        )
        self._word_row = {w: i for i, w in enumerate(bundle.words)}
        self._word_cache: dict[str, np.ndarray] = {}  # question words outside the vocabulary
        self._synonym_of: dict[str, str] = {}  # such a word -> the notice's closest word ("" if none is close)
        self._foreign: dict[str, tuple[str, ...]] = {}  # question text -> its words the notice lacks
        self._figure_words = [self._figure_windows(p.norm_text) for p in self.passages]
        self._states_change = [bool(CHANGE_STATED.search(p.text)) for p in self.passages]
        self._passage_words = [
            np.array(sorted({self._word_row[w] for w in content_words(p.norm_text) if w in self._word_row}), dtype=np.int64)
            for p in self.passages
        ]
        self._passage_stems = [passage_stems(p.norm_text) for p in self.passages]
        self._by_id = {p.id: p for p in self.passages}
        self._stems = {stem(w) for w in bundle.words}
        self._table = PassageTable.of(self.passages)
        self._clause_passage = np.array([c.passage for c in bundle.clauses], dtype=np.int64)
        self._tail_of = shared_tails(self.passages, notice_text())

    @classmethod
    def load(cls, index_dir: Path | None = None, model: str | None = None) -> "Assistant":
        return cls(load(index_dir, model))

    def passage(self, passage_id: str) -> Passage | None:
        return self._by_id.get(passage_id)

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        history: list[str] | None = None,
        provinces: list[str] | None = None,
        sections: list[int] | None = None,
        retriever: str = "hybrid",
        threshold: float | None = None,
    ) -> Answer:
        """Answer ``question`` with cited verbatim excerpts; raises ``InputError``
        for a question that fails validation."""
        query = self._analyse(question, history)
        qvec = self._encode([query])[0]
        options = dict(top_k=top_k, provinces=provinces, sections=sections, retriever=retriever, threshold=threshold)
        return self._reread(self._answer(query, qvec, **options), query, history, options)

    def _reread(self, answer: Answer, query: Query, history: list[str] | None, options: dict) -> Answer:
        """A follow-up the notice does not cover as first read, answered when
        read as going on with the last turn's topic (one more ``encode``, only
        then): "How many were there before the merger?" after "What
        administrative changes did Yichun make?" asks about Yichun's districts,
        not about mergers in Yichun."""
        if not (answer.abstained and history) or query.numbered:
            return answer
        own = {r.name for r in query.regions} - set(query.borrowed)
        if own or not (query.borrowed or query.figure):
            return answer  # a place of its own, or a new question: not a follow-up
        other = self._analyse(query.question, history, continued=True)
        if other.text == query.text:
            return answer
        again = self._answer(other, self._encode([other])[0], **options)
        return answer if again.abstained else again

    def evidence(self, question: str, history: list[str] | None = None, retriever: str = "hybrid") -> Evidence:
        """The signals the abstention decision reads, for tuning and inspection."""
        query = self._analyse(question, history)
        hits = self._hits(query, self._encode([query])[0], retriever, None, None)
        return self._evidence(query, hits, full=True)

    def ask_many(self, questions: list[str], **options) -> list[Answer | InputError]:
        """Answer several questions with one batched ``encode``: the way a busy
        server answers concurrent users. Invalid questions yield their ``InputError``."""
        queries: list[Query | InputError] = []
        for q in questions:
            try:
                queries.append(self._analyse(q, options.get("history")))
            except InputError as exc:
                queries.append(exc)
        valid = [q for q in queries if isinstance(q, Query)]
        vectors = iter(self._encode(valid))
        keys = ("top_k", "provinces", "sections", "retriever", "threshold")
        kwargs = {k: options[k] for k in keys if k in options}
        history = options.get("history")
        return [
            q if isinstance(q, InputError) else self._reread(self._answer(q, next(vectors), **kwargs), q, history, kwargs)
            for q in queries
        ]

    def _analyse(self, question: str, history: list[str] | None, continued: bool = False) -> Query:
        text = clean_question(question, get_settings().max_question_chars)
        query = analyse(text, history, continued=continued)
        if history and (query.section_ref or query.wants_else):
            previous = analyse(clean_question(history[-1], get_settings().max_question_chars), history[:-1])
            hits = self._hits(previous, self._encode([previous])[0], "hybrid", None, None)
            if query.section_ref and not query.sections:
                section = next((self.passages[h.index].section for h in hits if self.passages[h.index].section), None)
                if section is not None:
                    query = replace(query, sections=(section.number,), numbered=(section.number,), text=query.spelled)
            if query.wants_else and hits and not self._carries_topic(hits[0], query) and not (
                query.excluded and not self._only_names(hits[0], query.excluded)  # "Jinan ... and Kunming": the other
            ):
                query = replace(query, demoted=self.passages[hits[0].index].id)
        return query

    def _evidence(self, query: Query, hits: list[Hit], full: bool = False) -> Evidence:
        """The abstention signals; ``full`` also computes the ones the settings
        switch off (for tuning), which may embed words the notice lacks."""
        named = query.localities - query.hinted  # an area is a hint, not the question's subject
        region_hits = [h for h in hits if any(r.name in named for r in self.passages[h.index].regions)]
        region_scores = [max(h.dense, h.clause) for h in region_hits]  # a long passage: its best clause
        region_best = max(region_scores) if named and region_scores else None
        topic = topic_words(query.asked)
        # a borrowed match is checked only when the place's passage does not already match well; the place's
        # coverage of the topic is needed then too (``abstain._carried``), and the second encode is saved otherwise
        borrowed = bool(named and topic) and (region_best is None or region_best < TOPIC_CHECK_BELOW)
        return Evidence(
            best_dense=max(h.dense for h in hits),
            region_best=region_best,
            unknown_names=tuple(n for n in unknown_names(query.spelled) if not notice_terms(n)),  # Covid: glossary
            topic_words=topic,
            names_region=bool(named and region_scores),
            coverage=self._coverage(topic, region_hits[:COVERAGE_POOL])
            if topic and region_hits and (full or borrowed or get_settings().coverage_min > 0 or (
                region_best is not None and region_best < get_settings().region_threshold)) else None,
            notice_coverage=self._notice_coverage(topic, None if full else get_settings().notice_coverage_min)
            if topic else None,
            figure_missing=bool(query.figure or query.before) and self._figure_missing(query, region_hits or hits),
            region_absent=(bool(named) and not region_hits) or (bool(query.absent_capital) and not named)
            or query.unlisted_batch,
            names_section=bool(query.numbered),
            # one topic word is enough for a list: "Which pilots did something about flooding?" asks for
            # pilots, which no off-topic question does
            spelled_out=self._spelled_out(topic, hits, 1 if query.wants_list else 2)
            or self._spelled_out(topic_words(in_notice_terms(query.spelled or query.question)), hits),
            beyond_notice=query.beyond_notice,
            how_to=query.how_to,
            figure=bool(query.figure),
            topic_best=self._topic_best(query.text) if borrowed else None,
            name_missing=bool(query.name_of) and not self._names_one(query.name_of, region_hits or hits),
        )

    def _names_one(self, kind: str, hits: list[Hit]) -> bool:
        """Does one of the best passages name an institution of ``kind``, by a
        capitalised name? "the First Hospital of Jilin University" names a
        hospital and a university; "a Grade 3B general hospital" names none."""
        name = re.compile(r"\b" + (kind[:-1] if kind.endswith("y") else kind).capitalize())  # "Universit": y or ies
        return any(name.search(self.passages[h.index].text) for h in hits[:COVERAGE_POOL])

    def _spelled_out(self, topic: tuple[str, ...], hits: list[Hit], least: int = 2) -> bool:
        """Does one of the best passages carry every topic word (``least`` or
        more), by stem? Asked of the question as typed and with its everyday
        words in the translation's ("care for old people": "care", "elderly")."""
        stems = {stem(w) for w in topic}
        return len(topic) >= least and any(stems <= self._passage_stems[h.index] for h in hits[:SPELLED_OUT_POOL])

    def _carries_topic(self, given: Hit, query: Query) -> bool:
        """Does the passage already given carry the topic of an "also" follow-up?
        "Did they also free up parking at government institutions?" after Xinmi's
        smart parking: yes, it stays; "Anything on the farming side too?" after
        Tongnan's land: no, it goes last; "What else ...?" moves on, unless
        it asks within what was given ("What else did they do as part of the
        hospital upgrade?" after Yingde's PCR lab). A word is carried in the
        translation's terms too ("rent": "leased")."""
        topic = [w for w in topic_words(query.asked) if w not in ("too", "well", "more")]  # "as well"
        if (_SOMETHING_ELSE.search(query.asked) and not _PART_OF.search(query.asked)) or not topic:
            return False
        stems = self._passage_stems[given.index]
        carried = [w for w in topic if stem(w) in stems
                   or any(stem(t) in stems for t in content_words(" ".join(notice_terms(w))))]
        return len(carried) >= len(topic) / 2

    def _figure_missing(self, query: Query, hits: list[Hit]) -> bool:
        """No passage gives the figure asked for; or, for a value before some
        change ("What was the rate before the pilot started?"), none states a
        change (the notice gives results, rarely where a place started from)."""
        pool = hits[: LIST_POOL if query.wants_list else COVERAGE_POOL]
        if query.before and not any(self._states_change[h.index] for h in pool):
            return True
        portion = query.figure == "count" and bool(_PORTION.search(query.asked))
        # "how many ended up with jobs?" counts by its verb: the figure is near any of the question's words
        counted = query.counted + count_words(query.asked) if portion and query.counted else query.counted
        return bool(query.figure) and not self._figure_support(
            counted, pool, query.figure or "count", query.asks_change, query.counts_items, portion)

    def _figure_windows(self, text: str) -> list[Figure]:
        """Each figure of a passage. Ordinals and names such as "5G" are no
        figures. Example: "... mobilized about 29,000 public rental housing
        units" -> [Figure("count", rows of mobilized, public, rental, housing,
        units)]; "three batches of ... pilot projects" -> [Figure("count", ...,
        head=row of batches)]; "about 12,000 people" -> [Figure(..., people=True)];
        "about 2 million tons" -> [Figure(..., unit="weight")]."""
        tokens = [t.rstrip(",.") for t in FIGURE_TOKEN.findall(text.lower())]  # "since 2014." is a year
        windows = []
        for i, tok in enumerate(tokens):
            if YEAR.fullmatch(tok) or tok in DATE_WORDS:
                windows.append(Figure("year", np.zeros(0, dtype=np.int64)))
                continue
            if not (tok[0].isdigit() or tok in NUMBER_WORDS) or NOT_A_COUNT.fullmatch(tok):
                continue
            after = tokens[i + 1 : i + 1 + MONEY_AFTER]
            kind = ("money" if "yuan" in after else "points" if after[:2] == ["percentage", "points"]
                    else "percent" if tok.endswith("%") or after[:1] in (["percent"], ["percentage"]) else "count")
            near = tokens[max(0, i - FIGURE_BEFORE) : i] + tokens[i + 1 : i + 1 + FIGURE_AFTER]
            rows = sorted({self._word_row[w] for w in near if w in self._word_row})
            noun = next((w for w in after if w not in SCALE_WORDS), "")
            head = self._word_row.get(noun, -1) if PLURAL_NOUN.fullmatch(noun) else -1
            people = bool(PEOPLE_COUNTED & set(tokens[i + 1 : i + 1 + PEOPLE_AFTER])) or (
                "population" in tokens[max(0, i - 4) : i])  # "a resident population of more than 3 million"
            unit = UNIT_KINDS.get(noun, "")
            windows.append(Figure(kind, np.array(rows, dtype=np.int64), head, people, unit))
        return windows

    def _figure_support(self, counted: tuple[str, ...], hits: list[Hit], kind: str = "count", change: bool = False,
                        items: bool = False, portion: bool = False) -> bool:
        """Does some passage give the figure asked for? A year or a month
        ("When was ...?") or a sum of money ("How much was lent?") is enough; a
        percentage, or a count (not a percentage), must be near one of the
        ``counted`` words; when ``items`` are counted ("How many pilot areas
        ...?"), a plural noun right after the count must be close to one of them
        ("three batches" counts no pilot areas; "about 20,000 acres" does answer
        "How much space?"). A change in percentage points answers a percentage
        question only when it asks for a ``change``; a percentage answers a
        count of a ``portion`` of a group ("How many of the trainees found jobs?")."""
        vectors = self._topic_vectors(counted) if counted and kind not in ("money", "year") else None
        measured = [w for w in counted if w not in UNITS] or list(counted)  # "tons of carbon": near carbon, in tons
        unit = next((UNIT_KINDS[w] for w in counted if w in UNIT_KINDS), "")  # ... and a figure in tons
        near = self._topic_vectors(tuple(measured)) if vectors is not None and measured != list(counted) else vectors
        people = items and bool(PEOPLE_ASKED & set(counted))  # "How many people settled ...?", "... doctors"
        share = kind == "percent" and bool(PEOPLE_ASKED & set(counted))  # "What share of the trainees found work?"
        for h in hits:
            for f in self._figure_words[h.index]:
                figure = f.kind
                if unit and f.unit != unit:
                    continue  # "How many tonnes of lemons?": "200 square kilometers" of lemon planting is no weight
                if people and not f.people:
                    continue  # "six municipal districts" counts no people
                if items and vectors is not None and f.head >= 0 and not self._matches(vectors, [f.head], HEAD_MATCH):
                    continue  # "three batches" counts batches, not the pilot areas asked for
                if kind == "percent" and figure == "points" and change:
                    figure = "percent"  # "By how much did the rate rise?": a change in points answers it
                if portion and figure == "percent":
                    figure = "count"  # "How many of the trainees found jobs?": "more than 80 percent of the participants"
                if (kind != "count" and figure != kind) or (kind == "count" and figure in ("percent", "points", "year")):
                    continue
                if near is None or (portion and people) or (share and f.people) or self._matches(near, f.rows):
                    return True  # a share of people asked, and a share of people given: "80 percent of the participants"
        return False

    def _matches(self, vectors: np.ndarray, rows, close: float = WORD_MATCH) -> bool:
        """Is some word of ``rows`` close (cosine >= ``close``) to one of ``vectors``?"""
        return bool(len(rows)) and float((vectors @ self.bundle.word_vectors[rows].T).max()) >= close - 1e-6

    def _encode(self, queries: list[Query]) -> np.ndarray:
        """Question vectors, with one ``encode`` that also embeds the words of
        the questions that the notice's vocabulary lacks (kept for later: for
        lexical synonyms and figure checks)."""
        words = sorted({
            w for q in queries for w in (*q.counted, *self._foreign_words(q))
            if w not in self._word_row and w not in self._word_cache
        })
        vectors = self.bundle.embedder.encode([q.text for q in queries] + words)
        if len(self._word_cache) + len(words) > WORD_CACHE:
            self._word_cache.clear()
        self._word_cache.update(zip(words, vectors[len(queries):]))
        return vectors[: len(queries)]

    def _foreign_words(self, query: Query) -> tuple[str, ...]:
        """Topic words of the question the notice never uses, place names and
        question words aside (kept per question text): "Where do villagers pay
        to have their rubbish hauled away?" -> rubbish, hauled."""
        found = self._foreign.get(query.text)
        if found is None:
            names = {n.casefold() for n in unknown_names(query.text)}
            found = tuple(
                w for w in topic_words(query.text)
                if w not in self._word_row and w not in names and not notice_terms(w)  # the glossary has its words
            )
            if len(self._foreign) >= WORD_CACHE:
                self._foreign.clear()
            self._foreign[query.text] = found
        return found

    def _synonyms(self, query: Query) -> str:
        """For the words the notice never uses, its closest word, when close
        (cosine >= SYNONYM): "rubbish" -> "garbage", "yearly" -> "annual",
        "firms" -> "companies". They join the lexical search only; each word's
        is found once (its vector comes with the question's ``encode``)."""
        out = []
        for w in self._foreign_words(query):
            if w not in self._synonym_of and w in self._word_cache:
                if len(self._synonym_of) >= WORD_CACHE:
                    self._synonym_of.clear()
                sims = self.bundle.word_vectors @ self._word_cache[w]
                best = int(sims.argmax())
                self._synonym_of[w] = self.bundle.words[best] if sims[best] >= SYNONYM else ""
            out.append(self._synonym_of.get(w, ""))
        return " ".join(w for w in out if w)

    def _topic_best(self, text: str) -> float:
        """Best cosine of ``text`` without its place names (one more ``encode``)."""
        return self._best_cosine(self.bundle.embedder.encode([" ".join(self._gaz.without_names(text).split())])[0])

    def _best_cosine(self, vector: np.ndarray) -> float:
        """Best cosine of ``vector`` with any passage or clause window."""
        scores, _ = self.bundle.dense.search(vector, 1)
        clauses = float((self.bundle.clause_vectors @ vector).max()) if len(self._clause_passage) else -1.0
        return max(float(scores[0][0]), clauses)

    def _topic_vectors(self, topic: tuple[str, ...]) -> np.ndarray:
        missing = [w for w in topic if w not in self._word_row and w not in self._word_cache]
        if missing:
            self._word_cache.update(zip(missing, self.bundle.embedder.encode(missing)))
        return np.stack([
            self.bundle.word_vectors[self._word_row[w]] if w in self._word_row else self._word_cache[w] for w in topic
        ])

    def _notice_coverage(self, topic: tuple[str, ...], enough: float | None = None) -> float:
        """Share of topic words the notice uses: by stem ("restaurants" ->
        "restaur"), then also as a word with embedding cosine >= WORD_MATCH,
        which needs an ``encode`` of the words the notice lacks, so it is skipped
        once the stems alone reach ``enough`` (the share that decides nothing
        more). "Best hotpot restaurants in Chongqing?" -> 0.0."""
        known = [stem(w) in self._stems for w in topic]
        if all(known) or (enough is not None and sum(known) >= enough * len(topic)):
            return sum(known) / len(topic)
        unknown = tuple(w for w, k in zip(topic, known) if not k)
        found = iter((self._topic_vectors(unknown) @ self.bundle.word_vectors.T).max(axis=1) >= WORD_MATCH - 1e-6)
        return sum(k or bool(next(found)) for k in known) / len(topic)

    def _coverage(self, topic: tuple[str, ...], hits: list[Hit]) -> float:
        """Best share, over the hits' passages, of topic words each passage
        carries (exactly, or a word with embedding cosine >= WORD_MATCH)."""
        vectors = self._topic_vectors(topic)
        best = 0.0
        for h in hits:
            rows = self._passage_words[h.index]
            if len(rows) == 0:
                continue
            sims = vectors @ self.bundle.word_vectors[rows].T
            best = max(best, float((sims.max(axis=1) >= WORD_MATCH - 1e-6).mean()))
        return best

    def _answer(self, query: Query, qvec: np.ndarray, top_k=None, provinces=None, sections=None,
                retriever: str = "hybrid", threshold: float | None = None) -> Answer:
        settings = get_settings()
        top_k = top_k or settings.top_k
        threshold = settings.abstain_threshold if threshold is None else threshold
        text = query.question
        if query.numbered and not sections and not topic_words(without_part_titles(query.asked)):
            sections = list(query.numbered)  # "What is section 10 about?": that section's passages
        hits = self._hits(query, qvec, retriever, provinces, sections)
        hits = self._ordered(hits, query)
        filters = {k: [str(v) for v in vals] for k, vals in (("provinces", provinces), ("sections", sections)) if vals}
        recognised = dict(
            regions_recognized=[CitedRegion(name=r.name, province=r.province) for r in query.regions],
            sections_recognized=list(query.sections),
            filters=filters,
        )
        if not hits or should_abstain(
            self._evidence(query, hits), threshold, settings.region_threshold,
            settings.unknown_name_override, settings.coverage_min, settings.notice_coverage_min,
            settings.unknown_name_region_override, settings.topic_threshold, settings.coverage_override,
            settings.how_to_threshold, settings.region_coverage_override,
        ):
            return Answer(question=text, abstained=True, answer=NOT_COVERED, citations=[], **recognised)
        scope = self._list_scope(query, hits)
        members = self._members(scope, hits) if query.wants_list and not query.wants_section else None
        k = top_k
        if members is not None:
            hits = self._thrust_first(self._grouped(members, hits, scope), members, scope)
            k = min(max(top_k, len(members)), MAX_LIST)
        citations = self._cite(hits[:k], query, qvec)
        best = citations[0][0] if members is not None or query.wants_section else self._best(citations, query)
        answer = best.text[best.highlight[0] : best.highlight[1]]
        return Answer(question=text, abstained=False, answer=answer, citations=[c for c, _ in citations], **recognised)

    def _ordered(self, hits: list[Hit], query: Query) -> list[Hit]:
        """The ranking read for what the question asks: places it excludes
        dropped, a passage already given last, a named place's passages first,
        a section's lead-in first, or pilots' experiences first for "which city"."""
        if query.excluded:  # a passage that also names another place stays: "Jinan ... and Kunming"
            hits = [h for h in hits if not self._only_names(h, query.excluded)]
        if query.demoted:
            hits = sorted(hits, key=lambda h: self.passages[h.index].id == query.demoted)
        if query.switched or (query.wants_else and query.borrowed):
            # "And Changge?" after Zibo's loans: Changge's passages, not Zibo's, however close; "What else did
            # they do?": the earlier place's other passages (the one already given last of them)
            hits = sorted(hits, key=lambda h: not self._names(h, query.localities))
        elif (named := query.localities - query.hinted) and not (query.wants_section or query.wants_overview):
            # the named place's best passage first: "Does Kunming still limit settlement?" -> Kunming's, not
            # section 1's lead-in (the others keep their rank: Suizhou's rental housing before Xiangtan's waste)
            first = next((h for h in hits if self._names(h, named)), None)
            hits = [first, *(h for h in hits if h is not first)] if first else hits
        if query.wants_section:
            hits = self._lead_in_first(hits)
        elif query.wants_place:  # "Which city got rid of its yearly quotas?": a pilot's experience names it
            hits = sorted(hits, key=lambda h: self.passages[h.index].kind != "experience")
        return hits

    def _names(self, hit: Hit, names) -> bool:
        return any(r.name in names for r in self.passages[hit.index].regions)

    def _only_names(self, hit: Hit, names) -> bool:
        regions = self.passages[hit.index].regions
        return bool(regions) and all(r.name in names for r in regions)

    def _lead_in_first(self, hits: list[Hit]) -> list[Hit]:
        """The lead-in of the best hit's section first: "Under what heading is
        the carbon coin scheme discussed?" -> section 8's lead-in."""
        section = next((self.passages[h.index].section for h in hits if self.passages[h.index].section), None)
        if section is None:
            return hits
        lead = [h for h in hits if self.passages[h.index].kind == "lead-in" and self.passages[h.index].section == section]
        return lead + [h for h in hits if h not in lead]

    def _hits(self, query: Query, qvec: np.ndarray, retriever, provinces, sections) -> list[Hit]:
        scores, ids = self.bundle.dense.search(qvec, len(self.passages))
        dense = np.zeros(len(self.passages), dtype=np.float32)
        dense[ids[0][ids[0] >= 0]] = scores[0][ids[0] >= 0]
        lexical = self.bundle.lexical.scores(f"{lexical_text(query.text)} {self._synonyms(query)}")
        return rank(
            self.passages, dense, lexical, query, retriever,
            frozenset(provinces or ()), frozenset(int(s) for s in sections or ()), self._clause_scores(qvec, dense),
            self._table,
        )

    def _clause_scores(self, qvec: np.ndarray, dense: np.ndarray) -> np.ndarray:
        """Each passage's best clause-window cosine (its own cosine if it has no window)."""
        best = dense.astype(np.float64).copy()
        if len(self._clause_passage):
            np.maximum.at(best, self._clause_passage, self.bundle.clause_vectors @ qvec)
        return best

    def _list_scope(self, query: Query, hits: list[Hit]) -> Query:
        """A list's sections: those named by number, and a topic's section only
        when one of the ``SCOPE_CHECK`` best-ranked passages of any section is
        in it: a topic word can name a section that the question's best
        passages are not in, and the list is then not confined to it. A list
        that names no section and no place is its theme's section when that
        section's lead-in answers it far better than any experience."""
        if not query.wants_list:
            return query
        if not query.sections and not query.localities:
            return replace(query, sections=self._theme_of(hits))
        if query.sections == query.numbered:
            return query
        top = [self.passages[h.index] for h in hits if self.passages[h.index].section is not None][:SCOPE_CHECK]
        agreed = {p.section.number for p in top if p.section is not None}
        return replace(query, sections=tuple(s for s in query.sections if s in query.numbered or s in agreed))

    def _theme_of(self, hits: list[Hit]) -> tuple[int, ...]:
        """The section whose lead-in is the best hit, ``THRUST_MARGIN`` ahead
        of every experience, by score or by the model alone: "Give me all the
        examples of bringing urban public services like healthcare and
        education to rural areas" -> (13,) (section 13's lead-in 0.79, the best
        experience 0.58); "Which places does the notice cite for bringing
        city-level health care and schooling to rural areas?" -> (13,) (cosine
        0.61 against Gu'an's school places at 0.43, though "schooling" brings
        Gu'an within 0.06 by score)."""
        rivals = [h for h in hits if self.passages[h.index].kind == "experience"]
        top = self._lead_in_ahead(hits, rivals) or self._lead_in_ahead(hits, rivals, lambda h: h.dense)
        return (self.passages[top.index].section.number,) if top else ()

    def _lead_in_ahead(self, hits: list[Hit], rivals: list[Hit], key=lambda h: h.score) -> Hit | None:
        """The best hit by ``key``, when it is a section's lead-in
        ``THRUST_MARGIN`` ahead of every one of ``rivals``."""
        top = max(hits, key=key, default=None)
        if top is None or self.passages[top.index].kind != "lead-in" or self.passages[top.index].section is None:
            return None
        return top if key(top) >= max((key(h) for h in rivals), default=0.0) + THRUST_MARGIN else None

    def _members(self, query: Query, hits: list[Hit]) -> list[Hit]:
        """Every experience a list question asks for: all of a named place's,
        all of a named section's; of an open list ("Which places relaxed
        settlement restrictions?"), those within ``list_margin`` of the best cosine."""
        experiences = [h for h in hits if self.passages[h.index].kind == "experience"]
        if query.localities:  # sections only order a named place's experiences
            return [h for h in experiences if any(r.name in query.localities for r in self.passages[h.index].regions)]
        if query.sections:
            experiences = [h for h in experiences if self._in_sections(self.passages[h.index], query.sections)]
            if set(query.sections) <= set(query.numbered) or self._asks_whole_section(query, hits, experiences):
                return experiences  # "List the pilots of section 8": all of them
        if not experiences:
            return []
        floor = max(h.dense for h in experiences) - get_settings().list_margin
        return [h for h in experiences if h.dense >= floor]

    def _asks_whole_section(self, query: Query, hits: list[Hit], experiences: list[Hit]) -> bool:
        """Does a list question found in a section by its topic ask for the
        section's whole theme? Yes when the section's lead-in matches it about
        as well as its best experience: "Which experiences are given for the
        low-carbon transformation of cities?" (all of section 8), not "What
        elderly care experiences does the notice cite?" (one of section 2's)."""
        leads = [h.dense for h in hits
                 if self.passages[h.index].kind == "lead-in" and self._in_sections(self.passages[h.index], query.sections)]
        return bool(leads and experiences) and max(leads) >= max(h.dense for h in experiences) - get_settings().list_margin

    @staticmethod
    def _in_sections(p: Passage, sections: tuple[int, ...]) -> bool:
        return p.section is not None and p.section.number in sections

    def _grouped(self, members: list[Hit], hits: list[Hit], query: Query) -> list[Hit]:
        """A list's members first, grouped by region: the region of the member
        closest to the question first (that member first in it), when the
        question has a topic; then those in a section the question names (they
        answer its topic), then by region in the order the notice first names
        each, in document order within a region (a province-wide experience
        after its localities); then the other hits, a section's before the
        front matter and closing ("List the pilot cities that ..." matches
        them by "pilot cities"), the experiences whose purpose a member's
        sentence states first ("... especially migrant children" ends Gu'an's
        passage, and is Chenzhou's and Qiongzhong's purpose too: one sentence
        lists all three). "What did pilots in Hebei do?" has no topic:
        its list is in the notice's order."""
        best = max(members, key=lambda h: h.score) if members and topic_words(query.asked) else None
        first_seen: dict[str, int] = {}
        for h in sorted(members, key=lambda h: h.index):
            first_seen.setdefault(self._group(self.passages[h.index], query), h.index)
        lead = self._group(self.passages[best.index], query) if best else None

        def key(h: Hit) -> tuple[bool, bool, bool, int, bool, int]:
            p = self.passages[h.index]
            group = self._group(p, query)
            off_topic = bool(query.sections) and not self._in_sections(p, query.sections)
            return (group != lead, off_topic, all(r.is_province for r in p.regions), first_seen[group],
                    h is not best, h.index)

        chosen = {h.index for h in members}
        shared = {i for h in members for i in self._tail_of.get(h.index, ())}
        rest = [h for h in hits if h.index not in chosen]  # then the sections' passages before the front matter
        return sorted(members, key=key) + sorted(
            rest, key=lambda h: (h.index not in shared, self.passages[h.index].section is None)
        )

    def _thrust_first(self, hits: list[Hit], members: list[Hit], query: Query) -> list[Hit]:
        """The list's section lead-in first when the question asks for the
        section's thrust and the lead-in answers far better than any
        experience: "In the section on vocational skills, what are the places
        of inflow supposed to do?" is answered by what section 3 says they
        should do (0.92), not by Lipu's training (0.75)."""
        if not members or not (query.sections and query.wants_overview):
            return hits
        top = self._lead_in_ahead(hits, members)
        if top is None or not self._in_sections(self.passages[top.index], query.sections):
            return hits
        return [top, *(h for h in hits if h is not top)]

    @staticmethod
    def _group(p: Passage, query: Query) -> str:
        named = [r.name for r in p.regions if r.name in query.localities]
        return (named or [r.name for r in p.regions] or [p.id])[0]

    def _best(self, citations: list[tuple[Citation, float]], query: Query) -> Citation:
        """The citation holding the answer sentence: among the top few, preferring
        those that carry a place the question names, and pilots' experiences
        when the question asks what some place did; never the passage a "what
        else" question has already been given."""
        citations = [c for c in citations if c[0].passage_id != query.demoted] or citations  # "what else": not it
        pool = citations[:ANSWER_POOL]
        if query.wants_experience:
            pool = [c for c in pool if self._by_id[c[0].passage_id].kind == "experience"] or pool
        named = [c for c in citations[:ANSWER_POOL * 2] if any(r.name in query.localities for r in c[0].regions)]
        return max(named or pool, key=lambda c: c[1] - RANK_PENALTY * c[0].rank)[0]

    def _cite(self, hits: list[Hit], query: Query, qvec: np.ndarray) -> list[tuple[Citation, float]]:
        query_tokens = set(lexical_tokens(query.text))
        out = []
        for rank_, hit in enumerate(hits, start=1):
            p = self.passages[hit.index]
            rows = self._sentences[hit.index]
            refs = [self.bundle.sentences[r] for r in rows]
            cosines = self.bundle.sentence_vectors[rows] @ qvec if rows else np.zeros(0)
            span, sentence_score = best_sentence(
                [(r.start, r.end) for r in refs], [self._features[r] for r in rows], cosines,
                query, query_tokens, len(p.text),
            )
            out.append((self._citation(rank_, p, span, hit.score), sentence_score + 0.05 * hit.dense))
        return out

    @staticmethod
    def _citation(rank_: int, p: Passage, span: tuple[int, int], score: float) -> Citation:
        section = CitedSection(
            part=p.part,
            number=p.section.number if p.section else None,
            title=p.section.title if p.section else None,
        )
        return Citation(
            rank=rank_, passage_id=p.id, text=p.text, highlight=span, section=section,
            regions=[CitedRegion(name=r.name, province=r.province) for r in p.regions],
            score=round(score, 6),
        )
